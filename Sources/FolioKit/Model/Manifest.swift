/// The paper's manifest, `Paper/folio.yaml`.
public struct Manifest: Sendable, Equatable {
    public struct Author: Sendable, Hashable {
        public var name: String
        public var affiliations: [String]
    }

    /// A file named in the manifest, with the location of the line that names it.
    public struct FileRef: Sendable, Hashable {
        public var path: String
        public var location: SourceLocation
    }

    public enum Side: String, Sendable, Hashable, CaseIterable {
        case demand, supply
    }

    public struct PartSpec: Sendable, Equatable {
        public var title: String
        public var side: Side
        public var chapters: [FileRef]
        public var location: SourceLocation
    }

    public var title: String
    public var subtitle: String?
    /// `title` and `subtitle` read as Markdown (`TitleMarkup`); empty when the manifest was not loaded
    /// from YAML, and then the writers print the strings.
    public var titleInlines: [Inline] = []
    public var subtitleInlines: [Inline] = []
    /// The title as plain text, without its markup (the page's `<title>`, the PDF's metadata).
    public var plainTitle: String { titleInlines.isEmpty ? title : titleInlines.plainText }
    /// The PDF's subject (the subtitle when unset) and keywords.
    public var subject: String?
    public var keywords: [String] = []
    public var version: String?
    public var date: String?
    public var lang: String
    public var authors: [Author]
    public var abstract: String?
    public var frontMatter: [FileRef]
    public var parts: [PartSpec]
    public var backMatter: [FileRef]
    public var appendices: [FileRef]
    public var bibliography: [FileRef]
    public var checklist: FileRef?
    public var glossary: FileRef?
    /// The manifest's `lint:` section, if it has one, as written (`LintConfig` reads it).
    public var lint: YAMLValue?
    /// Citation style, references title, `nocite` and the LaTeX citation mode.
    public var citations = CitationOptions()
    /// Lets raw HTML in chapters through to the HTML output (escaped otherwise).
    public var rawHTML: Bool
    /// Lets pandoc's `{=latex}` raw blocks and spans through to the LaTeX output (an error otherwise).
    public var rawLaTeX = false
    /// `math-macros:`, by name without the backslash.
    public var mathMacros: [String: MathMacro] = [:]
    /// How many heading levels below the chapter get numbers (1 = sections only).
    public var sectionDepth: Int
    /// Whether front-matter chapters are numbered.
    public var numberFrontMatter: Bool
    /// Figures, tables, equations and listings numbered per chapter ("Figure 3.2") or through the paper.
    public var numberFloatsPerChapter: Bool
    /// Cross-reference and caption words, from `lang` and `crossref: words:`.
    public var words: PaperWords
    /// Which lists (`figures`, `tables`, `listings`) follow the table of contents.
    public var lists: [PaperWords.Kind]
    /// Whether an image alone in a paragraph without an id is a numbered figure (Folio's default) or
    /// an unnumbered one with its caption (`crossref: {compat: pandoc-crossref}` or
    /// `number-unlabelled-figures: false`), so that labelled figures keep pandoc-crossref's numbers.
    public var numberUnlabelledFigures = true
    /// `crossref: sort:` — references in a group in the order of their numbers (then compressed into
    /// ranges), as pandoc-crossref prints them; the default with `compat: pandoc-crossref`.
    public var sortCrossReferences = false
    /// `crossref: compat: pandoc-crossref`: also captioned tables and listings without a label are
    /// left unnumbered, as pandoc-crossref numbers only labelled ones.
    public var pandocCrossrefCompat = false
    /// `crossref: number-all-equations: true` (pandoc-crossref's `autoEqnLabels`): unlabelled equations are numbered too.
    public var numberAllEquations = false
    /// `crossref: auto-section-labels: true` (pandoc-crossref's `autoSectionLabels`): the id Folio
    /// makes for a heading without one starts with `sec:` (`## Wrapping div` is `@sec:wrapping-div`).
    public var autoSectionLabels = false
    /// Input limits for every chapter (the manifest's `limits:` section).
    public var limits: InputLimits
    /// The manifest's own location (its first line).
    public var location: SourceLocation
    /// Where `raw-html` and each `limits:` entry are written ("raw-html", "limits.table-columns"...),
    /// so that `--untrusted` can point at the settings it ignores.
    public var settingLocations: [String: SourceLocation] = [:]

    public var allChapterRefs: [FileRef] {
        frontMatter + parts.flatMap(\.chapters) + backMatter + appendices
    }
}
