/// Depth-first walks and rewrites over the document model. `MarkupWalker` and `MarkupRewriter` hold
/// the switches that know where each kind of node keeps its children (`InlineListReader`, below, is
/// a read-only copy of the rewriter's order); everything else (the `forEach…` and `map…` helpers,
/// plain text, evidence, the checks) overrides just the kinds it needs. A new kind of node is added
/// here, in the parser and in the writers, and nowhere else.

/// A node visited where it lies in the tree, not copied out of it. Reading `kind` or `range` borrows
/// the node; `node` makes a copy to keep. A walk hands one over for the length of a visit only:
/// never store one, or let a closure that escapes capture it (it points into the walked array).
///
/// Why: a node passed by value to a visitor or closure is copied first (the compiler cannot tell that
/// the visitor leaves the tree alone), and the copy retains and releases every string and array the
/// node holds. That touched each node's storage on every walk: a third of a build's samples in `perf`.
public struct InPlace<Node> {
    private let pointer: UnsafePointer<Node>

    init(_ pointer: UnsafePointer<Node>) { self.pointer = pointer }

    /// A copy of the node, to keep beyond the visit.
    public var node: Node { pointer.pointee }

    /// Calls `body` with a node made for the visit (a figure's image, a footnote's block).
    static func with<R>(_ value: Node, _ body: (InPlace<Node>) -> R) -> R {
        withUnsafePointer(to: value) { body(InPlace($0)) }
    }
}

extension Array {
    /// Calls `body` with each element where it lies in the array's buffer (not the nodes inside it).
    @inline(__always)
    func forEachInPlace(_ body: (InPlace<Element>) -> Void) {
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<buffer.count { body(InPlace(base + i)) }
        }
    }
}

/// Not to be handed to another thread: the tree it points into belongs to the walk.
@available(*, unavailable)
extension InPlace: Sendable {}

extension InPlace where Node == Inline {
    public var kind: Inline.Kind { _read { yield pointer.pointee.kind } }
    public var range: SourceRange { pointer.pointee.range }
}

extension InPlace where Node == Block {
    public var kind: Block.Kind { _read { yield pointer.pointee.kind } }
    public var range: SourceRange { pointer.pointee.range }
}

/// Visits a tree depth-first. Each method's default descends into the node's children, so a walker
/// overrides only what it cares about (as swift-markdown's `MarkupWalker`). A figure is visited as
/// its image (whose alt text is the caption); an equation as display math.
public protocol MarkupWalker {
    mutating func visitBlock(_ block: InPlace<Block>)
    mutating func visitInline(_ inline: InPlace<Inline>)
}

extension MarkupWalker {
    public mutating func visitBlock(_ block: InPlace<Block>) { descend(into: block) }
    public mutating func visitInline(_ inline: InPlace<Inline>) { descend(into: inline) }

    /// Visits each block where it lies in the array's buffer (see `InPlace`).
    public mutating func walk(_ blocks: [Block]) { blocks.forEachInPlace { visitBlock($0) } }

    public mutating func walk(_ inlines: [Inline]) { inlines.forEachInPlace { visitInline($0) } }

    /// Visits one block (and what is in it).
    public mutating func visit(_ block: Block) { InPlace.with(block) { visitBlock($0) } }

    /// Visits an inline made for the visit (a figure's image, an equation's math).
    private mutating func visitMade(_ inline: Inline) { InPlace.with(inline) { visitInline($0) } }

    /// Visits the block's inline content, then the blocks inside it.
    public mutating func descend(into block: InPlace<Block>) {
        switch block.kind {
        case .paragraph(let c): walk(c)
        case .heading(let h): walk(h.content)
        case .blockQuote(let b), .footnoteDefinition(_, let b), .div(_, let b): walk(b)
        case .list(let l): for item in l.items { walk(item.content) }
        case .table(let t):
            for cell in t.header.cells { walk(cell) }
            for row in t.rows { for cell in row.cells { walk(cell) } }
            if let caption = t.caption { walk(caption) }
        case .figure(let f):
            if f.subfigures.isEmpty {
                visitMade(Inline(.image(source: f.source, title: f.title, alt: f.caption), range: block.range))
            } else {
                for sub in f.subfigures {
                    let range = sub.location.map { SourceRange(at: $0) } ?? block.range
                    visitMade(Inline(.image(source: sub.source, title: sub.title, alt: sub.caption), range: range))
                }
                walk(f.caption)
            }
        case .listing(let l): walk(l.caption)
        case .callout(let c):
            walk(c.title)
            walk(c.content)
        case .equation(let e): visitMade(Inline(.math(display: true, tex: e.tex), range: block.range))
        case .bibliography(let b): for e in b.entries { walk(e.content) }
        case .codeBlock, .html, .thematicBreak, .raw, .layout: break
        }
    }

    public mutating func descend(into inline: InPlace<Inline>) { descendDefault(into: inline) }

    /// Visits every child inline (both sides of a review mark, old first).
    public mutating func descendDefault(into inline: InPlace<Inline>) {
        switch inline.kind {
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .span(_, let c), .formattedCitation(_, let c),
             .link(_, _, let c), .image(_, _, let c):
            walk(c)
        case .review(_, let old, let new):
            walk(old)
            walk(new)
        case .text, .softBreak, .lineBreak, .code, .html, .footnoteReference, .math, .citation, .raw: break
        }
    }
}

/// Rebuilds a tree bottom-up. The defaults rewrite every child block and every list of inlines
/// (innermost lists first), so a rewriter overrides only what it changes (as swift-markdown's
/// `MarkupRewriter`).
public protocol MarkupRewriter {
    mutating func rewriteBlock(_ block: Block) -> Block
    /// A list of child blocks (of a quote, list item, footnote, div or callout).
    mutating func rewriteBlocks(_ blocks: [Block]) -> [Block]
    /// A list of inlines whose own children are already rewritten.
    mutating func rewriteInlines(_ inlines: [Inline]) -> [Inline]
}

extension MarkupRewriter {
    public mutating func rewriteBlock(_ block: Block) -> Block { descend(into: block) }
    public mutating func rewriteBlocks(_ blocks: [Block]) -> [Block] { blocks.map { rewriteBlock($0) } }
    public mutating func rewriteInlines(_ inlines: [Inline]) -> [Inline] { inlines }

    /// Rewrites the children of each inline, in order, then the list itself. A list whose nodes hold
    /// no inlines (most of a paper's) is handed on as it is, not copied; so is a node whose lists came
    /// back unchanged, so an inline list the rewrite leaves alone is never copied. (Container blocks,
    /// lists, tables and the lists of blocks are rebuilt, as before.)
    public mutating func rewrite(_ inlines: [Inline]) -> [Inline] {
        var inner = inlines
        for i in inlines.indices {
            let changed: Inline.Kind?
            switch inlines[i].kind {
            case .emphasis(let c): changed = rewritten(c).map { .emphasis($0) }
            case .strong(let c): changed = rewritten(c).map { .strong($0) }
            case .strikethrough(let c): changed = rewritten(c).map { .strikethrough($0) }
            case .link(let d, let t, let c): changed = rewritten(c).map { .link(destination: d, title: t, content: $0) }
            case .image(let s, let t, let c): changed = rewritten(c).map { .image(source: s, title: t, alt: $0) }
            case .span(let a, let c): changed = rewritten(c).map { .span(a, $0) }
            case .formattedCitation(let g, let c): changed = rewritten(c).map { .formattedCitation(g, $0) }
            case .review(let m, let old, let new):
                let (o, n) = (rewrite(old), rewrite(new))
                changed = o.isSame(as: old) && n.isSame(as: new) ? nil : .review(m, old: o, new: n)
            case .text, .softBreak, .lineBreak, .code, .html, .footnoteReference, .math, .citation, .raw: changed = nil
            }
            if let changed { inner[i].kind = changed }
        }
        return rewriteInlines(inner)
    }

    /// The list rewritten, or nil when the rewrite handed it back unchanged.
    private mutating func rewritten(_ list: [Inline]) -> [Inline]? {
        let out = rewrite(list)
        return out.isSame(as: list) ? nil : out
    }

    public mutating func rewrite(_ blocks: [Block]) -> [Block] { rewriteBlocks(blocks) }

    /// A copy with every child block and every inline list of this block rewritten.
    public mutating func descend(into block: Block) -> Block {
        var b = block
        switch block.kind {
        case .paragraph(let c):
            if let r = rewritten(c) { b.kind = .paragraph(r) }
        case .heading(var h):
            guard let r = rewritten(h.content) else { break }
            h.content = r
            b.kind = .heading(h)
        case .blockQuote(let c): b.kind = .blockQuote(rewrite(c))
        case .footnoteDefinition(let label, let c): b.kind = .footnoteDefinition(label: label, content: rewrite(c))
        case .div(let attrs, let c): b.kind = .div(attributes: attrs, content: rewrite(c))
        case .list(var l):
            l.items = l.items.map { item in
                var item = item
                item.content = rewrite(item.content)
                return item
            }
            b.kind = .list(l)
        case .table(var t):
            t.header.cells = t.header.cells.map { rewrite($0) }
            t.rows = t.rows.map { row in
                var row = row
                row.cells = row.cells.map { rewrite($0) }
                return row
            }
            t.caption = t.caption.map { rewrite($0) }
            b.kind = .table(t)
        case .figure(var f):
            f.caption = rewrite(f.caption)
            f.subfigures = f.subfigures.map { sub in
                var sub = sub
                sub.caption = rewrite(sub.caption)
                return sub
            }
            b.kind = .figure(f)
        case .listing(var l):
            l.caption = rewrite(l.caption)
            b.kind = .listing(l)
        case .callout(var c):
            c.title = rewrite(c.title)
            c.content = rewrite(c.content)
            b.kind = .callout(c)
        case .equation, .bibliography, .codeBlock, .html, .thematicBreak, .raw, .layout: break
        }
        return b
    }
}

/// Calls a closure for every inline, or every block, each visited in place.
private struct ClosureWalker: MarkupWalker {
    // Constants, so that calling one does not copy (and retain) it first.
    let onInline: ((InPlace<Inline>) -> Void)?
    let onBlock: ((InPlace<Block>) -> Void)?

    init(onInline: ((InPlace<Inline>) -> Void)? = nil, onBlock: ((InPlace<Block>) -> Void)? = nil) {
        self.onInline = onInline
        self.onBlock = onBlock
    }

    mutating func visitInline(_ inline: InPlace<Inline>) {
        onInline?(inline)
        descend(into: inline)
    }

    mutating func visitBlock(_ block: InPlace<Block>) {
        onBlock?(block)
        if onInline != nil {
            descend(into: block)
        } else {
            // Blocks only: inline content cannot hold blocks.
            switch block.kind {
            case .blockQuote(let b), .footnoteDefinition(_, let b), .div(_, let b): walk(b)
            case .list(let l): for item in l.items { walk(item.content) }
            case .callout(let c): walk(c.content)
            default: break
            }
        }
    }
}

/// Applies a closure to every inline list, innermost first.
private struct InlineListRewriter: MarkupRewriter {
    let transform: ([Inline]) -> [Inline]
    mutating func rewriteInlines(_ inlines: [Inline]) -> [Inline] { transform(inlines) }
}

/// Reads every list of inlines in the order `MarkupRewriter` rewrites them (each node's lists, then
/// the list holding it), without rebuilding anything.
private struct InlineListReader {
    let body: ([Inline]) -> Void

    func read(_ inlines: [Inline]) {
        for i in inlines.indices {
            switch inlines[i].kind {
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c), .span(_, let c),
                 .formattedCitation(_, let c):
                read(c)
            case .review(_, let old, let new):
                read(old)
                read(new)
            case .text, .softBreak, .lineBreak, .code, .html, .footnoteReference, .math, .citation, .raw: break
            }
        }
        body(inlines)
    }

    func read(_ block: Block) {
        switch block.kind {
        case .paragraph(let c): read(c)
        case .heading(let h): read(h.content)
        case .blockQuote(let c), .footnoteDefinition(_, let c), .div(_, let c): c.forEach(read)
        case .list(let l): for item in l.items { item.content.forEach(read) }
        case .table(let t):
            for cell in t.header.cells { read(cell) }
            for row in t.rows { for cell in row.cells { read(cell) } }
            if let caption = t.caption { read(caption) }
        case .figure(let f):
            read(f.caption)
            for sub in f.subfigures { read(sub.caption) }
        case .listing(let l): read(l.caption)
        case .callout(let c):
            read(c.title)
            c.content.forEach(read)
        case .equation, .bibliography, .codeBlock, .html, .thematicBreak, .raw, .layout: break
        }
    }
}

extension Block {
    /// Calls `body` for every inline in this block and its descendants, including nested inlines.
    public func forEachInline(_ body: (InPlace<Inline>) -> Void) {
        withoutActuallyEscaping(body) { body in
            var w = ClosureWalker(onInline: body)
            w.visit(self)
        }
    }

    /// Calls `onBlock` for this block and every block nested in it, and `onInline` for every inline
    /// in them, in one walk.
    public func forEach(block onBlock: (InPlace<Block>) -> Void, inline onInline: (InPlace<Inline>) -> Void) {
        withoutActuallyEscaping(onBlock) { onBlock in
            withoutActuallyEscaping(onInline) { onInline in
                var w = ClosureWalker(onInline: onInline, onBlock: onBlock)
                w.visit(self)
            }
        }
    }

    /// Calls `body` for this block and every block nested in it.
    public func forEachBlock(_ body: (InPlace<Block>) -> Void) {
        withoutActuallyEscaping(body) { body in
            var w = ClosureWalker(onBlock: body)
            w.visit(self)
        }
    }

    /// A copy with `transform` applied to each list of child blocks (quotes, list items, footnotes,
    /// divs and callouts); other blocks are returned unchanged.
    public func mapChildren(_ transform: ([Block]) -> [Block]) -> Block {
        // Inline content is left as it is (not rebuilt), so the copy shares its storage.
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
        withoutActuallyEscaping(transform) { transform in
            var r = InlineListRewriter(transform: transform)
            return r.rewriteBlock(self)
        }
    }

    /// Calls `body` with every list of inlines `mapInlines` would hand its transform, in the same
    /// order, without copying the tree.
    func forEachInlineList(_ body: ([Inline]) -> Void) {
        withoutActuallyEscaping(body) { InlineListReader(body: $0).read(self) }
    }
}

extension MarkdownDocument.Footnote {
    /// A copy with `transform` applied to every list of inlines of the note, innermost lists first.
    public func mapInlines(_ transform: ([Inline]) -> [Inline]) -> MarkdownDocument.Footnote {
        var note = self
        note.content = content.map { $0.mapInlines(transform) }
        return note
    }
}

extension Array where Element == Block {
    /// `Block.forEachInline` for each block.
    public func forEachInline(_ body: (InPlace<Inline>) -> Void) {
        withoutActuallyEscaping(body) { body in
            var w = ClosureWalker(onInline: body)
            w.walk(self)
        }
    }

    /// `Block.forEachBlock` for each block.
    public func forEachBlock(_ body: (InPlace<Block>) -> Void) {
        withoutActuallyEscaping(body) { body in
            var w = ClosureWalker(onBlock: body)
            w.walk(self)
        }
    }
}

extension Array where Element == Inline {
    /// Whether `other` is this very list (the same storage), as a rewrite hands back a list it left alone.
    func isSame(as other: [Inline]) -> Bool {
        count == other.count && withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress } }
    }

    public func forEachInline(_ body: (InPlace<Inline>) -> Void) {
        withoutActuallyEscaping(body) { body in
            var w = ClosureWalker(onInline: body)
            w.walk(self)
        }
    }

    /// Applies `transform` to nested inline lists first, then to this list.
    public func mapInlines(_ transform: ([Inline]) -> [Inline]) -> [Inline] {
        withoutActuallyEscaping(transform) { transform in
            var r = InlineListRewriter(transform: transform)
            return r.rewrite(self)
        }
    }
}
