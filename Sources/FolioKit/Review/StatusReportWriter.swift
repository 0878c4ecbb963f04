import Foundation

/// `folio status` as text (aligned columns), JSON, Markdown (a pull-request comment) or one HTML page.
public enum StatusReportWriter {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, markdown, html
    }

    public static func render(_ status: PaperStatus, format: Format) -> String {
        switch format {
        case .text: text(status)
        case .json: json(status)
        case .markdown: markdown(status)
        case .html: html(status)
        }
    }

    static let headers = ["Chapter", "Side", "Status", "Owners", "Reviewers", "Words", "Suggestions", "Comments",
                          "Errors", "Warnings", "Notes", "Items covered", "Last change"]

    static func cells(_ r: PaperStatus.Row) -> [String] {
        [r.title, r.side ?? "—", r.status.rawValue, r.owners.joined(separator: ", "), r.reviewers.joined(separator: ", "),
         String(r.words), String(r.suggestions), String(r.comments), String(r.errors), String(r.warnings), String(r.notes),
         r.items.isEmpty ? "—" : "\(r.covered)/\(r.items.count) (\(r.items.joined(separator: " ")))",
         r.lastChange.map { "\($0.commit) \($0.date) \($0.author)" } ?? "—"]
    }

    static func totalLine(_ name: String, _ t: PaperStatus.Totals) -> String {
        let statuses = Chapter.Status.allCases.compactMap { s in t.statuses[s].map { "\($0) \(s.rawValue)" } }.joined(separator: ", ")
        return "\(name): \(t.chapters) chapter\(t.chapters == 1 ? "" : "s") (\(statuses)), \(t.words) words, "
            + "\(t.suggestions) suggestion\(t.suggestions == 1 ? "" : "s"), \(t.comments) comment\(t.comments == 1 ? "" : "s"), "
            + "\(t.errors) error\(t.errors == 1 ? "" : "s"), \(t.warnings) warning\(t.warnings == 1 ? "" : "s"), \(t.notes) note\(t.notes == 1 ? "" : "s")"
    }

    /// Two lines per chapter: who and where it stands, then what is in it.
    private static func text(_ s: PaperStatus) -> String {
        var out = ""
        for r in s.rows {
            out += "\(r.title) [\(r.side ?? "—")] \(r.status.rawValue) · owners \(list(r.owners)) · reviewers \(list(r.reviewers))\n"
            out += "    \(r.path): \(r.words) words · \(r.suggestions) suggestion\(r.suggestions == 1 ? "" : "s"), "
                + "\(r.comments) comment\(r.comments == 1 ? "" : "s") · \(r.errors)E \(r.warnings)W \(r.notes)N · items "
                + (r.items.isEmpty ? "—" : "\(r.covered)/\(r.items.count) covered") + " · last "
                + (r.lastChange.map { "\($0.commit) \($0.date) \($0.author)" } ?? "—") + "\n"
        }
        out += "\n" + totalLine("Total", s.totals) + "\n"
        for side in s.sides { out += totalLine(side.name.capitalized, side.totals) + "\n" }
        return out
    }

    private static func list(_ names: [String]) -> String { names.isEmpty ? "—" : names.joined(separator: ", ") }

    private static func totals(_ t: PaperStatus.Totals) -> [String: Any] {
        ["chapters": t.chapters, "words": t.words, "suggestions": t.suggestions, "comments": t.comments, "errors": t.errors,
         "warnings": t.warnings, "notes": t.notes,
         "statuses": Dictionary(uniqueKeysWithValues: t.statuses.map { ($0.key.rawValue, $0.value) })]
    }

    private static func json(_ s: PaperStatus) -> String {
        let chapters: [[String: Any]] = s.rows.map { r in
            var o: [String: Any] = ["id": r.id, "title": r.title, "file": r.path, "owners": r.owners, "reviewers": r.reviewers,
                                    "status": r.status.rawValue, "words": r.words,
                                    "review": ["suggestions": r.suggestions, "comments": r.comments],
                                    "findings": ["error": r.errors, "warning": r.warnings, "note": r.notes],
                                    "checklist": ["items": r.items, "covered": r.covered]]
            o["side"] = r.side ?? NSNull()
            o["lastChange"] = r.lastChange.map { ["commit": $0.commit, "date": $0.date, "author": $0.author] } ?? NSNull()
            return o
        }
        var sides: [String: Any] = [:]
        for side in s.sides { sides[side.name] = totals(side.totals) }
        return JSONText.string(["title": s.title, "chapters": chapters, "total": totals(s.totals), "sides": sides])
    }

    private static func markdown(_ s: PaperStatus) -> String {
        var out = "| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: headers.count) + "\n"
        for r in s.rows { out += "| " + cells(r).map(InertMarkdown.text).joined(separator: " | ") + " |\n" }
        out += "\n" + InertMarkdown.text(totalLine("Total", s.totals)) + "\n"
        for side in s.sides { out += "\n" + InertMarkdown.text(totalLine(side.name.capitalized, side.totals)) + "\n" }
        return out
    }

    private static func html(_ s: PaperStatus) -> String {
        let e = HTMLEscaping.text
        var out = "<!DOCTYPE html>\n<html lang=\"\(e(s.lang))\">\n<head>\n<meta charset=\"utf-8\" />\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
            + "<title>Status: \(e(s.title))</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n"
            + "<h1>Status: \(e(s.title))</h1>\n<table>\n<thead>\n<tr>"
        for h in headers { out += "<th>\(e(h))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for r in s.rows {
            out += "<tr class=\"status-\(r.status.rawValue)\">" + cells(r).map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n<ul class=\"totals\">\n<li>\(e(totalLine("Total", s.totals)))</li>\n"
        for side in s.sides { out += "<li>\(e(totalLine(side.name.capitalized, side.totals)))</li>\n" }
        return out + "</ul>\n</body>\n</html>\n"
    }

    static let css = """
        body { font: 15px/1.5 "Noto Sans", Arial, sans-serif; margin: 2rem; color: #1b1d21; }
        table { border-collapse: collapse; font-size: 0.9rem; }
        th, td { border-bottom: 1px solid #d9dde3; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        tr.status-draft td:nth-child(3) { color: #b3261e; }
        tr.status-review td:nth-child(3) { color: #b26a00; }
        tr.status-approved td:nth-child(3) { color: #2e7d32; }
        .totals { padding-left: 1.2rem; }

        """
}
