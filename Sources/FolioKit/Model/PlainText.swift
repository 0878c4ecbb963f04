/// Trimming and number formatting in the standard library alone. Foundation's versions of these go
/// through `NSString` and CoreFoundation's Unicode tables, which a build then pages in for a few
/// thousand short strings (docs/PERFORMANCE.md, "Foundation off the build's path").
extension Unicode.Scalar {
    /// A member of Foundation's `CharacterSet.whitespaces` (CoreFoundation's list): tab, space,
    /// no-break space, ogham space mark, U+2000 to U+200B, U+202F, U+205F and U+3000.
    var isBlank: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// A member of Foundation's `CharacterSet.newlines`: U+000A to U+000D, U+0085, U+2028, U+2029.
    var isLineBreak: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}

extension Substring {
    /// What `trimmingWhitespace()` gives.
    public func trimmingWhitespace() -> String { trimming { $0.isBlank } }

    /// What `trimmingWhitespaceAndNewlines()` gives.
    public func trimmingWhitespaceAndNewlines() -> String { trimming { $0.isBlank || $0.isLineBreak } }

    /// The text without the scalars `strip` accepts at either end.
    func trimming(_ strip: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !strip($0) }),
              let last = scalars.lastIndex(where: { !strip($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

extension String {
    /// What `trimmingWhitespace()` gives.
    public func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }

    /// What `trimmingWhitespaceAndNewlines()` gives.
    public func trimmingWhitespaceAndNewlines() -> String { self[...].trimmingWhitespaceAndNewlines() }

    /// The text without the scalars `strip` accepts at either end.
    func trimming(_ strip: (Unicode.Scalar) -> Bool) -> String { self[...].trimming(strip) }
}

extension String {
    /// Every `target` replaced by `replacement`, compared byte for byte (Foundation's
    /// `replacingOccurrences(of:with:options: .literal)`). Foundation's default comparison differs
    /// only where the target is followed by a combining mark (`-` in `-\u{301}`), which the
    /// callers' targets (dashes, a dot, a backslash) never meet in practice.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let lead = needle.first else { return self }
        let text = Array(utf8)
        var out: [UInt8] = []
        var (i, found) = (0, false)
        while i < text.count {
            if text[i] == lead, text.count - i >= needle.count, text[i..<i + needle.count].elementsEqual(needle) {
                out.append(contentsOf: replacement.utf8)
                i += needle.count
                found = true
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return found ? String(decoding: out, as: UTF8.self) : self
    }
}

extension String {
    /// The text with its first letter upper-cased: Foundation's `capitalized` for the one lower-case
    /// word of a name such as `note`.
    var initialCapital: String { prefix(1).uppercased() + dropFirst() }
}

extension Int {
    /// The number as C's `%0Nd` writes it: at least `width` characters, zeros after any minus sign
    /// (`5` is `0005`, `-5` is `-005`).
    func zeroPadded(_ width: Int) -> String {
        let digits = String(magnitude)
        let sign = self < 0 ? "-" : ""
        return sign + String(repeating: "0", count: Swift.max(0, width - sign.count - digits.count)) + digits
    }
}
