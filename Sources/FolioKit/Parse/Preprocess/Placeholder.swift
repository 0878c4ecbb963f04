/// The private-use characters that stand in for math, citations and div fences while cmark-gfm parses.
enum Placeholder {
    static let open = "\u{F0000}"
    static let close = "\u{F0001}"
    static let div = "\u{F0002}"
    static let openScalar: Unicode.Scalar = "\u{F0000}"
    static let closeScalar: Unicode.Scalar = "\u{F0001}"

    static func inline(_ index: Int) -> String { open + String(index) + close }
    static func divLine(_ index: Int) -> String { "<!--" + div + String(index) + "-->" }

    /// Input may not contain the placeholder characters themselves; they become U+FFFD.
    static func neutralise(_ text: String) -> String {
        // U+F0000...U+F0002 all begin with the byte F3 in UTF-8; most chapters have none at all.
        guard text.containsByte(0xF3),
              text.unicodeScalars.contains(where: { $0.value >= 0xF0000 && $0.value <= 0xF0002 }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(s.value >= 0xF0000 && s.value <= 0xF0002 ? "\u{FFFD}" : s)
        }
        return String(out)
    }

    /// The span indexes in `text`, with the text between them: `("a", 3, "b")`-style pieces.
    enum Piece { case text(Substring), span(Int) }

    static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let o = rest.unicodeScalars.firstIndex(of: openScalar) {
            let afterOpen = rest.unicodeScalars.index(after: o)
            guard let c = rest.unicodeScalars[afterOpen...].firstIndex(of: closeScalar),
                  let n = Int(String(rest.unicodeScalars[afterOpen..<c])) else { break }
            if o > rest.startIndex { pieces.append(.text(rest[..<o])) }
            pieces.append(.span(n))
            rest = rest[rest.unicodeScalars.index(after: c)...]
        }
        if !rest.isEmpty { pieces.append(.text(rest)) }
        return pieces
    }
}
