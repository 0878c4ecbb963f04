/// An inline node of Folio's document model.
public struct Inline: Hashable, Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// Small cases are stored in the node itself; only the large ones are boxed (`indirect`), so the
    /// commonest nodes (text, breaks, emphasis) cost no allocation of their own.
    public enum Kind: Hashable, Sendable {
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case html(String)
        case emphasis([Inline])
        case strong([Inline])
        case strikethrough([Inline])
        indirect case link(destination: String, title: String, content: [Inline])
        indirect case image(source: String, title: String, alt: [Inline])
        /// A footnote reference; `label` is the author's label, matched to `Block.Kind.footnoteDefinition`.
        case footnoteReference(label: String)
        /// TeX math, `$...$` (inline) or `$$...$$` inside a paragraph. Boxed: its flag beside a string
        /// would make every node of every kind 8 bytes larger (48 rather than 40).
        indirect case math(display: Bool, tex: String)
        /// Pandoc-style citation syntax: `[see @a, p. 3; @b]`, `@a`, `@fig:x`. Resolve turns
        /// cross-references into links and citations into formatted text.
        indirect case citation(CitationGroup)
        /// Content with an id or classes; Resolve wraps each formatted citation in one so the
        /// bibliography can link back to it.
        indirect case span(Attributes, [Inline])
        /// A citation group after Resolve: its formatted text (or note reference), with the group kept
        /// for writers that cite natively (biblatex).
        indirect case formattedCitation(CitationGroup, [Inline])
        /// A CriticMarkup review mark: `old` is the text it removes, `new` the text it adds (or
        /// highlights); a standalone comment has neither.
        indirect case review(ReviewMark, old: [Inline], new: [Inline])
        /// pandoc's raw attribute on a code span (`` `\\hfill`{=latex} ``): text for one output format only.
        indirect case raw(format: String, text: String)
    }
}

extension Inline {
    /// A line break, or text that is only white space.
    public var isBlank: Bool {
        switch kind {
        case .softBreak, .lineBreak: true
        case .text(let s): s.allSatisfy(\.isWhitespace)
        default: false
        }
    }
}

extension Array where Element == Inline {
    /// The text of these inlines with all markup removed, as used for `alt` text, slugs and metadata.
    public var plainText: String {
        var walker = PlainText()
        walker.walk(self)
        return walker.out
    }
}

/// The one plain-text walk: text and code as written, breaks as spaces, math as its TeX (or as a space,
/// for word counts), no raw HTML, footnote marks or unresolved citations.
struct PlainText: MarkupWalker {
    var out = ""
    var mathAsSpace = false

    mutating func visitInline(_ inline: InPlace<Inline>) {
        if let text = Self.leaf(inline.kind, mathAsSpace: mathAsSpace) { out += text } else { descend(into: inline) }
    }

    /// The text a node without inline children stands for; nil for nodes with children.
    static func leaf(_ kind: Inline.Kind, mathAsSpace: Bool) -> String? {
        switch kind {
        case .text(let s), .code(let s): s
        case .softBreak, .lineBreak: " "
        case .math(_, let tex): mathAsSpace ? " " : tex
        case .html, .citation, .raw: mathAsSpace ? " " : ""
        case .footnoteReference: ""
        case .emphasis, .strong, .strikethrough, .link, .image, .span, .formattedCitation: nil
        case .review: nil
        }
    }

    /// The plain text of a block and everything in it.
    static func of(_ block: Block) -> String {
        var walker = PlainText()
        walker.visit(block)
        return walker.out
    }

    /// Text reads as if every change were accepted: the old side of a mark is not part of it.
    mutating func descend(into inline: InPlace<Inline>) {
        if case .review(_, _, let new) = inline.kind { walk(new) } else { descendDefault(into: inline) }
    }
}
