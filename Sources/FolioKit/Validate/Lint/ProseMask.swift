/// Decides, byte by byte, which parts of Markdown source lines are prose.
enum ProseMask {
    static func compute(_ lines: [[UInt8]]) -> ([[UInt8]], Set<Int>, Set<Int>) {
        var out = lines
        var tables: Set<Int> = []
        var starts: Set<Int> = []
        var i = 0
        // Front matter.
        if let first = lines.first, trimmed(first) == Array("---".utf8) {
            var j = 1
            while j < lines.count, trimmed(lines[j]) != Array("---".utf8), trimmed(lines[j]) != Array("...".utf8) { j += 1 }
            if j < lines.count {
                for k in 0...j { out[k] = masked(lines[k]) }
                i = j + 1
            }
        }
        var fences = CodeFenceTracker()
        var inComment = false
        var inList = false
        var inIndentedCode = false
        while i < lines.count {
            let line = lines[i]
            let lineNo = i + 1
            let body = line.drop(while: { $0 == 0x20 })
            if fences.open != nil {
                out[i] = masked(line)
                _ = fences.feed(body)
                i += 1
                continue
            }
            if inComment {
                out[i] = masked(line)
                if contains(line, "-->") { inComment = false }
                i += 1
                continue
            }
            if fences.feed(body) == .opens {
                out[i] = masked(line)
                starts.insert(lineNo)
                i += 1
                continue
            }
            if body.starts(with: Array("<!--".utf8)) {
                out[i] = masked(line)
                if !contains(line, "-->") { inComment = true }
                starts.insert(lineNo)
                i += 1
                continue
            }
            if body.isEmpty || body.first == UInt8(ascii: "#") || body.first == UInt8(ascii: "|") || body.first == UInt8(ascii: ">")
                || body.first == UInt8(ascii: ":") || isListItem(Array(body)) {
                starts.insert(lineNo)
            }
            // Indented code: four spaces after a blank line, outside lists.
            let indent = line.count - body.count
            let previousBlank = i == 0 || lines[i - 1].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if body.isEmpty {
                i += 1
                continue
            }
            if inIndentedCode && indent >= 4 || (indent >= 4 && previousBlank && !inList) {
                inIndentedCode = true
                out[i] = masked(line)
                i += 1
                continue
            }
            inIndentedCode = false
            if isListItem(Array(body)) { inList = true } else if indent == 0 && previousBlank { inList = false }
            if body.first == UInt8(ascii: "|") || isDelimiterRow(Array(body)) { tables.insert(lineNo) }
            if isDelimiterRow(Array(body)) || body.starts(with: Array(":::".utf8)) || body.starts(with: Array("[^".utf8)) && contains(line, "]:") {
                // Table delimiter rows and div fences carry no prose; footnote labels are masked below.
                if !body.starts(with: Array("[^".utf8)) { out[i] = masked(line) }
            }
            out[i] = inline(out[i])
            i += 1
        }
        return (out, tables, starts)
    }

    static func masked(_ line: [UInt8]) -> [UInt8] { [UInt8](repeating: LintSource.mask, count: line.count) }

    static func trimmed(_ line: [UInt8]) -> [UInt8] {
        Array(line.drop(while: { $0 == 0x20 }).reversed().drop(while: { $0 == 0x20 || $0 == 0x09 }).reversed())
    }

    static func contains(_ line: [UInt8], _ s: String) -> Bool { contains(line, Array(s.utf8)) }

    /// Whether `needle` occurs in `line` (first-byte filter, no allocation).
    static func contains(_ line: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, line.count >= needle.count else { return false }
        var i = 0
        let last = line.count - needle.count
        while i <= last {
            if line[i] == first {
                var k = 1
                while k < needle.count, line[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    static func isListItem(_ body: [UInt8]) -> Bool {
        guard let f = body.first else { return false }
        if (f == UInt8(ascii: "-") || f == UInt8(ascii: "*") || f == UInt8(ascii: "+")), body.count > 1, body[1] == 0x20 { return true }
        let digits = body.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
        guard !digits.isEmpty, digits.count < 10, body.count > digits.count + 1 else { return false }
        let after = body[digits.count]
        return (after == UInt8(ascii: ".") || after == UInt8(ascii: ")")) && body[digits.count + 1] == 0x20
    }

    static func isDelimiterRow(_ body: [UInt8]) -> Bool {
        !body.isEmpty && body.contains(UInt8(ascii: "-"))
            && body.allSatisfy { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 }
            && body.contains(UInt8(ascii: "|"))
    }

    /// Masks the non-prose parts inside one line. Every search for a closing mark is bounded (or, for
    /// code spans, remembered when it fails), so a hostile line stays linear.
    static func inline(_ line: [UInt8]) -> [UInt8] {
        var out = line
        let n = line.count
        func maskRange(_ a: Int, _ b: Int) { for k in max(a, 0)..<min(b, n) { out[k] = LintSource.mask } }
        func find(_ byte: UInt8, from: Int, within limit: Int) -> Int? {
            var k = from
            while k < min(n, from + limit) {
                if line[k] == byte { return k }
                k += 1
            }
            return nil
        }
        // Backtick run lengths with no closing run after a position.
        var unclosed: [Int: Int] = [:]
        var i = 0
        while i < n {
            let c = line[i]
            switch c {
            case UInt8(ascii: "`"):
                let run = line[i...].prefix(while: { $0 == c }).count
                if let failedFrom = unclosed[run], failedFrom <= i {
                    i += run
                    continue
                }
                var j = i + run
                var closed = false
                while j < n {
                    if line[j] == c {
                        let r = line[j...].prefix(while: { $0 == c }).count
                        if r == run { maskRange(i, j + r); i = j + r; closed = true; break }
                        j += r
                    } else {
                        j += 1
                    }
                }
                if !closed {
                    unclosed[run] = i
                    i += run
                }
            case UInt8(ascii: "<"):
                // HTML tags, comments and autolinks.
                if i + 1 < n, line[i + 1] == UInt8(ascii: "!") || line[i + 1] == UInt8(ascii: "/") || isLetter(line[i + 1]),
                   let close = find(UInt8(ascii: ">"), from: i + 1, within: 1024) {
                    maskRange(i, close + 1)
                    i = close + 1
                } else {
                    i += 1
                }
            case UInt8(ascii: "]"):
                // A link or image destination: ](...).
                if i + 1 < n, line[i + 1] == UInt8(ascii: "("), let close = matching(line, from: i + 1) {
                    maskRange(i + 1, close + 1)
                    i = close + 1
                } else {
                    i += 1
                }
            case UInt8(ascii: "{"):
                if i + 1 < n, [UInt8(ascii: "#"), UInt8(ascii: "."), UInt8(ascii: "-")].contains(line[i + 1]),
                   let close = find(UInt8(ascii: "}"), from: i, within: 512) {
                    maskRange(i, close + 1)
                    i = close + 1
                } else {
                    i += 1
                }
            case UInt8(ascii: "$"):
                // Inline math: $x$ with no space just inside the dollars.
                if i + 1 < n, line[i + 1] != 0x20, line[i + 1] != UInt8(ascii: "$"),
                   let close = find(UInt8(ascii: "$"), from: i + 1, within: 1024), line[close - 1] != 0x20,
                   !(close + 1 < n && line[close + 1] >= 0x30 && line[close + 1] <= 0x39) {
                    maskRange(i, close + 1)
                    i = close + 1
                } else {
                    i += 1
                }
            case UInt8(ascii: "@"):
                // Citation and cross-reference keys (not e-mail addresses).
                let prev: UInt8? = i > 0 ? line[i - 1] : nil
                if prev == nil || !(isLetter(prev ?? 0) || isDigit(prev ?? 0)) {
                    var j = i + 1
                    while j < n, isLetter(line[j]) || isDigit(line[j]) || "_:.#$%&-+?<>~/{}".utf8.contains(line[j]) { j += 1 }
                    while j > i + 1, ".:".utf8.contains(line[j - 1]) { j -= 1 }
                    maskRange(i, j)
                    i = max(j, i + 1)
                } else {
                    i += 1
                }
            case UInt8(ascii: "["):
                if i + 1 < n, line[i + 1] == UInt8(ascii: "^"), let close = find(UInt8(ascii: "]"), from: i, within: 256) {
                    maskRange(i, close + 1)
                    i = close + 1
                } else if i + 1 < n, line[i + 1] == UInt8(ascii: "["), let close = firstIndex(of: "]]", in: Array(line[i..<min(n, i + 256)]), from: 0) {
                    maskRange(i, i + close + 2)
                    i = i + close + 2
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
        return out
    }

    /// The `)` matching the `(` at `open`, within 2048 bytes.
    static func matching(_ line: [UInt8], from open: Int) -> Int? {
        var depth = 0
        var j = open
        while j < min(line.count, open + 2048) {
            if line[j] == UInt8(ascii: "(") { depth += 1 }
            if line[j] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { return j } }
            j += 1
        }
        return nil
    }

    static func firstIndex(of s: String, in line: [UInt8], from: Int) -> Int? {
        let needle = Array(s.utf8)
        guard line.count >= needle.count, from <= line.count - needle.count else { return nil }
        for k in from...(line.count - needle.count) where line[k..<(k + needle.count)].elementsEqual(needle) { return k }
        return nil
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
