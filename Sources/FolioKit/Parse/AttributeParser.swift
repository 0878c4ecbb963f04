/// Parses pandoc-style attribute blocks: `{#id .class key=value key="quoted value" -}`.
public enum AttributeParser {
    /// Longest attribute block considered, in bytes; longer brace runs stay text.
    static let maxLength = 4096

    /// Parses a whole `{...}` block. Returns nil when the text is not a well-formed attribute block.
    public static func parse(_ text: Substring) -> Attributes? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.count <= maxLength, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
            return nil
        }
        var attrs = Attributes()
        var i = 1
        let end = bytes.count - 1
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func word(_ from: Int) -> Int {
            var j = from
            while j < end, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "}"), bytes[j] != UInt8(ascii: "{") { j += 1 }
            return j
        }
        func str(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
        var sawItem = false
        while i < end {
            if isSpace(bytes[i]) { i += 1; continue }
            switch bytes[i] {
            case UInt8(ascii: "#"):
                let j = word(i + 1)
                guard j > i + 1, attrs.id == nil else { return nil }
                attrs.id = str(i + 1, j)
                i = j
            case UInt8(ascii: "."):
                let j = word(i + 1)
                guard j > i + 1 else { return nil }
                attrs.classes.append(str(i + 1, j))
                i = j
            case UInt8(ascii: "-") where i + 1 == end || isSpace(bytes[i + 1]):
                attrs.classes.append("unnumbered")
                i += 1
            default:
                var j = i
                while j < end, isKeyByte(bytes[j]) { j += 1 }
                guard j > i, j < end, bytes[j] == UInt8(ascii: "=") else { return nil }
                let key = str(i, j)
                j += 1
                guard j < end else { return nil }
                let value: String
                if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                    let quote = bytes[j]
                    var k = j + 1
                    var out: [UInt8] = []
                    while k < end, bytes[k] != quote {
                        if bytes[k] == UInt8(ascii: "\\"), k + 1 < end { k += 1 }
                        out.append(bytes[k])
                        k += 1
                    }
                    guard k < end else { return nil }
                    value = String(decoding: out, as: UTF8.self)
                    i = k + 1
                } else {
                    let k = word(j)
                    guard k > j else { return nil }
                    value = str(j, k)
                    i = k
                }
                attrs.pairs.append((key: key, value: value))
            }
            sawItem = true
            guard i >= end || isSpace(bytes[i]) else { return nil }
        }
        return sawItem ? attrs : nil
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
    }

    /// Splits a trailing attribute block off `text`: `"Title {#id}"` gives `("Title", attrs)`.
    /// The block must start the text or follow whitespace.
    public static func splitTrailing(_ text: String) -> (String, Attributes)? {
        var trimmed = Substring(text)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        guard trimmed.last == "}" else { return nil }
        var candidates = 0
        var idx = trimmed.endIndex
        while let open = trimmed[..<idx].lastIndex(of: "{") {
            candidates += 1
            if candidates > 16 || trimmed.utf8.distance(from: open, to: trimmed.endIndex) > maxLength { return nil }
            let before = trimmed[..<open]
            if before.isEmpty || before.last == " " || before.last == "\t", let attrs = parse(trimmed[open...]) {
                var head = before
                while let last = head.last, last == " " || last == "\t" { head = head.dropLast() }
                return (String(head), attrs)
            }
            idx = open
        }
        return nil
    }

    /// Removes a trailing attribute block from a list of inlines (the run of text nodes at its end).
    public static func takeTrailing(from content: [Inline]) -> ([Inline], Attributes)? {
        var start = content.count
        while start > 0, case .text = content[start - 1].kind { start -= 1 }
        guard start < content.count else { return nil }
        var joined = ""
        for node in content[start...] { if case .text(let s) = node.kind { joined += s } }
        guard let (head, attrs) = splitTrailing(joined) else { return nil }
        var out = Array(content[..<start])
        if !head.isEmpty { out.append(Inline(.text(head), range: content[start].range)) }
        // Drop a soft break left dangling before the attribute block.
        while let last = out.last, last.kind == .softBreak { out.removeLast() }
        return (out, attrs)
    }
}
