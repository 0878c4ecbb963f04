/// A reference link whose label has no definition (`[text][missing]`, `[label][]`) is printed as
/// written by CommonMark: cmark-gfm leaves it in a text node. Each is reported, so a typo in a label
/// never passes as text. (The shortcut form `[label]` alone, and `x[i][j]` right after a word, are
/// left alone: prose and formulas have many brackets.)
enum UndefinedReferenceLinks {
    static func find(_ list: [Inline]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for node in list {
            guard case .text(let s) = node.kind, s.containsBytes(UInt8(ascii: "]"), UInt8(ascii: "[")) else { continue }
            let b = Array(s.utf8)
            var i = 0
            while i < b.count {
                guard b[i] == UInt8(ascii: "["), i == 0 || !isWordByte(b[i - 1]) && b[i - 1] != UInt8(ascii: "\\"),
                      let close = closing(b, after: i), close + 1 < b.count, b[close + 1] == UInt8(ascii: "["),
                      let end = closing(b, after: close + 1) else { i += 1; continue }
                let label = String(decoding: b[(close + 2)..<end], as: UTF8.self)
                let text = String(decoding: b[(i + 1)..<close], as: UTF8.self)
                // A placeholder in the label is a citation or math: not a reference link.
                if (label + text).unicodeScalars.contains(where: { $0.value >= 0xF0000 && $0.value <= 0xF0002 }) { i = end + 1; continue }
                let name = label.isEmpty ? text : label
                // The column is exact when nothing before it in the node was rewritten (placeholders, entities, escapes).
                let before = b[..<i]
                let exact = !before.contains(0xF3) && !before.contains(UInt8(ascii: "&")) && !before.contains(UInt8(ascii: "\\"))
                let at = SourceLocation(file: node.range.start.file, line: node.range.start.line, column: node.range.start.column + (exact ? i : 0))
                out.append(.warning("link.undefined-reference",
                                    "'[\(text)][\(label)]' is printed as written: no link reference definition names '\(name)'",
                                    at: at, notes: ["define it on a line of its own ([\(name)]: https://…), or write the link inline: [\(text)](https://…)"]))
                i = end + 1
            }
        }
        return out
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
    }

    /// The `]` closing the `[` at `open`, with no bracket between (labels do not nest); nil otherwise.
    private static func closing(_ b: [UInt8], after open: Int) -> Int? {
        var j = open + 1
        while j < b.count, j - open < 1000 {
            if b[j] == UInt8(ascii: "]") { return j }
            if b[j] == UInt8(ascii: "[") { return nil }
            j += 1
        }
        return nil
    }
}
