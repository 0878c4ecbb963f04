/// Splits a leading `---` YAML block off a Markdown file.
public struct FrontMatter: Sendable {
    /// The YAML text, or nil when the file has no front matter.
    public var yaml: String?
    /// The Markdown after the front matter.
    public var body: String
    /// Lines before `body` starts (add to body line numbers to get file line numbers).
    public var bodyLineOffset: Int

    /// Front matter is a `---` first line followed by a non-blank line (as in pandoc, so a chapter may
    /// open with a `---` rule and a blank line). Looks only at the lines up to the closing `---`
    /// (or `...`); the body is sliced off, not re-joined.
    public static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            lineNumber += 1
            let line = Substring(text[lineStart..<lineEnd]).trimmingTrailingSpace
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard line == "---" else { return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0) }
                yamlStart = next
            } else if lineNumber == 2 && line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
            } else if line == "---" || line == "...", let start = yamlStart {
                let yamlEnd = lineStart > start ? bytes.index(before: lineStart) : start
                return FrontMatter(yaml: String(text[start..<yamlEnd]), body: String(text[next...]), bodyLineOffset: lineNumber)
            }
            lineStart = next
        }
        guard yamlStart != nil else { return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0) }
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
