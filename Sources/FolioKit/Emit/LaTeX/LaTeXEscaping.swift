/// Escaping so that every character of user text prints as itself in LaTeX.
public enum LaTeXEscaping {
    /// Escapes text for any LaTeX context: body, headings, captions, table cells, footnotes, metadata.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        appendText(s, to: &out)
        return out
    }

    /// Copies runs of ordinary bytes in one go and replaces only the special ones.
    public static func appendText(_ s: String, to out: inout String) {
        let utf8 = s.utf8
        var runStart = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            let next = utf8.index(after: i)
            var replacement: String?
            switch b {
            case UInt8(ascii: "\\"): replacement = "\\textbackslash{}"
            case UInt8(ascii: "{"): replacement = "\\{"
            case UInt8(ascii: "}"): replacement = "\\}"
            case UInt8(ascii: "#"): replacement = "\\#"
            case UInt8(ascii: "$"): replacement = "\\$"
            case UInt8(ascii: "%"): replacement = "\\%"
            case UInt8(ascii: "&"): replacement = "\\&"
            case UInt8(ascii: "_"): replacement = "\\_"
            case UInt8(ascii: "~"): replacement = "\\textasciitilde{}"
            case UInt8(ascii: "^"): replacement = "\\textasciicircum{}"
            case UInt8(ascii: "["): replacement = "{[}"
            case UInt8(ascii: "]"): replacement = "{]}"
            case 0x0A, 0x0D, 0x09: replacement = " "
            case 0x00...0x1F, 0x7F: replacement = ""
            case 0xC2 where next < utf8.endIndex && utf8[next] == 0xA0:
                // No-break space.
                out += s[runStart..<i]
                out += "~"
                i = utf8.index(after: next)
                runStart = i
                continue
            default: break
            }
            if let replacement {
                out += s[runStart..<i]
                out += replacement
                runStart = next
            }
            i = next
        }
        out += s[runStart...]
    }

    /// A URL for `\href`/`\url`: characters TeX would read specially are percent-encoded or escaped.
    public static func url(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "#"): out += "\\#"
            case UInt8(ascii: "%"): out += "\\%"
            case UInt8(ascii: "~"): out += "\\string~"
            case UInt8(ascii: "&"): out += "\\&"
            case UInt8(ascii: "_"): out += "\\_"
            case UInt8(ascii: "$"): out += "\\$"
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "^"), UInt8(ascii: "\""),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: " "),
                 UInt8(ascii: "["), UInt8(ascii: "]"):
                out += percent(b)
            default:
                if b < 0x20 || b >= 0x7F { out += percent(b) } else { out.unicodeScalars.append(UnicodeScalar(b)) }
            }
        }
        return out
    }

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
