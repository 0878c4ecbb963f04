/// After cmark-gfm: groups `:::` divs, makes callouts (from `.callout-*` divs and GitHub alerts),
/// attaches `: Caption {#tbl:id}` paragraphs to their tables, and makes captioned code blocks listings
/// (a caption in the info string, or pandoc-crossref's `: Caption {#lst:id}` line before or after).
struct BlockStructure {
    let spans: [MarkdownPreprocessor.Span]
    private(set) var diagnostics: [Diagnostic] = []

    init(spans: [MarkdownPreprocessor.Span]) {
        self.spans = spans
    }

    mutating func document(_ doc: MarkdownDocument) -> MarkdownDocument {
        let notes = doc.footnotes.map { note -> MarkdownDocument.Footnote in
            var n = note
            n.content = blocks(note.content)
            return n
        }
        return MarkdownDocument(file: doc.file, blocks: blocks(doc.blocks), footnotes: notes)
    }

    mutating func blocks(_ list: [Block]) -> [Block] {
        captions(groupDivs(list).map { nested($0) })
    }

    /// Applies the same structure inside containers, and turns alerts and captioned code into their nodes.
    private mutating func nested(_ b: Block) -> Block {
        var b = b.mapChildren { blocks($0) }
        switch b.kind {
        case .blockQuote(let inner):
            b.kind = Self.alert(inner) ?? .blockQuote(inner)
        case .div(let attrs, let inner):
            b.kind = Self.callout(attrs, inner) ?? Self.labelledFloat(attrs, inner) ?? .div(attributes: attrs, content: inner)
        case .codeBlock(let info, let literal):
            if let listing = Self.listing(info: info, literal: literal) { b.kind = .listing(listing) }
        default:
            break
        }
        return b
    }

    // MARK: Divs

    private func divMarker(_ b: Block) -> MarkdownPreprocessor.Span? {
        guard case .html(let raw) = b.kind else { return nil }
        let t = raw.trimmingWhitespaceAndNewlines()
        guard t.hasPrefix("<!--" + Placeholder.div), t.hasSuffix("-->"),
              let n = Int(t.dropFirst(4 + Placeholder.div.count).dropLast(3)), n >= 0, n < spans.count else { return nil }
        return spans[n]
    }

    private mutating func groupDivs(_ list: [Block]) -> [Block] {
        var stack: [(attrs: Attributes, start: Block, content: [Block])] = []
        var top: [Block] = []
        func append(_ b: Block) {
            if stack.isEmpty { top.append(b) } else { stack[stack.count - 1].content.append(b) }
        }
        for b in list {
            guard let marker = divMarker(b) else {
                append(b)
                continue
            }
            switch marker.kind {
            case .divOpen(let attrs):
                stack.append((attrs, b, []))
            case .divClose:
                guard let frame = stack.popLast() else {
                    diagnostics.append(.error("div.unopened", "this ':::' closes no open fenced div", at: marker.location))
                    continue
                }
                append(Block(.div(attributes: frame.attrs, content: frame.content), range: frame.start.range))
            default:
                append(b)
            }
        }
        while let frame = stack.popLast() {
            diagnostics.append(.error("div.unclosed", "fenced div opened here is never closed with ':::'", at: frame.start.range.start))
            append(Block(.div(attributes: frame.attrs, content: frame.content), range: frame.start.range))
        }
        return top
    }

    // MARK: Callouts

    private static func calloutKind(_ classes: [String]) -> Callout.Kind? {
        for c in classes where c.hasPrefix("callout-") {
            if let kind = Callout.Kind(rawValue: String(c.dropFirst("callout-".count))) { return kind }
        }
        return nil
    }

    private static func callout(_ attrs: Attributes, _ content: [Block]) -> Block.Kind? {
        guard let kind = calloutKind(attrs.classes) else { return nil }
        var rest = attrs
        rest.pairs.removeAll { $0.key == "title" }
        let title = attrs["title"].map { [Inline(.text($0), range: SourceRange(file: "", line: 1, column: 1))] } ?? []
        return .callout(Callout(kind: kind, title: title, attributes: rest, content: content))
    }

    /// `> [!NOTE]` (optionally followed by a title and `{#id}`) opening a block quote.
    private static func alert(_ content: [Block]) -> Block.Kind? {
        guard let first = content.first, case .paragraph(let inlines) = first.kind else { return nil }
        var line: [Inline] = []
        var rest: [Inline] = []
        for (i, node) in inlines.enumerated() {
            if node.kind == .softBreak || node.kind == .lineBreak {
                rest = Array(inlines[(i + 1)...])
                break
            }
            line.append(node)
        }
        let text = line.plainText.trimmingWhitespace()
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]"),
              let kind = Callout.Kind(rawValue: text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()) else {
            return nil
        }
        var title = String(text[text.index(after: close)...]).trimmingWhitespace()
        var attrs = Attributes()
        if let (head, parsed) = AttributeParser.splitTrailing(title) {
            title = head
            attrs = parsed
        }
        var body = Array(content.dropFirst())
        if !rest.isEmpty { body.insert(Block(.paragraph(rest), range: first.range), at: 0) }
        let titleInlines = title.isEmpty ? [] : [Inline(.text(title), range: first.range)]
        return .callout(Callout(kind: kind, title: titleInlines, attributes: attrs, content: body))
    }

    // MARK: Captions and listings

    /// pandoc-crossref's labelled divs around one float: `::: {#tbl:x}` around a table (its caption
    /// inside), `<div id="lst:x" class="listing">` around a caption paragraph and a code block.
    private static func labelledFloat(_ attrs: Attributes, _ content: [Block]) -> Block.Kind? {
        guard let id = attrs.id else { return nil }
        if id.hasPrefix("tbl:"), content.count == 1, case .table(var t) = content[0].kind {
            // The div's label wins over an id in the caption, as in pandoc-crossref.
            t.attributes.id = id
            t.attributes.classes += attrs.classes
            return .table(t)
        }
        guard id.hasPrefix("lst:") else { return nil }
        switch content.map(\.kind) {
        case let kinds where kinds.count == 1:
            if case .listing(var l) = kinds[0], l.attributes.id == nil {
                l.attributes.id = id
                return .listing(l)
            }
            if case .codeBlock(let info, let literal) = kinds[0] {
                return .listing(Listing(language: String(info.split(separator: " ").first ?? ""), literal: literal, caption: [],
                                        attributes: Attributes(id: id)))
            }
        case let kinds where kinds.count == 2:
            if case .paragraph(let caption) = kinds[0], case .codeBlock(let info, let literal) = kinds[1] {
                return .listing(Listing(language: String(info.split(separator: " ").first ?? ""), literal: literal, caption: caption,
                                        attributes: Attributes(id: id)))
            }
        default:
            break
        }
        return nil
    }

    /// A paragraph that starts with `: ` or `Table: `: its caption inlines and attributes.
    private static func caption(_ b: Block, word: String = "Table: ") -> ([Inline], Attributes)? {
        guard case .paragraph(var content) = b.kind, let first = content.first, case .text(let s) = first.kind else { return nil }
        let marker = s.hasPrefix(": ") ? 2 : s.hasPrefix(word) ? word.count : 0
        guard marker > 0 else { return nil }
        let rest = String(s.dropFirst(marker).drop { $0 == " " || $0 == "\t" })
        content[0] = Inline(.text(rest), range: first.range)
        if rest.isEmpty { content.removeFirst() }
        if let (stripped, attrs) = AttributeParser.takeTrailing(from: content) { return (stripped, attrs) }
        return (content, Attributes())
    }

    /// Attaches each `: Caption` paragraph to the table or code block next to it. A caption right
    /// against its block (no blank line between) wins; otherwise the one before it, then the one after,
    /// as pandoc reads a table's caption first from above.
    private func captions(_ list: [Block]) -> [Block] {
        var out: [Block] = []
        var skip = Set<Int>()
        for (i, b) in list.enumerated() where !skip.contains(i) {
            let word: String
            switch b.kind {
            case .codeBlock: word = "Listing: "
            case .listing(let l) where l.caption.isEmpty: word = "Listing: "
            case .table: word = "Table: "
            default:
                out.append(b)
                continue
            }
            let before = out.last.flatMap { p in Self.caption(p, word: word).map { (p, $0) } }
            let after = i + 1 < list.count ? Self.caption(list[i + 1], word: word).map { (list[i + 1], $0) } : nil
            let touchesBefore = before.map { $0.0.range.endLine + 1 == b.range.start.line } ?? false
            let touchesAfter = after.map { b.range.endLine + 1 == $0.0.range.start.line } ?? false
            var caption: ([Inline], Attributes)?
            if let before, touchesBefore || !touchesAfter {
                caption = before.1
                out.removeLast()
            } else if let after {
                caption = after.1
                skip.insert(i + 1)
            }
            out.append(Self.captioned(b, caption))
        }
        return out
    }

    /// The block with its caption: a table's, a listing's (a code block becomes one), or unchanged.
    private static func captioned(_ b: Block, _ caption: ([Inline], Attributes)?) -> Block {
        guard let (text, attrs) = caption else { return b }
        var block = b
        switch b.kind {
        case .codeBlock(let info, let literal):
            let language = String(info.split(separator: " ").first ?? "")
            block.kind = .listing(Listing(language: language, literal: literal, caption: text, attributes: attrs))
        case .listing(var l):
            // `{#lst:x}` on the fence and the caption on a line of its own: the fence's id stays.
            l.caption = text
            if l.attributes.id == nil { l.attributes.id = attrs.id }
            l.attributes.classes += attrs.classes
            block.kind = .listing(l)
        case .table(var t):
            t.caption = text
            t.attributes = attrs
            block.kind = .table(t)
        default:
            break
        }
        return block
    }

    /// A fenced code block whose info string carries `{#lst:id caption="..."}` (or just a caption).
    private static func listing(info: String, literal: String) -> Listing? {
        guard let brace = info.firstIndex(of: "{"), let attrs = AttributeParser.parse(info[brace...].trimmingWhitespace()[...]),
              attrs.id != nil || attrs["caption"] != nil else { return nil }
        let before = info[..<brace].trimmingWhitespace()
        let language = before.isEmpty ? (attrs.classes.first ?? "") : String(before.split(separator: " ").first ?? "")
        var rest = attrs
        rest.pairs.removeAll { $0.key == "caption" }
        let caption = attrs["caption"].map { [Inline(.text($0), range: SourceRange(file: "", line: 1, column: 1))] } ?? []
        return Listing(language: language, literal: literal, caption: caption, attributes: rest)
    }
}

import Foundation
