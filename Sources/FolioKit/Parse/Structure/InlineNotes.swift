/// pandoc's inline notes, `text^[the note]`: each becomes a footnote reference where it stands and a
/// footnote holding its text, numbered with the chapter's other notes in the order they are referred to.
/// cmark-gfm leaves `^[…]` as text (with any markup inside parsed), so the note is cut out of the
/// paragraph's inlines after parsing.
enum InlineNotes {
    /// Whether `text` has `^[` at all, so chapters without inline notes are not walked.
    static func mayHold(_ text: String) -> Bool { text.containsBytes(UInt8(ascii: "^"), UInt8(ascii: "[")) }

    static func document(_ doc: MarkdownDocument) -> MarkdownDocument {
        let found = Found()
        let cut: ([Inline]) -> [Inline] = { list in
            guard list.contains(where: { if case .text(let s) = $0.kind { mayHold(s) } else { false } }) else { return list }
            return Self.cut(list, into: found)
        }
        let blocks = doc.blocks.map { $0.mapInlines(cut) }
        let notes = doc.footnotes.map { $0.mapInlines(cut) }
        guard !found.notes.isEmpty else { return doc }
        // Numbered in the order of their first reference, as cmark-gfm orders the others.
        var order: [String: Int] = [:]
        for b in blocks + (notes + found.notes).flatMap(\.content) {
            b.forEachInline { if case .footnoteReference(let label) = $0.kind, order[label] == nil { order[label] = order.count } }
        }
        let all = (notes + found.notes).enumerated().sorted {
            (order[$0.element.label] ?? Int.max, $0.offset) < (order[$1.element.label] ?? Int.max, $1.offset)
        }.map(\.element)
        var out = MarkdownDocument(file: doc.file, blocks: blocks, footnotes: all)
        out.reviewMarks = doc.reviewMarks
        return out
    }

    private final class Found {
        var notes: [MarkdownDocument.Footnote] = []
    }

    /// `list` with each `^[…]` replaced by a reference; the notes go to `found`.
    private static func cut(_ list: [Inline], into found: Found) -> [Inline] {
        var out: [Inline] = []
        var rest = list[...]
        while let node = rest.first {
            rest = rest.dropFirst()
            guard case .text(let s) = node.kind, let open = s.range(of: "^["),
                  let (content, after) = noteContent(from: String(s[open.upperBound...]), node: node, then: rest) else {
                out.append(node)
                continue
            }
            let before = String(s[..<open.lowerBound])
            if !before.isEmpty { out.append(Inline(.text(before), range: node.range)) }
            let label = "inline-note-\(found.notes.count + 1)-\(node.range.start.line)-\(node.range.start.column)"
            out.append(Inline(.footnoteReference(label: label), range: node.range))
            found.notes.append(.init(label: label, content: [Block(.paragraph(content), range: node.range)], range: node.range))
            rest = after
        }
        return out
    }

    /// The note's inlines up to the `]` that closes `^[` (brackets inside pair up), and what follows it
    /// (the text after `]` first); nil when it does not close in this list.
    private static func noteContent(from first: String, node: Inline, then rest: ArraySlice<Inline>) -> ([Inline], ArraySlice<Inline>)? {
        var depth = 0
        var content: [Inline] = []
        func close(in s: String) -> String.Index? {
            for i in s.indices {
                if s[i] == "[" { depth += 1 }
                if s[i] == "]" { if depth == 0 { return i } else { depth -= 1 } }
            }
            return nil
        }
        if let end = close(in: first) {
            let after = String(first[first.index(after: end)...])
            return ([Inline(.text(String(first[..<end])), range: node.range)],
                    (after.isEmpty ? [] : [Inline(.text(after), range: node.range)]) + rest)
        }
        if !first.isEmpty { content.append(Inline(.text(first), range: node.range)) }
        var remaining = rest
        while let next = remaining.first {
            remaining = remaining.dropFirst()
            if case .text(let t) = next.kind, let end = close(in: t) {
                if end > t.startIndex { content.append(Inline(.text(String(t[..<end])), range: next.range)) }
                let after = String(t[t.index(after: end)...])
                return (content, (after.isEmpty ? [] : [Inline(.text(after), range: next.range)]) + remaining)
            }
            content.append(next)
        }
        return nil
    }
}
