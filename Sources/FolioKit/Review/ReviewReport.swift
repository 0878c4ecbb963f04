import Foundation

/// `folio review list` in text (one line per mark, `file:line:column` first), JSON or Markdown.
public enum ReviewReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, markdown
    }

    public static func render(_ marks: [ReviewSyntax], format: Format) -> String {
        switch format {
        case .text: text(marks)
        case .json: json(marks)
        case .markdown: markdown(marks)
        }
    }

    /// What the mark says, in one line: `"old" → "new"`, `"added"`, or the comment alone.
    public static func summary(_ m: ReviewSyntax) -> String {
        func q(_ s: String) -> String { "\"" + oneLine(s) + "\"" }
        switch m.kind {
        case .insertion, .highlight: return q(m.new)
        case .deletion: return q(m.old)
        case .substitution: return q(m.old) + " → " + q(m.new)
        case .comment: return oneLine(m.comment ?? "")
        }
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingWhitespace() }.joined(separator: " ")
    }

    private static func text(_ marks: [ReviewSyntax]) -> String {
        guard !marks.isEmpty else { return "no review marks\n" }
        var out = ""
        for m in marks {
            out += "\(m.location): \(m.kind.rawValue)" + (m.author.map { " by @\($0)" } ?? "") + ": " + summary(m)
            if m.kind != .comment, let c = m.comment { out += " — " + oneLine(c) }
            out += "\n"
        }
        let open = marks.filter { $0.kind != .comment && $0.kind != .highlight }.count
        let comments = marks.filter { $0.comment != nil }.count
        out += "\(marks.count) mark\(marks.count == 1 ? "" : "s"): \(open) suggested change\(open == 1 ? "" : "s"), "
            + "\(comments) comment\(comments == 1 ? "" : "s")\n"
        return out
    }

    private static func json(_ marks: [ReviewSyntax]) -> String {
        let items: [[String: Any]] = marks.map { m in
            var item: [String: Any] = ["file": m.location.file, "line": m.location.line, "column": m.location.column,
                                       "kind": m.kind.rawValue, "old": oneLine(m.old), "new": oneLine(m.new)]
            if let a = m.author { item["author"] = a }
            if let c = m.comment { item["comment"] = c }
            return item
        }
        return JSONText.string(["marks": items, "count": marks.count])
    }

    private static func markdown(_ marks: [ReviewSyntax]) -> String {
        guard !marks.isEmpty else { return "No review marks.\n" }
        var out = "| Where | Kind | Author | Text | Comment |\n| --- | --- | --- | --- | --- |\n"
        for m in marks {
            let cells = ["\(m.location)", m.kind.rawValue, m.author.map { "@" + $0 } ?? "", summary(m),
                         m.kind == .comment ? "" : oneLine(m.comment ?? "")]
            out += "| " + cells.map(InertMarkdown.text).joined(separator: " | ") + " |\n"
        }
        return out
    }
}
