import Foundation
import Testing
@testable import FolioKit

/// `folio check` on a deliberately incomplete fixture: every output format against its golden file,
/// SARIF against the SARIF 2.1.0 schema, exit codes, and the coverage appendix in both writers.
@Suite struct CheckReportTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("papers/checklist")

    func run(_ args: [String]) throws -> CLI.Result {
        try CLI.run(["check", "--paper", "."] + args, in: Self.fixture)
    }

    @Test(arguments: CheckReportWriter.Format.allCases)
    func goldenOutputs(_ format: CheckReportWriter.Format) throws {
        let r = try run(["--format", format.rawValue])
        #expect(r.status == 1, "the fixture has unmet error items")
        let ext = ["text": "txt", "json": "json", "sarif": "sarif", "junit": "xml", "markdown": "md"][format.rawValue] ?? "txt"
        Golden.check(r.stdout, Self.fixture.appendingPathComponent("expected/check.\(ext)"))
    }

    @Test func incompletePaperFailsWithTheRightMessages() throws {
        let r = try run([])
        #expect(r.status == 1)
        for expected in [
            "checklist.yaml:28:5: error: DS-3 'Acceptance testing by operators' is not covered [check.not-covered]",
            "checklist.yaml:21:5: warning: DS-2 'Human oversight of agentic systems' is partially covered: 11 words in §1.1.1 (needs 500) [check.partial]",
            "checklist.yaml:53:5: error: SS-3 'Incident reporting to operators' is partially covered: 1 distinct source cited (needs 2); no reference to @item:DS-1 [check.partial]",
            "chapters/demand.md:23:1: error: unknown checklist item 'DS-9' [check.unknown-item]",
            "note: did you mean 'DS-1'?",
            "chapters/demand.md:23:1: warning: supply-side item SS-2 is claimed only on the demand side (§1.2) [check.wrong-side]",
            "chapters/demand.md:7:1: note: B-1 is claimed in 2 places and none is primary [check.no-primary]",
        ] {
            #expect(r.stderr.contains(expected), "missing: \(expected)\n\(r.stderr)")
        }
        #expect(r.stdout.contains("Demand side: 3/5 covered. Supply side: 3/4 covered."))
        // In the final profile the status rule applies and warning items become errors.
        let final = try run(["--profile", "final"])
        #expect(final.stdout.contains("Demand side: 2/5 covered."))
        #expect(final.stderr.contains("error: DS-2 'Human oversight of agentic systems' is partially covered"))
        #expect(final.stderr.contains("DS-4 'Data residency' is partially covered: §1.2 is draft (needs review)"))
    }

    @Test func buildRunsTheSameCheck() throws {
        let out = try Scratch()
        defer { out.remove() }
        let r = try CLI.run(["build", "--paper", ".", "--out", out.url.path], in: Self.fixture)
        #expect(r.status == 1)
        #expect(r.stderr.contains("[check.not-covered]"))
        #expect(!FileManager.default.fileExists(atPath: out.url.appendingPathComponent("html/index.html").path))
    }

    @Test(.requires(.shared), .requires(.jsonschema)) func sarifIsValidAgainstTheSchema() throws {
        let shared = try TestPaths.requireShared()
        try Requirement.jsonschema.check()
        let schema = shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
        let s = try Scratch()
        defer { s.remove() }
        try s.write("check.sarif", try run(["--format", "sarif"]).stdout)
        let validate = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            doc = json.load(open(sys.argv[2]))
            jsonschema.validate(doc, schema)
            print(len(doc["runs"][0]["results"]), "results valid")
            """, schema.path, s.url.appendingPathComponent("check.sarif").path], in: s.url.path)
        #expect(validate.status == 0, "\(validate.output)")
        #expect(validate.output.contains("6 results valid"), "\(validate.output)")
    }

    @Test func appendixAndItemReferencesInBothOutputs() throws {
        let s = try Scratch()
        defer { s.remove() }
        let paper = s.url.appendingPathComponent("P")
        try FileManager.default.copyItem(at: Self.fixture, to: paper)
        // Make the paper build: drop the unknown claim and let unmet items be warnings.
        let demand = try String(contentsOf: paper.appendingPathComponent("chapters/demand.md"), encoding: .utf8)
        try s.write("P/chapters/demand.md", demand.replacingOccurrences(of: " DS-9", with: ""))
        let list = try String(contentsOf: paper.appendingPathComponent("checklist.yaml"), encoding: .utf8)
        try s.write("P/checklist.yaml", list.replacingOccurrences(of: "severity: error", with: "severity: warning"))
        let outcome = BuildPipeline.run(.init(paperDirectory: paper.path, outputDirectory: s.url.appendingPathComponent("B").path,
                                              formats: [.html, .latex], profile: .draft))
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let html = s.read("B/html/index.html") ?? ""
        #expect(html.contains("<span class=\"chapnum\">Appendix A</span> Governance checklist coverage"))
        #expect(html.contains("<a href=\"#item:SS-1\">SS-1 (Model-weight security)</a>"))
        #expect(html.contains("<span id=\"item:DS-1\"><strong>DS-1</strong></span> Use-case definition and risk classification"))
        #expect(html.contains("<strong>Demand side: 3/5 covered. Supply side: 3/4 covered.</strong>"))
        #expect(html.contains("<a href=\"#sec:uses\">§1.1</a>"))
        let tex = s.read("B/latex/paper.tex") ?? ""
        #expect(tex.contains("\\chapter[Governance checklist coverage]{Governance checklist coverage}\\label{sec:checklist-coverage}"))
        #expect(tex.contains("\\hyperlink{item:SS-1}{SS-1 (Model-weight security)}"))
        #expect(tex.contains("\\hypertarget{item:DS-1}{}\\textbf{DS-1} Use-case definition and risk classification & Demand & Covered & \\hyperref[sec:uses]{§1.1} & 63 words; 1 source"))
        let ids = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
        for link in html.matches(of: /href="#([^"]+)"/).map({ String($0.1) }) { #expect(ids.contains(link), "dead link #\(link)") }
    }
}

extension CheckReportTests {
    /// The real paper covers every item of its checklist, in the final profile too.
    @Test func thePaperPassesInTheFinalProfile() throws {
        let r = try CLI.run(["check", "--profile", "final", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let items = json?["items"] as? [[String: Any]] ?? []
        #expect(items.filter { $0["side"] as? String == "demand" }.count >= 10)
        #expect(items.filter { $0["side"] as? String == "supply" }.count >= 10)
        #expect(items.allSatisfy { $0["status"] as? String == "covered" })
        #expect(r.stderr.hasSuffix("no problems found\n"), "\(r.stderr)")
    }
}
