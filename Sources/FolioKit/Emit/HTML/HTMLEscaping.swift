/// Escaping for HTML text, attributes and URLs, following cmark's rules so GFM output matches.
public enum HTMLEscaping {
    /// Escapes `& < > "` for text and attribute values.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        appendText(s, to: &out)
        return out
    }

    private static let textSpecial = ByteSet("&<>\"")

    public static func appendText(_ s: String, to out: inout String) {
        ByteEscaper.append(s, to: &out, special: textSpecial) { bytes, i, out in
            switch bytes[i] {
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "<"): out += "&lt;"
            case UInt8(ascii: ">"): out += "&gt;"
            default: out += "&quot;"
            }
            return 1
        }
    }

    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "-_.+!*'(),%#@?=;:/,+&$~".utf8 { table[Int(b)] = true }
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = true }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = true }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = true }
        return table
    }()

    /// Percent-encodes a URL for an `href`/`src` attribute, leaving existing escapes alone.
    public static func href(_ url: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        out.reserveCapacity(url.utf8.count)
        for b in url.utf8 {
            if b == UInt8(ascii: "&") {
                out += Array("&amp;".utf8)
            } else if b == UInt8(ascii: "'") {
                out += Array("&#x27;".utf8)
            } else if hrefSafe[Int(b)] {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True for `javascript:`, `vbscript:`, `file:`, `run:`, `launch:` and non-image `data:` URLs.
    public static func isDangerous(_ url: String) -> Bool {
        // The scheme, lower-cased and without whitespace, read from the first bytes only (no allocation per link).
        var scheme: [UInt8] = []
        scheme.reserveCapacity(16)
        for b in url.utf8.prefix(64) {
            // Browsers skip spaces and control characters in a scheme.
            if b <= 0x20 || b == 0x7F { continue }
            let lower = b >= 0x41 && b <= 0x5A ? b + 32 : b
            scheme.append(lower)
            if lower == UInt8(ascii: ":") || scheme.count > 16 { break }
        }
        guard scheme.last == UInt8(ascii: ":") else { return false }
        switch String(decoding: scheme, as: UTF8.self) {
        case "javascript:", "vbscript:", "file:", "run:", "launch:": return true
        case "data:":
            let lower = url.prefix(32).lowercased()
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        default: return false
        }
    }

    /// GFM's tag filter: neutralises tags that change how the rest of a page is parsed.
    public static func filterTags(_ html: String) -> String {
        let names = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        var out = ""
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            var after = rest[rest.index(after: lt)...]
            if after.first == "/" { after = after.dropFirst() }
            let lowered = after.prefix(10).lowercased()
            if let name = names.first(where: { lowered.hasPrefix($0) }), endsTagName(after.dropFirst(name.count).first) {
                out += "&lt;"
            } else {
                out += "<"
            }
            rest = rest[rest.index(after: lt)...]
        }
        return out + rest
    }

    private static func endsTagName(_ c: Character?) -> Bool {
        guard let c else { return true }
        return c == ">" || c == "/" || c.isWhitespace
    }
}
