/// `folio lint` output: human (gcc-style line, the source line and a caret under the span), JSON,
/// SARIF, GitHub workflow commands, JUnit and a Markdown summary (for `$GITHUB_STEP_SUMMARY`).
public enum LintReportWriter {
    public enum Format: String, Sendable, CaseIterable {
        case human, json, sarif, github, junit, markdown
    }

    public static func render(_ findings: [Diagnostic], sources: [LintSource], format: Format, useColor: Bool) -> String {
        switch format {
        case .human: human(findings, sources: sources, useColor: useColor)
        case .json: json(findings)
        case .sarif: SARIFWriter.log(findings, rules: DiagnosticCatalog.all.map { SARIFWriter.Rule(id: $0.id, description: $0.summary, help: $0.help) })
        case .github: github(findings)
        case .junit: junit(findings, sources: sources)
        case .markdown: markdown(findings)
        }
    }

    /// A heading with the counts and one table row per finding; every text from the paper is inert.
    static func markdown(_ findings: [Diagnostic]) -> String {
        let errors = findings.filter { $0.severity == .error }.count, warnings = findings.filter { $0.severity == .warning }.count
        let notes = findings.count - errors - warnings
        var out = "## Lint\n\n"
        guard !findings.isEmpty else { return out + "No findings.\n" }
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s").\n\n"
        out += "| where | severity | rule | finding |\n| --- | --- | --- | --- |\n"
        for f in findings.prefix(500) {
            let at = f.range.map { "\($0.start.file):\($0.start.line):\($0.start.column)" } ?? "—"
            out += "| \(InertMarkdown.text(at)) | \(f.severity) | `\(f.id)` | \(InertMarkdown.text(f.message)) |\n"
        }
        if findings.count > 500 { out += "\n\(findings.count - 500) more findings are not shown.\n" }
        return out
    }

    static func human(_ findings: [Diagnostic], sources: [LintSource], useColor: Bool) -> String {
        let printer = DiagnosticPrinter(useColor: useColor)
        let byPath = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var out = ""
        for f in findings {
            out += printer.format(f) + "\n"
            guard let loc = f.location, let src = byPath[loc.file],
                  loc.line >= 1, loc.line <= src.lines.count else { continue }
            let full = src.lines[loc.line - 1]
            // A window of the line around the finding (long lines would repeat megabytes per finding),
            // cut at UTF-8 character boundaries.
            let short = full.count <= 240
            var from = short ? 0 : min(full.count, max(0, loc.column - 1 - 100))
            var to = short ? full.count : max(from, min(full.count, loc.column - 1 + max(f.length, 1) + 100))
            while from > 0, from < full.count, full[from] & 0xC0 == 0x80 { from -= 1 }
            while to < full.count, full[to] & 0xC0 == 0x80 { to += 1 }
            let bytes = Array(full[from..<to])
            let column = loc.column - from
            let text = (from > 0 ? "…" : "") + String(decoding: bytes.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self) + (to < full.count ? "…" : "")
            // The caret sits under the character at the byte column (multi-byte characters count once).
            let prefix = (from > 0 ? "…" : "") + String(decoding: bytes.prefix(max(column - 1, 0)), as: UTF8.self)
            let startByte = min(max(column - 1, 0), bytes.count)
            let spanEnd = max(startByte, min(bytes.count, column - 1 + max(f.length, 1)))
            let span = String(decoding: bytes[startByte..<spanEnd], as: UTF8.self)
            let marker = "^" + String(repeating: "~", count: max(span.count - 1, 0))
            out += "    \(text)\n    \(String(repeating: " ", count: prefix.count))\(useColor ? "\u{1B}[1;32m\(marker)\u{1B}[0m" : marker)\n"
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let notes = findings.filter { $0.severity == .note }.count
        let fixable = findings.filter { !$0.fixes.isEmpty }.count
        out += printer.summary(errors: errors, warnings: warnings, notes: notes)
        if fixable > 0 { out += " (\(fixable) fixable with --fix)" }
        return out + "\n"
    }

    static func json(_ findings: [Diagnostic]) -> String {
        JSONText.string(findings.map { f -> [String: Any] in
            var d = JSONText.diagnostic(f)
            d["length"] = f.length
            if let fix = f.fixes.first { d["fix"] = ["line": fix.line, "column": fix.column, "length": fix.length, "replacement": fix.replacement] }
            return d
        })
    }

    /// `::error file=…,line=…,col=…,title=…::message` (values escaped as GitHub requires).
    static func github(_ findings: [Diagnostic]) -> String {
        func escapeData(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var out = ""
        for f in findings {
            let d = f
            let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var props: [String] = []
            if let l = d.location {
                props += ["file=\(escapeProperty(l.file))", "line=\(l.line)", "col=\(l.column)"]
                if let r = d.range, r.endLine != l.line { props.append("endLine=\(r.endLine)") }
                if let r = d.range, (r.endLine, r.endColumn) != (l.line, l.column) { props.append("endColumn=\(r.endColumn)") }
            }
            props.append("title=\(escapeProperty(d.id))")
            let message = InertMarkdown.breakingMentions(([d.message] + d.notes.map(\.description)).joined(separator: "\n"))
            out += "::\(command) \(props.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    /// One test case per chapter file (passing when clean) and one per finding.
    static func junit(_ findings: [Diagnostic], sources: [LintSource]) -> String {
        var cases: [JUnitWriter.Case] = []
        let withFindings = Set(findings.compactMap { $0.location?.file })
        for src in sources where !withFindings.contains(src.path) {
            cases.append(.init(className: "lint", name: src.path, finding: nil))
        }
        for f in findings {
            let where_ = f.location.map { "\($0)" } ?? "paper"
            cases.append(.init(className: "lint.\(f.id)", name: where_, finding: f))
        }
        return JUnitWriter.xml(suite: "folio lint", cases: cases)
    }

    /// `--list-rules`: every id in the catalogue with its default severity and description, one per line.
    public static func ruleList() -> String {
        let width = DiagnosticCatalog.all.map(\.id.count).max() ?? 20
        return DiagnosticCatalog.all.map { r in
            r.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + r.severity.description.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + r.summary
                + (r.fixable ? " (fixable)" : "") + (r.configurable ? "" : " (fixed severity)")
        }.joined(separator: "\n") + "\n"
    }
}

import Foundation
