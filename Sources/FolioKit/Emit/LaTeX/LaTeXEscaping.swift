/// Escaping so that every character of user text prints as itself in LaTeX.
public enum LaTeXEscaping {
    /// Escapes text for any LaTeX context: body, headings, captions, table cells, footnotes, metadata.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        appendText(s, to: &out)
        return out
    }

    /// TeX's special characters, control characters, and the first byte of a no-break space.
    private static let textSpecial = ByteSet(Array("\\{}#$%&_~^[]".utf8) + Array(0x00...0x1F) + [0x7F, 0xC2])

    /// Copies runs of ordinary bytes in one go and replaces only the special ones.
    public static func appendText(_ s: String, to out: inout String) {
        ByteEscaper.append(s, to: &out, special: textSpecial) { bytes, i, out in
            switch bytes[i] {
            case UInt8(ascii: "\\"): out += "\\textbackslash{}"
            case UInt8(ascii: "{"): out += "\\{"
            case UInt8(ascii: "}"): out += "\\}"
            case UInt8(ascii: "#"): out += "\\#"
            case UInt8(ascii: "$"): out += "\\$"
            case UInt8(ascii: "%"): out += "\\%"
            case UInt8(ascii: "&"): out += "\\&"
            case UInt8(ascii: "_"): out += "\\_"
            case UInt8(ascii: "~"): out += "\\textasciitilde{}"
            case UInt8(ascii: "^"): out += "\\textasciicircum{}"
            case UInt8(ascii: "["): out += "{[}"
            case UInt8(ascii: "]"): out += "{]}"
            case 0x0A, 0x0D, 0x09: out += " "
            case 0xC2:
                // A no-break space is a tie; any other scalar starting with C2 is copied whole.
                guard i + 1 < bytes.count else { return 1 }
                if bytes[i + 1] == 0xA0 {
                    out += "~"
                } else {
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[i ..< i + 2]), as: UTF8.self)
                }
                return 2
            default: break  // other control characters are dropped
            }
            return 1
        }
    }

    /// A URL for `\href`/`\url`: characters TeX would read specially are percent-encoded or escaped.
    public static func url(_ s: String) -> String {
        guard urlSpecial.occurs(in: s) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        // Every byte from 0x80 up is special, so the runs copied whole are plain ASCII.
        ByteEscaper.append(s, to: &out, special: urlSpecial) { bytes, i, out in
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "#"): out += "\\#"
            case UInt8(ascii: "%"): out += "\\%"
            case UInt8(ascii: "~"): out += "\\string~"
            case UInt8(ascii: "&"): out += "\\&"
            case UInt8(ascii: "_"): out += "\\_"
            case UInt8(ascii: "$"): out += "\\$"
            default: out += percent(b)
            }
            return 1
        }
        return out
    }

    /// Bytes `url` changes: TeX's specials, delimiters, controls, and every non-ASCII byte.
    private static let urlSpecial = ByteSet(Array("#%~&_$\\{}^\"<>|` []".utf8) + Array(0x00...0x1F) + Array(0x7F...0xFF))

    private static func percent(_ b: UInt8) -> String {
        let hex = Array("0123456789ABCDEF")
        return "\\%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
    }

    /// A `\label` key made of safe characters; others become `+XX` byte codes, so distinct ids stay distinct.
    public static func label(_ id: String) -> String {
        var out = ""
        for b in id.utf8 {
            let c = UnicodeScalar(b)
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || c == "-" || c == ":" || c == "." || c == "/" {
                out.unicodeScalars.append(c)
            } else {
                out += "+" + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// One line of a code block: every character literal, spaces kept, breakable only at spaces.
    public static func codeLine(_ line: Substring) -> String {
        var out = ""
        var column = 0
        var leading = true
        for ch in line.unicodeScalars {
            switch ch {
            case "\t":
                let spaces = 4 - column % 4
                out += String(repeating: "~", count: spaces)
                column += spaces
                continue
            case " ":
                out += leading ? "~" : "\\ "
            case "-": out += "{-}"
            case "'": out += "\\textquotesingle{}"
            case "`": out += "\\textasciigrave{}"
            case "\"": out += "\\textquotedbl{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            default:
                leading = false
                appendText(String(ch), to: &out)
            }
            if ch != " " { leading = false }
            column += 1
        }
        return out
    }
}
