/// Depth-first walks and rewrites over the document model.
extension Block {
    /// Calls `body` for every inline in this block and its descendants, including nested inlines.
    public func forEachInline(_ body: (Inline) -> Void) {
        switch kind {
        case .paragraph(let c): c.forEachInline(body)
        case .heading(let h): h.content.forEachInline(body)
        case .blockQuote(let b), .footnoteDefinition(_, let b), .div(_, let b): for x in b { x.forEachInline(body) }
        case .list(let l): for item in l.items { for x in item.content { x.forEachInline(body) } }
        case .table(let t):
            for row in [t.header] + t.rows { for cell in row.cells { cell.forEachInline(body) } }
            t.caption?.forEachInline(body)
        case .figure(let f):
            body(Inline(.image(source: f.source, title: f.title, alt: f.caption), range: range))
            f.caption.forEachInline(body)
        case .listing(let l): l.caption.forEachInline(body)
        case .callout(let c):
            c.title.forEachInline(body)
            for x in c.content { x.forEachInline(body) }
        case .equation(let e): body(Inline(.math(display: true, tex: e.tex), range: range))
        case .bibliography(let b): for e in b.entries { e.content.forEachInline(body) }
        case .codeBlock, .html, .thematicBreak: break
        }
    }

    /// Calls `body` for this block and every block nested in it.
    public func forEachBlock(_ body: (Block) -> Void) {
        body(self)
        switch kind {
        case .blockQuote(let b), .footnoteDefinition(_, let b), .div(_, let b): for x in b { x.forEachBlock(body) }
        case .list(let l): for item in l.items { for x in item.content { x.forEachBlock(body) } }
        case .callout(let c): for x in c.content { x.forEachBlock(body) }
        default: break
        }
    }

    /// A copy with `transform` applied to each list of child blocks (quotes, list items, footnotes,
    /// divs and callouts); other blocks are returned unchanged.
    public func mapChildren(_ transform: ([Block]) -> [Block]) -> Block {
        var b = self
        switch kind {
        case .blockQuote(let c): b.kind = .blockQuote(transform(c))
        case .footnoteDefinition(let label, let c): b.kind = .footnoteDefinition(label: label, content: transform(c))
        case .div(let attrs, let c): b.kind = .div(attributes: attrs, content: transform(c))
        case .callout(var c):
            c.content = transform(c.content)
            b.kind = .callout(c)
        case .list(var l):
            l.items = l.items.map { item in
                var item = item
                item.content = transform(item.content)
                return item
            }
            b.kind = .list(l)
        default: break
        }
        return b
    }

    /// A copy with `transform` applied to every list of inlines, innermost lists first.
    public func mapInlines(_ transform: ([Inline]) -> [Inline]) -> Block {
        var b = mapChildren { $0.map { $0.mapInlines(transform) } }
        func m(_ list: [Inline]) -> [Inline] { list.mapInlines(transform) }
        switch b.kind {
        case .paragraph(let c): b.kind = .paragraph(m(c))
        case .heading(var h):
            h.content = m(h.content)
            b.kind = .heading(h)
        case .table(var t):
            t.header.cells = t.header.cells.map(m)
            t.rows = t.rows.map { row in
                var row = row
                row.cells = row.cells.map(m)
                return row
            }
            t.caption = t.caption.map(m)
            b.kind = .table(t)
        case .figure(var f):
            f.caption = m(f.caption)
            b.kind = .figure(f)
        case .listing(var l):
            l.caption = m(l.caption)
            b.kind = .listing(l)
        case .callout(var c):
            c.title = m(c.title)
            b.kind = .callout(c)
        default: break
        }
        return b
    }
}

extension Array where Element == Inline {
    public func forEachInline(_ body: (Inline) -> Void) {
        for node in self {
            body(node)
            switch node.kind {
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.forEachInline(body)
            case .link(_, _, let c), .image(_, _, let c), .span(_, let c), .formattedCitation(_, let c):
                c.forEachInline(body)
            default: break
            }
        }
    }

    /// Applies `transform` to nested inline lists first, then to this list.
    public func mapInlines(_ transform: ([Inline]) -> [Inline]) -> [Inline] {
        let inner = map { node -> Inline in
            var n = node
            switch node.kind {
            case .emphasis(let c): n.kind = .emphasis(c.mapInlines(transform))
            case .strong(let c): n.kind = .strong(c.mapInlines(transform))
            case .strikethrough(let c): n.kind = .strikethrough(c.mapInlines(transform))
            case .link(let d, let t, let c): n.kind = .link(destination: d, title: t, content: c.mapInlines(transform))
            case .image(let s, let t, let c): n.kind = .image(source: s, title: t, alt: c.mapInlines(transform))
            case .span(let a, let c): n.kind = .span(a, c.mapInlines(transform))
            case .formattedCitation(let g, let c): n.kind = .formattedCitation(g, c.mapInlines(transform))
            default: break
            }
            return n
        }
        return transform(inner)
    }
}
