/// An inline node of Folio's document model.
public struct Inline: Hashable, Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Hashable, Sendable {
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case html(String)
        case emphasis([Inline])
        case strong([Inline])
        case strikethrough([Inline])
        case link(destination: String, title: String, content: [Inline])
        case image(source: String, title: String, alt: [Inline])
        /// A footnote reference; `label` is the author's label, matched to `Block.Kind.footnoteDefinition`.
        case footnoteReference(label: String)
        /// TeX math, `$...$` (inline) or `$$...$$` inside a paragraph.
        case math(display: Bool, tex: String)
        /// Pandoc-style citation syntax: `[see @a, p. 3; @b]`, `@a`, `@fig:x`. Resolve turns
        /// cross-references into links and citations into formatted text.
        case citation(CitationGroup)
        /// Content with an id or classes; Resolve wraps each formatted citation in one so the
        /// bibliography can link back to it.
        case span(Attributes, [Inline])
        /// A citation group after Resolve: its formatted text (or note reference), with the group kept
        /// for writers that cite natively (biblatex).
        case formattedCitation(CitationGroup, [Inline])
    }
}

extension Array where Element == Inline {
    /// The text of these inlines with all markup removed, as used for `alt` text, slugs and metadata.
    public var plainText: String {
        var out = ""
        for node in self { node.appendPlainText(to: &out) }
        return out
    }
}

extension Inline {
    func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s): out += s
        case .softBreak, .lineBreak: out += " "
        case .html: break
        case .emphasis(let c), .strong(let c), .strikethrough(let c): for n in c { n.appendPlainText(to: &out) }
        case .link(_, _, let c), .image(_, _, let c), .span(_, let c), .formattedCitation(_, let c): for n in c { n.appendPlainText(to: &out) }
        case .footnoteReference, .citation: break
        case .math(_, let tex): out += tex
        }
    }
}
