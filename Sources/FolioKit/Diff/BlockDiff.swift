/// Compares one chapter's blocks, old against new, and returns the new blocks with the changes marked
/// as review inlines (so every writer shows them as it shows CriticMarkup): blocks are aligned first,
/// similar blocks of one kind are compared word by word, and a block that is mostly rewritten is one
/// replacement. Each changed block is recorded, with an anchor the summary links to.
struct BlockDiff {
    struct Change {
        var anchor: String?
        var description: String
        var added: Int
        var removed: Int
    }

    let old: DiffContext
    let new: DiffContext
    /// Whether a citation in removed text can still be resolved against the new paper.
    let resolvable: (CitationGroup) -> Bool
    var changes: [Change] = []
    var counter: Int
    /// Signatures of headings that were removed in one place and added in another.
    var movedHeadings: Set<String> = []

    init(old: DiffContext, new: DiffContext, counter: Int, resolvable: @escaping (CitationGroup) -> Bool) {
        self.old = old
        self.new = new
        self.counter = counter
        self.resolvable = resolvable
    }

    // MARK: Blocks

    mutating func blocks(_ a: [Block], _ b: [Block]) -> [Block] {
        let sa = a.map { DiffAtoms.block($0, old) }, sb = b.map { DiffAtoms.block($0, new) }
        let ops = SequenceDiff.diff(sa, sb)
        // A heading removed in one place and added in another is a section that moved.
        var gone: Set<String> = [], came: Set<String> = []
        for op in ops {
            switch op {
            case .delete(let r): gone.formUnion(r.filter { Self.isHeading(a[$0]) }.map { sa[$0] })
            case .insert(let r): came.formUnion(r.filter { Self.isHeading(b[$0]) }.map { sb[$0] })
            case .replace(let ra, let rb):
                gone.formUnion(ra.filter { Self.isHeading(a[$0]) }.map { sa[$0] })
                came.formUnion(rb.filter { Self.isHeading(b[$0]) }.map { sb[$0] })
            case .equal: break
            }
        }
        movedHeadings.formUnion(gone.intersection(came))
        var out: [Block] = []
        for op in ops {
            switch op {
            case .equal(_, let r): out += b[r]
            case .delete(let r): out += a[r].map { deleted($0) }
            case .insert(let r): out += b[r].map { inserted($0) }
            case .replace(let ra, let rb): out += paired(Array(a[ra]), Array(b[rb]))
            }
        }
        return out
    }

    /// Old and new blocks in one replaced run: each new block takes the next old block of its kind
    /// that shares at least half its words; the rest are removed or added.
    private mutating func paired(_ a: [Block], _ b: [Block]) -> [Block] {
        // One block for one, of a kind, that shares too little to compare word by word: rewritten.
        if a.count == 1, b.count == 1, Self.kind(a[0]) == Self.kind(b[0]), ["paragraph", "section heading", "list", "quotation"].contains(Self.kind(b[0])),
           Self.similarity(a[0], b[0]) < 0.5 {
            let anchor = record("\(Self.kind(b[0])) rewritten", added: DiffAtoms.words(b[0]), removed: DiffAtoms.words(a[0]))
            return [deleted(a[0], recorded: true, anchor: anchor), inserted(b[0], recorded: true)]
        }
        var out: [Block] = []
        var i = 0
        let wordsA = a.map(Self.words)
        for nb in b {
            let wordsB = Self.words(nb)
            let sameLabel = { (k: Int) -> Bool in Self.label(nb) != nil && Self.label(nb) == Self.label(a[k]) }
            // A bounded look-ahead keeps a wholesale rewrite linear.
            if let k = (i..<min(a.count, i + 16)).first(where: {
                Self.kind(a[$0]) == Self.kind(nb) && (sameLabel($0) || Self.similarity(wordsA[$0], wordsB) >= 0.5)
            }) {
                out += a[i..<k].map { deleted($0) }
                out += changed(a[k], nb)
                i = k + 1
            } else {
                out.append(inserted(nb))
            }
        }
        out += a[i...].map { deleted($0) }
        return out
    }

    /// A block that changed, compared inside.
    private mutating func changed(_ a: Block, _ b: Block) -> [Block] {
        var out = b
        switch (a.kind, b.kind) {
        case (.paragraph(let x), .paragraph(let y)):
            if let figure = figure(x, y) {
                out.kind = .paragraph(figure)
            } else {
                out.kind = .paragraph(inlines(x, y, what: "paragraph"))
            }
        case (.heading(let x), .heading(var y)):
            y.content = inlines(x.content, y.content, what: "heading")
            out.kind = .heading(y)
        case (.list(let x), .list(var y)):
            y.items = items(x.items, y.items)
            out.kind = .list(y)
        case (.table(let x), .table(var y)):
            guard x.header.cells.count == y.header.cells.count, x.rows.count == y.rows.count,
                  zip(x.rows, y.rows).allSatisfy({ $0.cells.count == $1.cells.count }) else {
                let anchor = record("table structure changed", added: DiffAtoms.words(b), removed: DiffAtoms.words(a))
                return [deleted(a, recorded: true, anchor: anchor), inserted(b, recorded: true)]
            }
            y.header.cells = zip(x.header.cells, y.header.cells).map { inlines($0, $1, what: "table cell") }
            for r in y.rows.indices { y.rows[r].cells = zip(x.rows[r].cells, y.rows[r].cells).map { inlines($0, $1, what: "table cell") } }
            if let c = y.caption { y.caption = inlines(x.caption ?? [], c, what: "table caption") }
            out.kind = .table(y)
        case (.blockQuote(let x), .blockQuote(let y)): out.kind = .blockQuote(blocks(x, y))
        case (.div(_, let x), .div(let attrs, let y)): out.kind = .div(attributes: attrs, content: blocks(x, y))
        case (.callout(let x), .callout(var y)):
            y.title = inlines(x.title, y.title, what: "callout title")
            y.content = blocks(x.content, y.content)
            out.kind = .callout(y)
        case (.listing(let x), .listing(var y)):
            y.caption = inlines(x.caption, y.caption, what: "listing caption")
            out.kind = .listing(y)
            if x.literal != y.literal {
                let anchor = record("code changed in a listing", added: 0, removed: 0)
                return [deleted(Block(.codeBlock(info: x.language, literal: x.literal), range: a.range), recorded: true, anchor: anchor), out]
            }
        case (.equation(let x), .equation(let y)) where x.tex != y.tex:
            return [deleted(a, recorded: true, anchor: record("math changed", added: 0, removed: 0)), b]
        case (.codeBlock(_, let x), .codeBlock(_, let y)) where x != y:
            return [deleted(a, recorded: true, anchor: record("code changed", added: 0, removed: 0)), b]
        case (.equation, .equation), (.codeBlock, .codeBlock), (.thematicBreak, .thematicBreak), (.html, .html):
            break
        default:
            let anchor = record("\(Self.kind(b)) changed", added: DiffAtoms.words(b), removed: DiffAtoms.words(a))
            return [deleted(a, recorded: true, anchor: anchor), b]
        }
        // What the words do not show: a heading's level, a list's kind, a table's alignment or caption,
        // a listing's language, a callout's kind, a div's classes.
        if Self.form(a) != Self.form(b) {
            record("\(Self.kind(b)) changed in form (\(Self.form(a)) → \(Self.form(b)))", added: 0, removed: 0, anchored: false)
        }
        return [out]
    }

    private mutating func items(_ a: [ListItem], _ b: [ListItem]) -> [ListItem] {
        if a.count == b.count {
            return zip(a, b).map { x, y in
                var item = y
                item.content = blocks(x.content, y.content)
                return item
            }
        }
        let ops = SequenceDiff.diff(a.map { DiffAtoms.blocks($0.content, old) }, b.map { DiffAtoms.blocks($0.content, new) })
        var out: [ListItem] = []
        for op in ops {
            switch op {
            case .equal(_, let r): out += b[r]
            case .insert(let r):
                out += b[r].map { var item = $0; item.content = item.content.map { inserted($0) }; return item }
            case .delete(let r):
                out += a[r].map { var item = $0; item.content = item.content.map { deleted($0) }; return item }
            case .replace(let ra, let rb):
                let n = min(ra.count, rb.count)
                for k in 0..<n {
                    var item = b[rb.lowerBound + k]
                    item.content = blocks(a[ra.lowerBound + k].content, item.content)
                    out.append(item)
                }
                out += b[(rb.lowerBound + n)..<rb.upperBound].map { var item = $0; item.content = item.content.map { inserted($0) }; return item }
                out += a[(ra.lowerBound + n)..<ra.upperBound].map { var item = $0; item.content = item.content.map { deleted($0) }; return item }
            }
        }
        return out
    }

    // MARK: Inlines

    /// The new inlines with each difference from the old marked, word by word; mostly rewritten text
    /// is one replacement. The first mark of the list carries the change's anchor.
    private mutating func inlines(_ x: [Inline], _ y: [Inline], what: String) -> [Inline] {
        let a = DiffAtoms.atoms(x, old), b = DiffAtoms.atoms(y, new)
        let ops = SequenceDiff.diff(a.map(\.signature), b.map(\.signature))
        let kept = ops.reduce(0) { n, op in if case .equal(_, let r) = op { n + DiffAtoms.words(b[r]) } else { n } }
        let added = ops.reduce(0) { n, op in
            switch op {
            case .insert(let r), .replace(_, let r): n + DiffAtoms.words(b[r])
            default: n
            }
        }
        let removed = ops.reduce(0) { n, op in
            switch op {
            case .delete(let r), .replace(let r, _): n + DiffAtoms.words(a[r])
            default: n
            }
        }
        guard added + removed > 0 || a.map(\.signature) != b.map(\.signature) else { return y }
        // A link whose text stayed and whose target changed is said as such.
        let retargeted = ops.contains { op in
            guard case .replace(let ra, let rb) = op, ra.count == 1, rb.count == 1,
                  case .link(let d1, _, let c1) = a[ra.lowerBound].node.kind, case .link(let d2, _, let c2) = b[rb.lowerBound].node.kind else { return false }
            return d1 != d2 && c1.plainText == c2.plainText
        }
        let anchor = record(retargeted ? "\(what): link target changed" : "\(what) changed", added: added, removed: removed)
        var out: [Inline] = []
        var first = true
        func mark(_ kind: ReviewMark.Kind, _ oldNodes: [Inline], _ newNodes: [Inline], at range: SourceRange) {
            let node = Inline(.review(ReviewMark(kind: kind), old: oldNodes, new: newNodes), range: range)
            out.append(first ? Inline(.span(Attributes(id: anchor), [node]), range: range) : node)
            first = false
        }
        // Mostly rewritten: one replacement reads better than a patchwork.
        let total = DiffAtoms.words(a[...]) + DiffAtoms.words(b[...])
        if total > 8, Double(kept * 2) < 0.4 * Double(total) {
            mark(.substitution, removedNodes(x), y, at: y.first?.range ?? x.first?.range ?? SourceRange(file: "", line: 1, column: 1))
            return out
        }
        for op in ops {
            switch op {
            case .equal(_, let r): out += b[r].map(\.node)
            case .delete(let r):
                if a[r].allSatisfy({ $0.signature == " " }) { continue }
                mark(.deletion, removedNodes(a[r].map(\.node)), [], at: a[r.lowerBound].node.range)
            case .insert(let r):
                if b[r].allSatisfy({ $0.signature == " " }) { out += b[r].map(\.node); continue }
                // Spaces at the ends of an insertion read as the text around it.
                var inner = r
                while b[inner.lowerBound].signature == " " { out.append(b[inner.lowerBound].node); inner = (inner.lowerBound + 1)..<inner.upperBound }
                var trailing: [Inline] = []
                while b[inner.upperBound - 1].signature == " " { trailing.insert(b[inner.upperBound - 1].node, at: 0); inner = inner.lowerBound..<(inner.upperBound - 1) }
                mark(.insertion, [], b[inner].map(\.node), at: b[inner.lowerBound].node.range)
                out += trailing
            case .replace(let ra, let rb):
                if a[ra].allSatisfy({ $0.signature == " " }) && b[rb].allSatisfy({ $0.signature == " " }) { out += b[rb].map(\.node); continue }
                mark(.substitution, removedNodes(a[ra].map(\.node)), b[rb].map(\.node), at: b[rb.lowerBound].node.range)
            }
        }
        return out
    }

    /// A paragraph that is one image in both versions stays a figure: the caption is compared, and a
    /// different file is said at the caption's start.
    private mutating func figure(_ x: [Inline], _ y: [Inline]) -> [Inline]? {
        guard let oi = Self.soleImage(x), let ni = Self.soleImage(y),
              case .image(let oSrc, _, let oAlt) = x[oi].kind, case .image(let nSrc, let title, let nAlt) = y[ni].kind else { return nil }
        var alt = inlines(oAlt, nAlt, what: "figure caption")
        if oSrc != nSrc || old.imageDigest(oSrc) != new.imageDigest(nSrc) {
            let anchor = record(oSrc == nSrc ? "figure file changed: \(nSrc)" : "figure replaced: \(oSrc) → \(nSrc)", added: 0, removed: 0)
            let range = y[ni].range
            let note = Inline(.review(ReviewMark(kind: .substitution), old: [Inline(.text(oSrc), range: range)],
                                      new: [Inline(.text(nSrc + (oSrc == nSrc ? " (new file)" : "")), range: range)]), range: range)
            alt = [Inline(.span(Attributes(id: anchor), [note]), range: range), Inline(.text(" "), range: range)] + alt
        }
        var out = y
        out[ni].kind = .image(source: nSrc, title: title, alt: alt)
        return out
    }

    /// The image of a paragraph that Resolve makes a figure (an image alone, with its attributes).
    static func soleImage(_ list: [Inline]) -> Int? {
        Resolver.figureParts(list) == nil ? nil : 0
    }

    /// Removed text, safe to show in the new paper: footnote marks become their text, and citations
    /// the new paper cannot resolve are shown as written.
    private func removedNodes(_ nodes: [Inline]) -> [Inline] {
        nodes.mapInlines { list in
            list.map { node in
                var n = node
                switch node.kind {
                case .footnoteReference(let label):
                    let text = old.footnotes[label].map { blocks in blocks.map { PlainText.of($0) }.joined(separator: " ") } ?? label
                    n.kind = .text(" [note: \(text)]")
                case .citation(let g) where !resolvable(g):
                    n.kind = .text(g.source)
                default: break
                }
                return n
            }
        }
    }

    // MARK: Whole blocks

    /// A removed block, as struck-through text in a paragraph (floats are not numbered again).
    mutating func deleted(_ b: Block, recorded: Bool = false, anchor given: String? = nil) -> Block {
        let moved = Self.isHeading(b) && movedHeadings.contains(DiffAtoms.block(b, old))
        let anchor = recorded ? given : record(moved ? "section moved away from here: \(PlainText.of(b))" : "\(Self.kind(b)) removed",
                                             added: 0, removed: moved ? 0 : DiffAtoms.words(b))
        let content = removedNodes(Self.flatten(b))
        var node = Inline(.review(ReviewMark(kind: .deletion), old: content, new: []), range: b.range)
        if let anchor { node = Inline(.span(Attributes(id: anchor), [node]), range: b.range) }
        if case .heading = b.kind { node = Inline(.strong([node]), range: b.range) }
        return Block(.paragraph([node]), range: b.range)
    }

    /// An added block, every text in it marked as inserted.
    mutating func inserted(_ b: Block, recorded: Bool = false) -> Block {
        let moved = Self.isHeading(b) && movedHeadings.contains(DiffAtoms.block(b, new))
        let anchor = recorded ? nil : record(moved ? "section moved here: \(PlainText.of(b))" : "\(Self.kind(b)) added",
                                             added: moved ? 0 : DiffAtoms.words(b), removed: 0)
        var marker = InsertionMarker(anchor: anchor)
        return marker.rewriteBlock(b)
    }

    /// Everything a block says, as one run of inlines.
    static func flatten(_ b: Block) -> [Inline] {
        let space = Inline(.text(" "), range: b.range)
        switch b.kind {
        case .paragraph(let c): return c
        case .heading(let h): return h.content
        case .codeBlock(_, let literal): return [Inline(.code(literal), range: b.range)]
        case .equation(let e): return [Inline(.math(display: false, tex: e.tex), range: b.range)]
        case .listing(let l): return l.caption + [space, Inline(.code(l.literal), range: b.range)]
        case .table(let t):
            let rows = ([t.header] + t.rows).map { row in row.cells.enumerated().flatMap { i, c in (i > 0 ? [Inline(.text(" | "), range: b.range)] : []) + c } }
            return (t.caption.map { $0 + [space] } ?? []) + rows.enumerated().flatMap { i, r in (i > 0 ? [Inline(.text(" / "), range: b.range)] : []) + r }
        case .html(let s): return [Inline(.code(s), range: b.range)]
        case .thematicBreak: return [Inline(.text("———"), range: b.range)]
        case .figure(let f): return f.caption
        case .callout(let c): return c.title + [space] + c.content.flatMap { flatten($0) + [space] }
        case .blockQuote(let c), .div(_, let c), .footnoteDefinition(_, let c): return c.flatMap { flatten($0) + [space] }
        case .list(let l): return l.items.enumerated().flatMap { i, item in (i > 0 ? [Inline(.text(" • "), range: b.range)] : []) + item.content.flatMap(flatten) }
        case .bibliography, .layout: return []
        case .raw(_, let text): return [Inline(.code(text), range: b.range)]
        }
    }

    /// The id an author gave a block (`{#eq:x}`), which pairs its old and new versions whatever changed.
    static func label(_ b: Block) -> String? {
        switch b.kind {
        case .equation(let e): e.attributes.id
        case .listing(let l): l.attributes.id
        case .heading(let h): h.attributes.id
        case .div(let a, _): a.id
        default: nil
        }
    }

    static func isHeading(_ b: Block) -> Bool {
        if case .heading = b.kind { true } else { false }
    }

    /// What a block is, in the change list.
    static func kind(_ b: Block) -> String {
        switch b.kind {
        case .paragraph(let c): soleImage(c) != nil ? "figure" : "paragraph"
        case .heading: "section heading"
        case .blockQuote: "quotation"
        case .list: "list"
        case .codeBlock: "code block"
        case .html: "raw HTML"
        case .thematicBreak: "rule"
        case .table: "table"
        case .footnoteDefinition: "footnote"
        case .figure: "figure"
        case .equation: "equation"
        case .listing: "listing"
        case .callout: "callout"
        case .div: "section"
        case .bibliography: "bibliography"
        case .raw(let format, _): "raw \(format)"
        case .layout: "layout command"
        }
    }

    /// The share of words two blocks have in common (0…1).
    static func similarity(_ a: Block, _ b: Block) -> Double { similarity(words(a), words(b)) }

    static func similarity(_ x: Set<String>, _ y: Set<String>) -> Double {
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    /// The words a block says, lower-cased.
    static func words(_ b: Block) -> Set<String> {
        var out: Set<String> = []
        b.forEachInline { node in
            switch node.kind {
            case .text(let t), .code(let t), .math(_, let t):
                for w in t.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { out.insert(String(w)) }
            default: break
            }
        }
        return out
    }

    /// Records a change and returns its anchor, which the caller puts on the change's first mark;
    /// a change with nothing to mark has none (the summary lists it without a link).
    @discardableResult
    mutating func record(_ description: String, added: Int, removed: Int, anchored: Bool = true) -> String {
        counter += 1
        let anchor = "change-\(counter)"
        changes.append(Change(anchor: anchored ? anchor : nil, description: description, added: added, removed: removed))
        return anchor
    }

    /// A block's form apart from its text.
    static func form(_ b: Block) -> String {
        switch b.kind {
        case .heading(let h): "level \(h.level)"
        case .list(let l): (l.ordered ? "numbered" : "bulleted") + (l.items.contains { $0.task != nil } ? ", tasks " + l.items.map { $0.task == true ? "x" : "o" }.joined() : "")
        case .table(let t): "alignment \(t.alignments.map { "\($0)" }.joined(separator: " "))" + (t.caption == nil ? "" : ", captioned")
        case .listing(let l): "language \(l.language)"
        case .callout(let c): "kind \(c.kind.rawValue)"
        case .div(let a, _): "classes \(a.classes.joined(separator: " "))"
        default: ""
        }
    }
}

/// Marks every top-level inline list of a block as inserted (not the lists inside links or emphasis,
/// which the mark already holds), leaving a lone image alone so that it stays a figure.
private struct InsertionMarker: MarkupRewriter {
    var anchor: String?
    var depth = 0

    mutating func rewriteBlock(_ block: Block) -> Block {
        var b = block
        switch block.kind {
        case .paragraph(let c) where BlockDiff.soleImage(c) != nil: return b
        case .paragraph(let c): b.kind = .paragraph(mark(c, block.range))
        case .heading(var h):
            h.content = mark(h.content, block.range)
            b.kind = .heading(h)
        case .table(var t):
            t.header.cells = t.header.cells.map { mark($0, block.range) }
            for r in t.rows.indices { t.rows[r].cells = t.rows[r].cells.map { mark($0, block.range) } }
            t.caption = t.caption.map { mark($0, block.range) }
            b.kind = .table(t)
        case .listing(var l):
            l.caption = mark(l.caption, block.range)
            b.kind = .listing(l)
        case .callout(var c):
            c.title = mark(c.title, block.range)
            c.content = c.content.map { rewriteBlock($0) }
            b.kind = .callout(c)
        case .blockQuote, .div, .list, .footnoteDefinition:
            return block.mapChildren { $0.map { rewriteBlock($0) } }
        default: break
        }
        return b
    }

    private mutating func mark(_ list: [Inline], _ range: SourceRange) -> [Inline] {
        guard !list.isEmpty else { return list }
        var node = Inline(.review(ReviewMark(kind: .insertion), old: [], new: list), range: list.first?.range ?? range)
        if let a = anchor {
            node = Inline(.span(Attributes(id: a), [node]), range: node.range)
            anchor = nil
        }
        return [node]
    }
}
