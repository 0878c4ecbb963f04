/// `folio check` reports: a terminal table, JSON, SARIF, JUnit and a Markdown summary for pull requests.
public enum CheckReportWriter {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, sarif, junit, markdown
    }

    public static func render(_ report: CoverageReport, diagnostics: [Diagnostic], format: Format, profile: Profile) -> String {
        switch format {
        case .text: text(report, diagnostics: diagnostics)
        case .json: json(report, diagnostics: diagnostics, profile: profile)
        case .sarif: SARIFWriter.log(diagnostics, rules: rules)
        case .junit: junit(report, diagnostics: diagnostics)
        case .markdown: markdown(report, diagnostics: diagnostics)
        }
    }

    /// The item's finding (not covered / partially covered), with the profile's severity.
    static func finding(_ r: CoverageReport.Result, in diagnostics: [Diagnostic]) -> Diagnostic? {
        diagnostics.first { ($0.id == "check.not-covered" || $0.id == "check.partial") && $0.location == r.item.location }
    }

    static func places(_ r: CoverageReport.Result) -> String {
        var seen: Set<String> = []
        let labels = r.claims.map(\.label).filter { seen.insert($0).inserted }
        return labels.isEmpty ? "—" : labels.joined(separator: ", ")
    }

    static func evidence(_ r: CoverageReport.Result) -> String {
        guard !r.claims.isEmpty else { return "" }
        var s = "\(r.words) words, \(r.citations) source\(r.citations == 1 ? "" : "s")"
        if !r.failures.isEmpty { s += "; " + r.failures.map(\.message).joined(separator: "; ") }
        return s
    }

    // MARK: Text

    static func text(_ report: CoverageReport, diagnostics: [Diagnostic]) -> String {
        let header = ["ID", "Side", "Status", "Covered in", "Evidence"]
        let rows = report.results.map { r in [r.item.id, r.item.side.rawValue, r.status.rawValue, places(r), evidence(r)] }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < 4 { widths[i] = min(max(widths[i], cell.count), 40) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i < 4 ? c.padding(toLength: max(widths[i], c.count), withPad: " ", startingAt: 0) : c
            }.joined(separator: "  ").trimmingWhitespace()
        }
        var out = "\(report.checklist.title)" + (report.checklist.version.map { " (version \($0))" } ?? "") + "\n\n"
        out += line(header) + "\n"
        for row in rows { out += line(row) + "\n" }
        out += "\n" + report.summaryLine + "\n"
        return out
    }

    // MARK: JSON

    static func json(_ report: CoverageReport, diagnostics: [Diagnostic], profile: Profile) -> String {
        let c = report.checklist
        var checklist: [String: Any] = ["title": c.title, "file": c.file]
        if let v = c.version { checklist["version"] = v }
        if let s = c.source { checklist["source"] = s }
        var summary: [String: Any] = [:]
        for side in Manifest.Side.allCases {
            let (covered, total) = report.summary(side)
            summary[side.rawValue] = ["covered": covered, "total": total]
        }
        let items: [[String: Any]] = report.results.map { r in
            var item: [String: Any] = [
                "id": r.item.id, "side": r.item.side.rawValue, "title": r.item.title,
                "severity": r.item.severity.description, "status": r.status.rawValue, "words": r.words, "citations": r.citations,
                "claims": r.claims.map { cl -> [String: Any] in
                    ["file": cl.claim.location.file, "line": cl.claim.location.line, "column": cl.claim.location.column,
                     "section": cl.label, "anchor": cl.anchor, "primary": cl.claim.primary, "scope": "\(cl.claim.scope)",
                     "words": cl.words, "citations": cl.citations.sorted()]
                },
                "failures": r.failures.map { ["rule": $0.rule, "message": $0.message] },
            ]
            if let g = r.item.group { item["group"] = g }
            return item
        }
        return JSONText.string(["checklist": checklist, "profile": profile == .final ? "final" : "draft", "summary": summary,
                                "items": items, "diagnostics": diagnostics.map(JSONText.diagnostic)])
    }

    // MARK: JUnit

    static func junit(_ report: CoverageReport, diagnostics: [Diagnostic]) -> String {
        var cases = report.results.map { r in
            JUnitWriter.Case(className: "checklist.\(r.item.side.rawValue)", name: "\(r.item.id) \(r.item.title)",
                             finding: finding(r, in: diagnostics))
        }
        // Other problems (unknown items in claims, unreadable files) are failing cases too.
        for d in diagnostics where !d.id.hasPrefix("check.not-covered") && !d.id.hasPrefix("check.partial") {
            cases.append(.init(className: "checklist.claims", name: "\(d.id) \(d.location?.description ?? "")", finding: d))
        }
        return JUnitWriter.xml(suite: "folio check: \(report.checklist.title)", cases: cases)
    }

    // MARK: Markdown

    static func markdown(_ report: CoverageReport, diagnostics: [Diagnostic]) -> String {
        let covered = report.results.filter { $0.status == .covered }.count
        func cell(_ s: String) -> String { InertMarkdown.text(s) }
        var out = "### Governance checklist: \(covered)/\(report.results.count) items covered\n\n"
        out += cell(report.summaryLine) + "\n\n"
        out += "| Item | Side | Status | Covered in | Evidence |\n| --- | --- | --- | --- | --- |\n"
        for r in report.results {
            let mark = switch r.status {
            case .covered: "✅"
            case .partial: "⚠️"
            case .missing: "❌"
            }
            out += "| **\(cell(r.item.id))** \(cell(r.item.title)) | \(cell(r.item.side.rawValue)) | \(mark) \(r.status.rawValue) | "
                + "\(cell(places(r))) | \(cell(evidence(r))) |\n"
        }
        let others = diagnostics.filter { $0.id != "check.not-covered" && $0.id != "check.partial" }
        if !others.isEmpty {
            out += "\n"
            for d in others { out += "- **\(d.severity)** \(cell(d.location?.description ?? "")): \(cell(d.message)) (`\(d.id)`)\n" }
        }
        return out
    }

    /// Rule metadata for SARIF.
    public static let rules: [SARIFWriter.Rule] = [
        .init(id: "check.not-covered", description: "A governance checklist item is not covered by any section.",
              help: "Write the section that covers the item and claim it with covers=\"ID\" on its heading, 'covers: [ID]' in a chapter's front matter, or a [[covers: ID]] marker after a paragraph."),
        .init(id: "check.partial", description: "A checklist item is claimed but its evidence rules are not met.",
              help: "The message names each rule that fails with the numbers (words, distinct sources cited, references, keywords, chapter status). Extend the claimed sections or claim more of the paper."),
        .init(id: "check.unknown-item", description: "A section claims a checklist item that does not exist.",
              help: "Fix the id (the message suggests the nearest one) or add the item to checklist.yaml."),
        .init(id: "check.wrong-side", description: "An item is claimed only on the other side of the paper.",
              help: "Claim demand-side items in a demand-side part and supply-side items in a supply-side part, or change the item's side."),
        .init(id: "check.no-primary", description: "An item is claimed in several places and none is primary.",
              help: "Add primary=\"ID\" to the heading of the main covering section."),
    ]
}

import Foundation
