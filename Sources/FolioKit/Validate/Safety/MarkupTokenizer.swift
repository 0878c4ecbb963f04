/// A tag-level tokenizer for the SVG and raw-HTML sanitizers: start and end tags with their
/// attributes, text, comments, CDATA sections, processing instructions and declarations, each with
/// its line and column. It never fails and is linear in the input: markup that does not close is
/// text up to where the scan gave up (never scanned again), so a sanitizer that escapes text can
/// never let a tag through.
struct MarkupTokenizer {
    struct Attribute: Equatable {
        var name: String
        /// As written between the quotes (or unquoted), entity references not decoded.
        var raw: String
        var line: Int
        var column: Int
    }

    enum Token: Equatable {
        /// Text as written; `<`, `>` and bare `&` must be escaped again when printed.
        case text(String)
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
        case endTag(name: String)
        case comment
        case cdata(String)
        case processingInstruction(String)
        /// `<!DOCTYPE …>` and other `<!…>` declarations, with any internal subset.
        case declaration(String)
    }

    struct Located: Equatable {
        var token: Token
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0

    static func tokens(_ text: String) -> [Located] {
        var t = MarkupTokenizer(bytes: Array(text.utf8))
        return t.run()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var column: Int { i - lineStart + 1 }

    private mutating func advance(to end: Int) {
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
    }

    private func string(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[max(0, from)..<min(max(from, to), bytes.count)], as: UTF8.self)
    }

    /// Index of the first occurrence of `needle` at or after `from`, or nil.
    private func find(_ needle: String, from: Int) -> Int? {
        let n = Array(needle.utf8)
        guard let first = n.first, !n.isEmpty else { return nil }
        var k = from
        while k + n.count <= bytes.count {
            if bytes[k] == first && bytes[k..<(k + n.count)].elementsEqual(n) { return k }
            k += 1
        }
        return nil
    }

    private func hasPrefix(_ s: String, at k: Int) -> Bool {
        let p = Array(s.utf8)
        return k + p.count <= bytes.count && bytes[k..<(k + p.count)].elementsEqual(p)
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: ":") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    private mutating func run() -> [Located] {
        var out: [Located] = []
        var textStart = 0, textLine = 1, textColumn = 1
        func flushText(_ out: inout [Located], upTo end: Int) {
            if end > textStart { out.append(Located(token: .text(string(textStart, end)), line: textLine, column: textColumn)) }
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                advance(to: i + 1)
                continue
            }
            let start = i, startLine = line, startColumn = column
            let (found, end) = markup(at: i)
            guard let token = found else {
                advance(to: max(end, i + 1))
                continue
            }
            flushText(&out, upTo: start)
            out.append(Located(token: token, line: startLine, column: startColumn))
            advance(to: end)
            textStart = i
            textLine = line
            textColumn = column
        }
        flushText(&out, upTo: bytes.count)
        return out
    }

    /// The markup starting at `k` (a `<`) and the index after it; or nil and the index up to which
    /// the bytes are text (everything the scan looked at, so no byte is scanned twice).
    private func markup(at k: Int) -> (Token?, Int) {
        if hasPrefix("<!--", at: k) {
            let close = find("-->", from: k + 4).map { $0 + 3 } ?? bytes.count
            return (.comment, close)
        }
        if hasPrefix("<![CDATA[", at: k) {
            guard let close = find("]]>", from: k + 9) else { return (nil, bytes.count) }
            return (.cdata(string(k + 9, close)), close + 3)
        }
        if hasPrefix("<?", at: k) {
            guard let close = find("?>", from: k + 2) else { return (nil, bytes.count) }
            return (.processingInstruction(string(k + 2, close)), close + 2)
        }
        if hasPrefix("<!", at: k) {
            // A declaration ends at the first `>` outside an internal subset `[ … ]`.
            var depth = 0, j = k + 2
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "[") { depth += 1 }
                if bytes[j] == UInt8(ascii: "]") { depth = max(0, depth - 1) }
                if bytes[j] == UInt8(ascii: ">") && depth == 0 { return (.declaration(string(k + 2, j)), j + 1) }
                j += 1
            }
            return (nil, bytes.count)
        }
        if hasPrefix("</", at: k) {
            var j = k + 2
            while j < bytes.count && Self.isNameByte(bytes[j]) { j += 1 }
            guard j > k + 2 else { return (nil, j) }
            let name = string(k + 2, j)
            while j < bytes.count && Self.isSpace(bytes[j]) { j += 1 }
            guard j < bytes.count && bytes[j] == UInt8(ascii: ">") else { return (nil, j) }
            return (.endTag(name: name), j + 1)
        }
        return startTag(at: k)
    }

    private func startTag(at k: Int) -> (Token?, Int) {
        var j = k + 1
        guard j < bytes.count, (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A else { return (nil, j) }
        while j < bytes.count && Self.isNameByte(bytes[j]) { j += 1 }
        let name = string(k + 1, j)
        var attributes: [Attribute] = []
        // Line and column of `j`, tracked from the tag's start (tags may span lines).
        var aLine = line, aLineStart = lineStart
        func moveTo(_ to: Int, from: inout Int) {
            while from < to {
                if bytes[from] == 0x0A { aLine += 1; aLineStart = from + 1 }
                from += 1
            }
        }
        var cursor = k
        while j < bytes.count {
            while j < bytes.count && Self.isSpace(bytes[j]) { j += 1 }
            guard j < bytes.count else { return (nil, j) }
            if bytes[j] == UInt8(ascii: ">") { return (.startTag(name: name, attributes: attributes, selfClosing: false), j + 1) }
            if bytes[j] == UInt8(ascii: "/") {
                if j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: ">") {
                    return (.startTag(name: name, attributes: attributes, selfClosing: true), j + 2)
                }
                j += 1
                continue
            }
            let nameStart = j
            while j < bytes.count && !Self.isSpace(bytes[j]) && bytes[j] != UInt8(ascii: "=")
                    && bytes[j] != UInt8(ascii: ">") && bytes[j] != UInt8(ascii: "/") && bytes[j] != UInt8(ascii: "<") {
                j += 1
            }
            guard j > nameStart else { return (nil, j) }
            moveTo(nameStart, from: &cursor)
            let attrLine = aLine, attrColumn = nameStart - aLineStart + 1
            let attrName = string(nameStart, j)
            var p = j
            while p < bytes.count && Self.isSpace(bytes[p]) { p += 1 }
            var raw = ""
            if p < bytes.count && bytes[p] == UInt8(ascii: "=") {
                p += 1
                while p < bytes.count && Self.isSpace(bytes[p]) { p += 1 }
                guard p < bytes.count else { return (nil, p) }
                let q = bytes[p]
                if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                    var e = p + 1
                    while e < bytes.count && bytes[e] != q { e += 1 }
                    guard e < bytes.count else { return (nil, e) }
                    raw = string(p + 1, e)
                    j = e + 1
                } else {
                    var e = p
                    while e < bytes.count && !Self.isSpace(bytes[e]) && bytes[e] != UInt8(ascii: ">") { e += 1 }
                    raw = string(p, e)
                    j = e
                }
            }
            attributes.append(Attribute(name: attrName, raw: raw, line: attrLine, column: attrColumn))
        }
        return (nil, j)
    }
}
