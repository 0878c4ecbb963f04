/// User text (checklist titles, file names, messages that quote the paper) for reports that become
/// pull-request comments or annotations: it must render as the same text, never as markup.
enum InertMarkdown {
    /// Inline Markdown punctuation backslash-escaped, `<`, `>` and `&` as references (so no HTML), line
    /// breaks as spaces (a table cell stays one cell), and `@` mentions broken (`InertMarkdown.mention`).
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for c in s.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            case "@": out += mention
            // What can open inline markup mid-line (reports never start a line with user text).
            case "\\", "`", "*", "_", "[", "]", "!", "|", "~":
                out += "\\"
                out.unicodeScalars.append(c)
            default:
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `@` followed by a zero-width space: GitHub neither notifies nor links "@org/team".
    static let mention = "@\u{200B}"

    /// For plain-text channels (workflow annotations): only mentions are broken.
    static func breakingMentions(_ s: String) -> String {
        s.replacingOccurrences(of: "@", with: mention)
    }
}
