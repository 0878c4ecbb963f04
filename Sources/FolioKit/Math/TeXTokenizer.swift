/// One token of a TeX math string, with the byte offset where it starts.
struct TeXToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `\alpha` is `command("alpha")`, `\,` is `command(",")`, `\\` is `command("\\")`;
        /// a backslash followed by whitespace is `command(" ")`, one at the very end is `command("")`.
        case command(String)
        case char(Unicode.Scalar)
        case open, close, sup, sub, alignment
        /// A run of whitespace.
        case space
    }

    var kind: Kind
    var offset: Int
}

/// Splits TeX math source into tokens the way TeX's category codes would.
enum TeXTokenizer {
    static func tokenize(_ tex: String) -> [TeXToken] {
        let scalars = Array(tex.unicodeScalars)
        var tokens: [TeXToken] = []
        tokens.reserveCapacity(scalars.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var byte = 0
        for s in scalars {
            offsets.append(byte)
            byte += UTF8.width(s)
        }
        offsets.append(byte)

        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let offset = offsets[i]
            switch s {
            case "\\":
                let next = i + 1
                if next >= scalars.count {
                    tokens.append(TeXToken(kind: .command(""), offset: offset))
                    i = next
                } else if isLetter(scalars[next]) {
                    var end = next
                    while end < scalars.count, isLetter(scalars[end]) { end += 1 }
                    var name = ""
                    name.unicodeScalars.append(contentsOf: scalars[next..<end])
                    // Plain TeX's `\cr` ends a row as `\\` does (MathJax and LaTeX's arrays read both).
                    tokens.append(TeXToken(kind: .command(name == "cr" ? "\\" : name), offset: offset))
                    i = end
                } else if isSpace(scalars[next]) {
                    tokens.append(TeXToken(kind: .command(" "), offset: offset))
                    i = next + 1
                } else {
                    tokens.append(TeXToken(kind: .command(String(Character(scalars[next]))), offset: offset))
                    i = next + 1
                }
            case "{": tokens.append(TeXToken(kind: .open, offset: offset)); i += 1
            case "}": tokens.append(TeXToken(kind: .close, offset: offset)); i += 1
            case "^": tokens.append(TeXToken(kind: .sup, offset: offset)); i += 1
            case "_": tokens.append(TeXToken(kind: .sub, offset: offset)); i += 1
            case "&": tokens.append(TeXToken(kind: .alignment, offset: offset)); i += 1
            default:
                if isSpace(s) {
                    var end = i + 1
                    while end < scalars.count, isSpace(scalars[end]) { end += 1 }
                    tokens.append(TeXToken(kind: .space, offset: offset))
                    i = end
                } else {
                    tokens.append(TeXToken(kind: .char(s), offset: offset))
                    i += 1
                }
            }
        }
        return tokens
    }

    /// TeX's letters: the ASCII ones only.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r"
    }
}
