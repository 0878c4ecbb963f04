import Foundation
import Testing
@testable import FolioKit

/// `folio lint` as a reviewer runs it: every output format against its golden file, SARIF against
/// the schema, exit codes, configuration, inline switches, fixes, `--since` and the real paper.
@Suite struct LintCLITests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("papers/lint")

    func lint(_ args: [String], in dir: URL = LintCLITests.fixture) throws -> CLI.Result {
        try CLI.run(["lint", "--paper", "."] + args, in: dir, environment: ["NO_COLOR": "1"])
    }

    /// A copy of the fixture to change.
    func copy() throws -> (Scratch, URL) {
        let s = try Scratch()
        let dir = s.url.appendingPathComponent("P")
        try FileManager.default.copyItem(at: Self.fixture, to: dir)
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("expected"))
        return (s, dir)
    }

    @Test(arguments: LintReportWriter.Format.allCases)
    func goldenOutputs(_ format: LintReportWriter.Format) throws {
        let r = try lint(["--format", format.rawValue])
        #expect(r.status == 1, "the fixture has an error-severity finding: \(r.stderr)")
        let ext = ["human": "txt", "json": "json", "sarif": "sarif", "github": "github.txt", "junit": "xml", "markdown": "md"][format.rawValue] ?? "txt"
        Golden.check(r.stdout, Self.fixture.appendingPathComponent("expected/lint.\(ext)"))
    }

    @Test(.requires(.shared), .requires(.jsonschema)) func sarifIsValidAgainstTheSchema() throws {
        let shared = try TestPaths.requireShared()
        try Requirement.jsonschema.check()
        let s = try Scratch()
        defer { s.remove() }
        try s.write("lint.sarif", try lint(["--format", "sarif"]).stdout)
        let v = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", """
            import json, sys, jsonschema
            doc = json.load(open(sys.argv[2]))
            jsonschema.validate(doc, json.load(open(sys.argv[1])))
            rules = doc["runs"][0]["tool"]["driver"]["rules"]
            assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
            print(len(doc["runs"][0]["results"]), "results valid")
            """, shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path, s.url.appendingPathComponent("lint.sarif").path],
            in: s.url.path)
        #expect(v.status == 0, "\(v.output)")
        #expect(v.output.contains("12 results valid"), "\(v.output)")
    }

    @Test func exitCodes() throws {
        #expect(try lint([]).status == 1)
        #expect(try lint(["--dry-run"]).status == 2, "--dry-run without --fix is a usage error")
        #expect(try lint(["--format", "xml"]).status == 2)
        let (s, dir) = try copy()
        defer { s.remove() }
        let manifest = try String(contentsOf: dir.appendingPathComponent("folio.yaml"), encoding: .utf8)
        try s.write("P/folio.yaml", manifest.replacingOccurrences(of: "prose.bare-url: error", with: "prose.bare-url: off"))
        let r = try lint([], in: dir)
        #expect(r.status == 0, "only warnings remain: \(r.stdout)")
        #expect(!r.stdout.contains("prose.bare-url"))
        // The final profile makes the warnings errors.
        #expect(try lint(["--profile", "final"], in: dir).status == 1)
    }

    @Test func listRules() throws {
        let r = try CLI.run(["lint", "--list-rules"])
        #expect(r.status == 0)
        for id in DiagnosticCatalog.all.map(\.id) { #expect(r.stdout.contains(id)) }
        #expect(r.stdout.contains("prose.repeated-word") && r.stdout.contains("(fixable)"))
        let doc = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/lint-rules.md"), encoding: .utf8)
        for id in DiagnosticCatalog.all.map(\.id) { #expect(doc.contains("`\(id)`"), "docs/lint-rules.md lacks \(id)") }
    }

    @Test func configurationFileIgnoreAndUnknownRules() throws {
        let (s, dir) = try copy()
        defer { s.remove() }
        let manifest = try String(contentsOf: dir.appendingPathComponent("folio.yaml"), encoding: .utf8)
        // Without a lint: section the paper folder's .folio-lint.yaml is read.
        try s.write("P/folio.yaml", String(manifest[..<(manifest.range(of: "lint:")?.lowerBound ?? manifest.endIndex)]))
        try s.write("P/.folio-lint.yaml", "rules:\n  prose.todo: error\n  structure.empty-section: off\nignore: [chapters/two.md]\n")
        let r = try lint(["--format", "json"], in: dir)
        let ids = try (JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains("prose.todo") && !ids.contains("structure.empty-section"))
        #expect(r.stdout.contains("\"severity\" : \"error\""))
        let files = try (JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect(!files.contains { $0.hasSuffix("two.md") }, "ignored paths are not linted")
        try s.write("P/.folio-lint.yaml", "rules:\n  prose.repeated-words: off\n")
        let bad = try lint([], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains(".folio-lint.yaml:2:3: error: unknown lint rule 'prose.repeated-words' [lint.unknown-rule]"), "\(bad.stdout)")
        #expect(bad.stdout.contains("did you mean 'prose.repeated-word'?"))
    }

    @Test func inlineSwitches() throws {
        let (s, dir) = try copy()
        defer { s.remove() }
        try s.write("P/chapters/two.md", """
            ---
            title: Supply side
            owners: [wg]
            ---

            <!-- folio-lint disable-file prose.sentence-length -->
            <!-- folio-lint disable prose.repeated-word -->
            It is the the case.
            <!-- folio-lint enable prose.repeated-word -->
            And the the end. A very long sentence that keeps going with many words to pass the thirty word limit set in the manifest for this fixture paper today for sure, and then some more words again.

            """)
        let r = try lint(["--format", "json"], in: dir)
        let found = try (JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? [])
            .filter { ($0["file"] as? String)?.hasSuffix("two.md") == true }.map { "\($0["id"] ?? ""):\($0["line"] ?? 0)" }
        #expect(found == ["prose.repeated-word:10"], "\(found)")
    }

    @Test func fixIsSafeAtomicAndIdempotent() throws {
        let (s, dir) = try copy()
        defer { s.remove() }
        let one = dir.appendingPathComponent("chapters/one.md")
        let before = try String(contentsOf: one, encoding: .utf8)
        // Files with findings --fix cannot repair are left alone without --force.
        let refused = try lint(["--fix"], in: dir)
        #expect(refused.stderr.contains("chapters/one.md: not changed:"), "\(refused.stderr)")
        #expect(try String(contentsOf: one, encoding: .utf8) == before)
        let dry = try lint(["--fix", "--force", "--dry-run"], in: dir)
        #expect(dry.stdout.contains("-Operators need the the right access.  Red teaming helps, as the IMDA organization notes."))
        #expect(dry.stdout.contains("+Operators need the right access. Red-teaming helps, as the IMDA organisation notes."))
        #expect(try String(contentsOf: one, encoding: .utf8) == before, "--dry-run writes nothing")
        let fixed = try lint(["--fix", "--force"], in: dir)
        #expect(fixed.stderr.contains("chapters/one.md: fixed 4 findings"), "\(fixed.stderr)")
        let after = try String(contentsOf: one, encoding: .utf8)
        #expect(after.contains("Operators need the right access. Red-teaming helps, as the IMDA organisation notes."))
        #expect(after.hasSuffix("<!-- folio-lint enable prose.double-space -->\n"))
        #expect(!fixed.stdout.contains("prose.repeated-word"), "what is left is reported")
        let again = try lint(["--fix", "--force"], in: dir)
        #expect(!again.stderr.contains("fixed"), "a second run changes nothing: \(again.stderr)")
        #expect(try String(contentsOf: one, encoding: .utf8) == after)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("chapters").path)
        #expect(leftovers.sorted() == ["one.md", "two.md"], "no temporary files remain")
    }

    @Test(.requires(.git)) func sinceReportsOnlyChangedLines() throws {
        try Requirement.git.check()
        let (s, dir) = try copy()
        defer { s.remove() }
        func git(_ args: [String]) throws {
            let r = try ProcessRunner.run("/usr/bin/env", ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"] + args, in: dir.path)
            #expect(r.status == 0, "\(r.output)")
        }
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "base"])
        let two = dir.appendingPathComponent("chapters/two.md")
        try s.write("P/chapters/two.md", try String(contentsOf: two, encoding: .utf8) + "\nA new line with with a repeat.\n")
        let r = try lint(["--since", "HEAD", "--format", "json"], in: dir)
        let found = try (JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []).map { "\($0["id"] ?? ""):\($0["line"] ?? 0)" }
        #expect(found == ["prose.repeated-word:11"], "\(found)")
        #expect(r.status == 0)
        let bad = try lint(["--since", "no-such-rev"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("[lint.since]"))
    }

    @Test func thePaperLintsCleanInTheFinalProfile() throws {
        let r = try CLI.run(["lint", "--profile", "final"], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout == "no problems found\n", "\(r.stdout)")
    }
}
