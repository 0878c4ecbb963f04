/// Character references in markup text: decoding for safety checks, and escaping that keeps valid
/// references as written.
enum EntityText {
    /// XML's five predefined entities.
    static let xmlEntities: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
    /// HTML named references that spell ASCII punctuation or spaces, which could hide a URL scheme
    /// (`javascript&colon;`), plus the common typographic ones. Others are kept as written and are
    /// never decoded, so a check treats them as opaque.
    static let htmlEntities: [String: String] = xmlEntities.merging([
        "colon": ":", "Tab": "\t", "NewLine": "\n", "nbsp": "\u{A0}", "sol": "/", "lpar": "(", "rpar": ")",
        "semi": ";", "comma": ",", "period": ".", "excl": "!", "quest": "?", "num": "#", "percnt": "%",
        "equals": "=", "plus": "+", "lowbar": "_", "bsol": "\\", "commat": "@", "copy": "©", "reg": "®",
        "mdash": "—", "ndash": "–", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    ]) { a, _ in a }

    /// The reference at `i` (just after `&`): its name and the index after `;`, or nil.
    private static func reference(_ b: [UInt8], _ i: Int) -> (name: String, end: Int)? {
        var j = i
        if j < b.count && b[j] == UInt8(ascii: "#") { j += 1 }
        func alnum(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) }
        while j < b.count && j - i <= 32 && alnum(b[j]) { j += 1 }
        guard j > i, j < b.count, b[j] == UInt8(ascii: ";") else { return nil }
        return (String(decoding: b[i..<j], as: UTF8.self), j + 1)
    }

    private static func numeric(_ name: String) -> Character? {
        guard name.hasPrefix("#") else { return nil }
        let body = name.dropFirst()
        let value = body.first == "x" || body.first == "X" ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
        guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return nil }
        return Character(scalar)
    }

    /// The text with every reference decoded; nil when an XML text (`xml`) uses an undefined entity.
    /// Unknown HTML references stay as written.
    static func decode(_ raw: String, xml: Bool) -> String? {
        guard raw.utf8.contains(UInt8(ascii: "&")) else { return raw }
        let b = Array(raw.utf8)
        var out = ""
        var i = 0, copied = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "&"), let (name, end) = reference(b, i + 1) else {
                i += 1
                continue
            }
            let replacement: String?
            if let c = numeric(name) {
                replacement = String(c)
            } else {
                replacement = xml ? xmlEntities[name] : htmlEntities[name]
            }
            if replacement == nil && xml { return nil }
            if let replacement {
                out += String(decoding: b[copied..<i], as: UTF8.self) + replacement
                copied = end
            }
            i = end
        }
        return out + String(decoding: b[copied...], as: UTF8.self)
    }

    /// The first named reference an XML document without a DTD cannot resolve.
    static func firstUndefined(in raw: String, xml: Bool) -> String? {
        guard raw.utf8.contains(UInt8(ascii: "&")) else { return nil }
        let b = Array(raw.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "&"), let (name, end) = reference(b, i + 1) {
                if numeric(name) == nil && (xml ? xmlEntities[name] : htmlEntities[name]) == nil && !name.hasPrefix("#") { return name }
                i = end
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `raw` with `<`, `>` (and `"` when `quote`) escaped, and every `&` that does not start a
    /// reference written as `&amp;`.
    static func escapeKeepingReferences(_ raw: String, quote: Bool) -> String {
        let b = Array(raw.utf8)
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where quote: out += Array("&quot;".utf8)
            case UInt8(ascii: "&"):
                if let (name, _) = reference(b, i + 1), numeric(name) != nil || htmlEntities[name] != nil || !name.hasPrefix("#") {
                    out.append(c)
                } else {
                    out += Array("&amp;".utf8)
                }
            default: out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// URL checks shared by the SVG and raw-HTML sanitizers and the HTML writer.
enum URLSafety {
    /// Lower-cased, with whitespace and control characters removed (browsers ignore them in a scheme).
    static func normalised(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.prefix(64).filter { $0.value > 0x20 && $0.value != 0x7F }))
            .lowercased()
    }

    /// The scheme before the first `:` (if it comes before any `/`, `?` or `#`), lower-cased.
    static func scheme(_ value: String) -> String? {
        let v = normalised(value)
        guard let colon = v.firstIndex(of: ":") else { return nil }
        let head = v[..<colon]
        if head.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return nil }
        return String(head)
    }

    /// http, https, mailto, or a relative reference (no scheme, no unknown entity hiding one).
    static func isSafeLink(_ value: String) -> Bool {
        guard let s = scheme(EntityText.decode(value, xml: false) ?? value) else { return true }
        return ["http", "https", "mailto"].contains(s)
    }

    static func isInlineImage(_ normalisedValue: String) -> Bool {
        ["data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"].contains { normalisedValue.hasPrefix($0) }
    }

    /// A `javascript:`/`vbscript:` URL anywhere in a value (after whitespace is removed).
    static func mentionsScript(_ value: String) -> Bool {
        let v = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        return v.contains("javascript:") || v.contains("vbscript:")
    }
}

/// CSS in SVG `style` attributes and sheets: nothing that loads, imports or scripts.
enum CSSSafety {
    static func problem(in css: String) -> String? {
        let v = String(String.UnicodeScalarView(css.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            .replacingOccurrences(of: "\\", with: "")
        if v.contains("@import") { return "an @import" }
        if v.contains("expression(") || v.contains("behavior:") || v.contains("-moz-binding") { return "a CSS script hook" }
        if v.contains("javascript:") || v.contains("vbscript:") { return "a script URL" }
        var rest = v[...]
        while let r = rest.range(of: "url(") {
            let after = rest[r.upperBound...].drop { $0 == "'" || $0 == "\"" }
            if !after.hasPrefix("#") { return "an external url(…)" }
            rest = rest[r.upperBound...]
        }
        return nil
    }
}
