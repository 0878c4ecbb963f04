import Foundation
@testable import FolioKit

/// Lints a small paper written for one test: chapters `a.md` (demand part) and optionally `b.md`
/// (supply part), extra manifest lines, and optional glossary and bibliography files.
enum LintHarness {
    static func lint(_ a: String, _ b: String? = nil, manifest: String = "", glossary: String? = nil,
                     bib: String? = nil, lang: String = "en-GB", profile: Profile = .draft) throws -> [Diagnostic] {
        let s = try Scratch()
        defer { s.remove() }
        var m = "title: T\nlang: \(lang)\n" + manifest
        if glossary != nil { m += "glossary: glossary.yaml\n" }
        if bib != nil { m += "bibliography: [refs.bib]\n" }
        m += "parts:\n  - title: D\n    side: demand\n    chapters: [a.md]\n"
        if b != nil { m += "  - title: S\n    side: supply\n    chapters: [b.md]\n" }
        try s.write("P/folio.yaml", m)
        try s.write("P/a.md", a)
        if let b { try s.write("P/b.md", b) }
        if let glossary { try s.write("P/glossary.yaml", glossary) }
        if let bib { try s.write("P/refs.bib", bib) }
        try s.write("P/f.png", "png")
        let outcome = LintPipeline.run(paperDirectory: s.url.appendingPathComponent("P").path, profile: profile)
        return outcome.diagnostics
    }

    /// `rule@line:column` for each finding of one rule, for exact position checks.
    static func positions(_ findings: [Diagnostic], _ rule: String) -> [String] {
        findings.filter { $0.id == rule }.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
    }

    static let front = "---\ntitle: A\nowners: [wg]\n---\n\n"
}
