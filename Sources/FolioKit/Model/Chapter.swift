/// One chapter file: its front matter and parsed body.
public struct Chapter: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable, Comparable {
        case draft, review, approved

        public static func < (a: Status, b: Status) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    public enum Matter: Sendable, Hashable {
        case front, main, back, appendix
    }

    /// Path as shown in diagnostics (relative to the working directory when possible).
    public var path: String
    /// Path relative to the paper folder, as written in the manifest.
    public var manifestPath: String
    public var matter: Matter
    public var title: [Inline]
    public var titleLocation: SourceLocation
    /// Explicit id from front matter or a `{#id}` on the title heading.
    public var explicitID: String?
    public var owners: [String]
    public var reviewers: [String]
    public var status: Status?
    public var document: MarkdownDocument
    /// Checklist items the whole chapter claims (front matter `covers:` and `primary:`).
    public var claims: [CoverageClaim] = []
    /// The file's text as read, for the lint rules and fixes (no second read); empty when the paper
    /// was loaded without texts (a build).
    public var text = ""
    /// The file's `<!-- folio-lint … -->` switches, which the diagnostic engine applies.
    var switches = LintDirectives()
    /// A one-file pandoc paper (its front matter title is the paper's): its level-1 headings open
    /// chapters, which `OneFilePaper` cuts it into.
    var wholePaper = false
    /// A chapter without a number wherever it stands: one cut from a one-file paper at a `# Title {-}`
    /// heading, or the text before its first `#` heading.
    var unnumbered = false
    /// Whether the title is the `#` heading that opened the body (rather than front matter's).
    var titledByHeading = false
}

/// A part of the paper: a titled group of chapters on one side.
public struct Part: Sendable {
    public var title: String
    public var side: Manifest.Side
    public var chapters: [Chapter]
    public var location: SourceLocation
}

/// The whole paper as loaded from disk, before resolution.
public struct Paper: Sendable {
    public var manifest: Manifest
    /// Where the files were read from.
    public var provider: any SourceProvider
    /// The paper folder in the working tree.
    public var directory: String { provider.directory.path }
    public var frontMatter: [Chapter]
    public var parts: [Part]
    public var backMatter: [Chapter]
    public var appendices: [Chapter]
    /// Every entry of the manifest's `bibliography:` files.
    public var bibliography = Bibliography()
    /// The manifest's `checklist:` file, if it names one.
    public var checklist: Checklist?
    /// The manifest's `glossary:` file, if it names one.
    public var glossary: Glossary?

    /// Every chapter in reading order.
    public var chapters: [Chapter] {
        frontMatter + parts.flatMap(\.chapters) + backMatter + appendices
    }

    /// A copy with `transform` applied to every chapter, in reading order, each kept in its place.
    public func mapChapters(_ transform: (Chapter) -> Chapter) -> Paper {
        var out = self
        out.frontMatter = frontMatter.map(transform)
        out.parts = parts.map { part in
            var p = part
            p.chapters = part.chapters.map(transform)
            return p
        }
        out.backMatter = backMatter.map(transform)
        out.appendices = appendices.map(transform)
        return out
    }

    /// The paper as it is, leaving this copy without its chapters: the one way to give the parsed
    /// chapters to a consumer that may free them (`Resolver.resolve`) while this copy lives on.
    mutating func handOver() -> Paper {
        let whole = self
        dropChapters()
        return whole
    }

    /// Lets go of every chapter (parts keep their titles). The resolver drops its parsed chapters once
    /// it has numbered them: what a later pass rewrites is then freed as it is replaced.
    mutating func dropChapters() {
        frontMatter = []
        for i in parts.indices { parts[i].chapters = [] }
        backMatter = []
        appendices = []
    }
}
