/// After cmark-gfm: turns the preprocessor's placeholders back into model nodes: math and citation
/// inlines, equations for display math alone in a paragraph, and the original text wherever a
/// placeholder landed inside code, raw HTML or a URL.
struct PlaceholderExpansion {
    let spans: [MarkdownPreprocessor.Span]
    /// Attributes written after display math (`$$ x $$ {#eq:id}`), by the math's location.
    private let displayAttributes: [SourceLocation: Attributes]

    init(spans: [MarkdownPreprocessor.Span]) {
        self.spans = spans
        var attrs: [SourceLocation: Attributes] = [:]
        for span in spans {
            if case .math(true, _, let a?) = span.kind { attrs[span.location] = a }
        }
        displayAttributes = attrs
    }

    func document(_ doc: MarkdownDocument) -> MarkdownDocument {
        guard !spans.isEmpty else { return doc }
        let notes = doc.footnotes.map { note -> MarkdownDocument.Footnote in
            var n = note
            n.content = blocks(note.content)
            return n
        }
        return MarkdownDocument(file: doc.file, blocks: blocks(doc.blocks), footnotes: notes)
    }

    func blocks(_ list: [Block]) -> [Block] {
        list.map(block)
    }

    private func block(_ b: Block) -> Block {
        var b = b
        switch b.kind {
        case .codeBlock(let info, let literal):
            b.kind = .codeBlock(info: restore(info), literal: restore(literal))
            return b
        case .html(let raw):
            b.kind = .html(restore(raw))
            return b
        case .blockQuote, .footnoteDefinition, .list:
            return b.mapChildren(blocks)
        default:
            break
        }
        b = b.mapInlines(inlines)
        if case .paragraph(let content) = b.kind, let eq = equation(content) { b.kind = .equation(eq) }
        return b
    }

    /// Display math that is the whole paragraph becomes an equation block.
    private func equation(_ content: [Inline]) -> Equation? {
        let meaningful = content.filter { node in
            switch node.kind {
            case .softBreak, .lineBreak: false
            case .text(let s): !s.allSatisfy(\.isWhitespace)
            default: true
            }
        }
        guard meaningful.count == 1, case .math(true, let tex) = meaningful[0].kind else { return nil }
        return Equation(tex: tex, attributes: displayAttributes[meaningful[0].range.start] ?? Attributes())
    }

    func inlines(_ list: [Inline]) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(list.count)
        for node in list {
            switch node.kind {
            case .text(let s) where s.unicodeScalars.contains(Placeholder.openScalar):
                for piece in Placeholder.pieces(s) {
                    switch piece {
                    case .text(let t): out.append(Inline(.text(String(t)), range: node.range))
                    case .span(let n): out.append(inline(n, fallback: node.range))
                    }
                }
            case .code(let s):
                out.append(Inline(.code(restore(s)), range: node.range))
            case .html(let s):
                out.append(Inline(.html(restore(s)), range: node.range))
            case .link(let d, let t, let c):
                out.append(Inline(.link(destination: restore(d), title: restore(t), content: c), range: node.range))
            case .image(let d, let t, let c):
                out.append(Inline(.image(source: restore(d), title: restore(t), alt: c), range: node.range))
            default:
                out.append(node)
            }
        }
        return out
    }

    private func inline(_ index: Int, fallback: SourceRange) -> Inline {
        guard index >= 0, index < spans.count else { return Inline(.text(""), range: fallback) }
        let span = spans[index]
        let range = SourceRange(start: span.location, endLine: span.location.line, endColumn: span.location.column)
        switch span.kind {
        case .math(let display, let tex, _): return Inline(.math(display: display, tex: tex), range: range)
        case .citation(let group): return Inline(.citation(group), range: range)
        case .divOpen, .divClose: return Inline(.text(span.original), range: range)
        }
    }

    /// Puts the original text back wherever a placeholder must not be interpreted.
    func restore(_ s: String) -> String {
        guard s.unicodeScalars.contains(Placeholder.openScalar) else { return s }
        var out = ""
        for piece in Placeholder.pieces(s) {
            switch piece {
            case .text(let t): out += t
            case .span(let n): out += n >= 0 && n < spans.count ? spans[n].original : ""
            }
        }
        return out
    }
}
