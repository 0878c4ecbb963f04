/// Pandoc's citation key and group grammar, used by the preprocessor on raw Markdown bytes.
enum CitationSyntax {
    /// Punctuation allowed inside a key when followed by a letter or digit.
    static let internalPunctuation: Set<UInt8> = Set(":.#$%&-+?<>~/".utf8)

    static func isKeyChar(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") || c >= 0x80
    }

    /// Whether an in-text `@` may start here: at the start, or after space or opening punctuation,
    /// a table cell's `|`, emphasis or a code span's end (`|@key`, `*@key*`, `` `x`@key ``), but not inside
    /// a word or an address.
    static func canStartCitation(after previous: UInt8?) -> Bool {
        guard let p = previous else { return true }
        return p == 0x20 || p == 0x09 || p == 0x0A || p == 0x0D || starters.contains(p)
    }

    private static let starters: Set<UInt8> = Set("([;-\"'|*_~{`".utf8)

    /// Parses the key after the `@` at `at`; returns the key and the index after it.
    /// The byte length of the key character at `i`, or 0: ASCII letters, digits and `_`, and any other
    /// letter or digit (so a key ends before "。" or "，" as pandoc's does).
    static func keyCharLength(_ b: [UInt8], at i: Int, end: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return isKeyChar(c) ? 1 : 0 }
        let n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        guard n > 1, i + n <= end, let s = String(validating: b[i..<(i + n)], as: UTF8.self),
              let scalar = s.unicodeScalars.first else { return 0 }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark ? n : 0
    }

    static func key(_ b: [UInt8], at: Int, end: Int) -> (String, Int)? {
        var i = at + 1
        guard i < end else { return nil }
        if b[i] == UInt8(ascii: "{") {
            var j = i + 1
            while j < end, b[j] != UInt8(ascii: "}"), b[j] != 0x0A, j - i < 256 { j += 1 }
            guard j < end, b[j] == UInt8(ascii: "}"), j > i + 1 else { return nil }
            return (String(decoding: b[(i + 1)..<j], as: UTF8.self), j + 1)
        }
        guard keyCharLength(b, at: i, end: end) > 0 else { return nil }
        let start = i
        while i < end {
            let n = keyCharLength(b, at: i, end: end)
            if n > 0 {
                i += n
            } else if internalPunctuation.contains(b[i]), i + 1 < end, keyCharLength(b, at: i + 1, end: end) > 0 {
                i += 1
            } else if b[i] == UInt8(ascii: ":") || b[i] == UInt8(ascii: "/"), i + 1 < end, b[i + 1] == UInt8(ascii: "/") {
                // As pandoc: `:` or `/` before `/`, so Manubot's `@url:https://example.org/x` is one key.
                i += 1
            } else {
                break
            }
            if i - start > 256 { return nil }
        }
        return (String(decoding: b[start..<i], as: UTF8.self), i)
    }

    /// Parses the inside of `[...]` as a citation group; nil unless every `;`-separated item has a key.
    /// `comma` is set to the first comma that separates two citations (`citation.comma`).
    static func group(_ b: [UInt8], from: Int, to: Int, comma: inout Int?,
                      locate: (Int) -> SourceLocation) -> [CitationGroup.Item]? {
        var items: [CitationGroup.Item] = []
        var pieceStart = from
        var i = from
        while i <= to {
            // A comma separates citations only after one (`[@a, @b]`); in a prefix it is text (`[e.g., @a]`).
            let atComma = i < to && b[i] == UInt8(ascii: ",") && startsItem(b, after: i, to: to)
            if i == to || b[i] == UInt8(ascii: ";") || atComma {
                if let item = item(b, from: pieceStart, to: i, locate: locate) {
                    if atComma, comma == nil { comma = i }
                    items.append(item)
                    pieceStart = i + 1
                } else if !atComma {
                    return nil
                }
            }
            i += 1
        }
        return items.isEmpty ? nil : items
    }

    /// Whether `, @key` (or `, -@key`) follows the comma at `i`: pandoc reads `[@a, @b]` as two
    /// citations, so Folio does too (with a warning, `citation.comma`).
    static func startsItem(_ b: [UInt8], after i: Int, to: Int) -> Bool {
        var j = i + 1
        while j < to, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A { j += 1 }
        if j < to, b[j] == UInt8(ascii: "-") { j += 1 }
        guard j < to, b[j] == UInt8(ascii: "@") else { return false }
        return key(b, at: j, end: to) != nil
    }

    /// The bytes as text, without whitespace or line breaks at either end (`trimmingWhitespaceAndNewlines`):
    /// ASCII ends are trimmed by their bytes, other ends by their scalars.
    static func trimmedText(_ bytes: ArraySlice<UInt8>) -> String {
        func space(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }
        var (lo, hi) = (bytes.startIndex, bytes.endIndex)
        while lo < hi, space(bytes[lo]) { lo += 1 }
        while hi > lo, space(bytes[hi - 1]) { hi -= 1 }
        let text = String(decoding: bytes[lo..<hi], as: UTF8.self)
        guard lo < hi, bytes[lo] < 0x80, bytes[hi - 1] < 0x80 else { return text.trimmingWhitespaceAndNewlines() }
        return text
    }

    private static func item(_ b: [UInt8], from: Int, to: Int, locate: (Int) -> SourceLocation) -> CitationGroup.Item? {
        var i = from
        while i < to {
            if b[i] == UInt8(ascii: "@"), canStartCitation(after: i > from ? b[i - 1] : nil),
               let (key, after) = key(b, at: i, end: to) {
                let suppress = i > from && b[i - 1] == UInt8(ascii: "-")
                let prefixEnd = suppress ? i - 1 : i
                let prefix = trimmedText(b[from..<prefixEnd])
                let suffix = trimmedText(b[after..<to])
                return CitationGroup.Item(key: key, prefix: prefix, suffix: suffix, suppressAuthor: suppress, location: locate(i))
            }
            i += 1
        }
        return nil
    }
}

import Foundation
