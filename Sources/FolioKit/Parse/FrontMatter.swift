/// Splits a leading `---` YAML block off a Markdown file.
public struct FrontMatter: Sendable {
    /// The YAML text, or nil when the file has no front matter.
    public var yaml: String?
    /// The Markdown after the front matter.
    public var body: String
    /// Lines before `body` starts (add to body line numbers to get file line numbers).
    public var bodyLineOffset: Int

    public static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpace == "---" else {
            return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        }
        for (index, line) in lines.enumerated().dropFirst() {
            let t = line.trimmingTrailingSpace
            if t == "---" || t == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return FrontMatter(yaml: yaml, body: body, bodyLineOffset: index + 1)
            }
        }
        throw .error("front-matter.unclosed", "front matter starts with '---' but has no closing '---' line",
                     at: SourceLocation(file: file, line: 1, column: 1))
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
        return s
    }
}
