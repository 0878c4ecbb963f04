/// Converts the TeX source of one formula to presentation MathML for the HTML output.
public enum MathMLConverter {
    /// The MathML of one formula and the TeX commands it could not convert.
    public struct Result: Sendable {
        /// A complete `<math>` element; unsupported parts appear as `<merror>`.
        public var mathml: String
        /// The unsupported commands in order of first appearance, e.g. `\overbrace`, or `nesting`.
        public var unsupported: [String]
    }

    /// Converts `tex`; `display` selects block layout and display-style limits.
    public static func convert(_ tex: String, display: Bool) -> Result {
        var parser = MathMLParser(tokens: TeXTokenizer.tokenize(tex), display: display)
        let body = parser.parseFormula()
        var out = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\""
        if display { out += " display=\"block\"" }
        out += "><semantics><mrow>" + body + "</mrow><annotation encoding=\"application/x-tex\">"
        out += xmlEscape(tex)
        out += "</annotation></semantics></math>"
        return Result(mathml: out, unsupported: parser.unsupported)
    }

    /// The TeX source shown as code, for formulas the converter cannot render.
    public static func fallbackHTML(_ tex: String, display: Bool) -> String {
        display
            ? "<pre class=\"math-tex\">" + xmlEscape(tex) + "</pre>"
            : "<code class=\"math-tex\">" + xmlEscape(tex) + "</code>"
    }

    /// Escapes `& < > "` and replaces characters XML cannot carry with U+FFFD.
    static func xmlEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
