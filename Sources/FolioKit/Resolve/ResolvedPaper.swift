import Foundation

/// The paper after the Resolve stage: everything numbered and given an id. Writers read only this.
public struct ResolvedPaper: Sendable {
    public var manifest: Manifest
    public var directory: String
    public var entries: [Entry]
    /// Local images the outputs need, keyed by the source string written in the Markdown.
    public var assets: [String: Asset]
    /// Every referenceable target, with its number.
    public var labels: LabelRegistry
    /// The paper's bibliography (all entries, cited or not).
    public var bibliography = Bibliography()
    /// Ids of bibliography entries, citation anchors and checklist items (LaTeX links to these with `\hyperlink`).
    public var hyperTargets: Set<String> = []
    /// Checklist coverage, when the manifest names a checklist.
    public var coverage: CoverageReport?
    /// Keys of the bibliography entries the reference list shows (cited or `nocite`d), in bibliography order.
    public var listedReferences: [String] = []
    /// Review marks left for the writers to show (drafts built with `--review show`).
    public var reviewMarks = 0
    /// Where the build came from, for the stamps (set by the build, not by Resolve).
    public var provenance: Provenance?

    /// Where a link goes, decided here rather than by each writer.
    public enum LinkTarget: Sendable, Hashable {
        /// A numbered or titled target (`\hyperref`): a chapter, section, float or other label.
        case label(String)
        /// A bare anchor (`\hyperlink`): a bibliography entry, a citation or a checklist item.
        case anchor(String)
        /// A URL outside the paper.
        case external(String)
        /// Nowhere Folio can link to (an unknown `#id`, an empty or dangerous URL): the text only.
        case none
    }

    /// Ids that labels point at (the LaTeX writer links to these with `\hyperref`).
    public var labelIDs: Set<String> { Set(labels.targets.map(\.id)) }

    /// Where `destination` goes, given the label ids and anchors of this paper (computed once by a writer).
    public static func linkTarget(_ destination: String, labels: Set<String>, anchors: Set<String>) -> LinkTarget {
        if destination.hasPrefix("#") {
            // `#%E6%A0%87%E9%A2%98` is `#标题`, as a browser reads it.
            let raw = String(destination.dropFirst())
            // Foundation's decoding cost 10,000 instructions a link; most ids have no '%' to decode.
            let id = raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding ?? raw : raw
            if anchors.contains(id) { return .anchor(id) }
            return labels.contains(id) ? .label(id) : .none
        }
        return destination.isEmpty || HTMLEscaping.isDangerous(destination) ? .none : .external(destination)
    }

    public enum Entry: Sendable {
        case part(ResolvedPart)
        case chapter(ResolvedChapter)
    }

    public var chapters: [ResolvedChapter] {
        entries.compactMap { if case .chapter(let c) = $0 { c } else { nil } }
    }

    /// The lists of floats after the contents: the manifest's `lists:`, then those a chapter asks for
    /// with `\listoffigures` or `\listoftables` on a line of its own.
    public var floatLists: [PaperWords.Kind] {
        var lists = manifest.lists
        for ch in chapters {
            for kind in ch.floatLists where !lists.contains(kind) { lists.append(kind) }
        }
        return lists
    }

    /// Each chapter's id, by its file as diagnostics name it (the generated chapters' too).
    public var chapterIDs: [String: String] {
        Dictionary(chapters.map { ($0.path, $0.id) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every inline any writer prints: chapter titles (which the contents and running heads reuse),
    /// every block and every footnote, generated chapters included. Validation walks this, so a check
    /// made here covers every place a writer reads. (Part titles and manifest metadata are plain
    /// strings that the writers escape as text.)
    public func forEachInline(_ body: (InPlace<Inline>) -> Void) {
        for ch in chapters { ch.forEachInline(body) }
    }

    /// Every block any writer prints, nested ones included, footnotes too.
    public func forEachBlock(_ body: (InPlace<Block>) -> Void) {
        for ch in chapters { ch.forEachBlock(body) }
    }
}

public struct ResolvedPart: Sendable {
    public var title: String
    public var side: Manifest.Side
    /// Position among the parts, from 1.
    public var ordinal: Int
    /// Roman numeral, "I", "II"...
    public var number: String { RomanNumeral.string(ordinal) }
    public var id: String
}

public struct ResolvedChapter: Sendable, Equatable {
    public var title: [Inline]
    /// The chapter counter (appendices count from 1 again), nil when unnumbered.
    public var ordinal: Int?
    /// "3" for chapters, "A" for appendices, nil when unnumbered.
    public var number: String? {
        ordinal.map { matter == .appendix ? AppendixLetter.string($0) : String($0) }
    }
    public var id: String
    public var matter: Chapter.Matter
    public var blocks: [Block]
    public var footnotes: [MarkdownDocument.Footnote]
    /// Each footnote label's number, assigned once, after every pass that adds notes (`FootnotePass`).
    public var footnoteNumbers: [String: Int] = [:]
    /// Prefix that makes this chapter's footnote anchors unique on the page.
    public var footnotePrefix: String
    /// The chapter file as diagnostics name it, and where its title is.
    public var path: String
    public var titleLocation: SourceLocation
    /// Written by Folio (references, glossary, checklist coverage), not by an author.
    public var isGenerated: Bool
    /// From the front matter: review status, owners and the checklist items the whole chapter claims.
    public var status: Chapter.Status?
    public var owners: [String]
    public var claims: [CoverageClaim]
    /// The lists of floats the chapter asks for (`\listoffigures` on a line of its own, anywhere in
    /// it), in reading order: found while the chapter is numbered, so that the writers do not walk
    /// every block of the paper again to find them.
    public var floatLists: [PaperWords.Kind] = []

    /// Every inline of the chapter a writer prints: its title, its blocks and its footnotes.
    public func forEachInline(_ body: (InPlace<Inline>) -> Void) {
        title.forEachInline(body)
        blocks.forEachInline(body)
        for note in footnotes { note.content.forEachInline(body) }
    }

    /// Every block of the chapter, nested ones and footnotes included.
    public func forEachBlock(_ body: (InPlace<Block>) -> Void) {
        blocks.forEachBlock(body)
        for note in footnotes { note.content.forEachBlock(body) }
    }

    /// The label shown before the title in the paper's words: "Chapter 3", "Appendix A", or nil.
    public func label(_ words: PaperWords) -> String? {
        guard let number else { return nil }
        return words.phrase(matter == .appendix ? .appendixLabel : .chapterLabel, number)
    }
}

/// A local image: where it is read from and where each output refers to it.
public struct Asset: Sendable, Hashable {
    /// The source file as diagnostics name it.
    public var sourcePath: String
    /// Path relative to the output folder, for HTML.
    public var htmlPath: String
    /// Path relative to the output folder, for LaTeX (SVG becomes PDF, and a PDF stays one).
    public var latexPath: String
    /// The checked bytes the outputs get (a sanitised SVG, or an image whose content matches its type).
    public var data: Data

    /// An SVG figure: LaTeX gets it converted to PDF.
    public var needsPDFConversion: Bool { sourcePath.lowercased().hasSuffix(".svg") }
    /// A PDF figure: the HTML gets its first page converted to SVG.
    public var needsSVGConversion: Bool { sourcePath.lowercased().hasSuffix(".pdf") }
}
