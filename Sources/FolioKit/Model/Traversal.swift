/// Depth-first walks over the document model.
extension Block {
    /// Calls `body` for every inline in this block and its descendants, including nested inlines.
    public func forEachInline(_ body: (Inline) -> Void) {
        switch kind {
        case .paragraph(let c): c.forEachInline(body)
        case .heading(let h): h.content.forEachInline(body)
        case .blockQuote(let b), .footnoteDefinition(_, let b): for x in b { x.forEachInline(body) }
        case .list(let l): for item in l.items { for x in item.content { x.forEachInline(body) } }
        case .table(let t): for row in [t.header] + t.rows { for cell in row.cells { cell.forEachInline(body) } }
        case .figure(let f):
            body(Inline(.image(source: f.source, title: f.title, alt: f.caption), range: range))
            f.caption.forEachInline(body)
        case .codeBlock, .html, .thematicBreak: break
        }
    }
}

extension Array where Element == Inline {
    public func forEachInline(_ body: (Inline) -> Void) {
        for node in self {
            body(node)
            switch node.kind {
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.forEachInline(body)
            case .link(_, _, let c), .image(_, _, let c): c.forEachInline(body)
            default: break
            }
        }
    }
}
