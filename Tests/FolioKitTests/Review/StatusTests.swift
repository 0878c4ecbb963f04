import Foundation
import Testing
@testable import FolioKit

/// `folio status` on a fixture repository built here: known owners, statuses, commits, review marks,
/// lint findings and checklist claims.
@Suite struct StatusTests {
    /// The checklist fixture in a git repository: the demand chapter gains owners, reviewers and a
    /// reviewer's suggestion in a second commit; the supply chapter is approved.
    static func repository() throws -> (GitRepo, [String]) {
        let repo = try GitRepo()
        let fixture = TestPaths.fixtures.appendingPathComponent("papers/checklist")
        for file in ["folio.yaml", "checklist.yaml", "refs.bib", "chapters/demand.md", "chapters/supply.md"] {
            try repo.write("Paper/" + file, try String(contentsOf: fixture.appendingPathComponent(file), encoding: .utf8))
        }
        let supply = try String(contentsOf: fixture.appendingPathComponent("chapters/supply.md"), encoding: .utf8)
        try repo.write("Paper/chapters/supply.md", supply.replacingOccurrences(of: "covers: [SS-1]\n",
                                                                              with: "covers: [SS-1]\nstatus: approved\nowners: [supply-wg]\n"))
        try repo.git(["add", "-A"])
        try repo.git(["commit", "-q", "--date", "2026-10-01T09:00:00Z", "-m", "first draft"])
        let first = try repo.git(["rev-parse", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let demand = try String(contentsOf: fixture.appendingPathComponent("chapters/demand.md"), encoding: .utf8)
        try repo.write("Paper/chapters/demand.md", demand
            .replacingOccurrences(of: "status: draft\n", with: "status: review\nowners: [demand-wg]\nreviewers: [editorial, supply-wg]\n")
            .replacingOccurrences(of: "## Use cases", with: "Operators {++ really ++} need it.{>>@editorial: source?<<}\n\n## Use cases"))
        try repo.git(["add", "-A"])
        try repo.git(["commit", "-q", "--date", "2026-11-02T10:30:00Z", "-m", "review"])
        let second = try repo.git(["rev-parse", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return (repo, [first, second])
    }

    @Test func jsonGolden() throws {
        let (repo, commits) = try Self.repository()
        defer { repo.scratch.remove() }
        let r = try CLI.run(["status", "--format", "json", "--paper", "Paper"], in: repo.work)
        #expect(r.status == 0, "\(r.stderr)")
        // Commit ids depend on when the test runs; everything else is fixed.
        let normalised = r.stdout.replacingOccurrences(of: commits[0], with: "<first>").replacingOccurrences(of: commits[1], with: "<second>")
        Golden.check(normalised, TestPaths.fixtures.appendingPathComponent("review/status.json"))
    }

    @Test func requireStatusListsTheChaptersBelowIt() throws {
        let (repo, _) = try Self.repository()
        defer { repo.scratch.remove() }
        let review = try CLI.run(["status", "--require-status", "review", "--paper", "Paper"], in: repo.work)
        #expect(review.status == 0, "\(review.stderr)")
        let approved = try CLI.run(["status", "--require-status", "approved", "--paper", "Paper"], in: repo.work)
        #expect(approved.status == 1)
        #expect(approved.stderr == "Paper/chapters/demand.md: chapter 'Demand side' is review; approved or later is required\n")
    }

    @Test func everyFormatNamesEachChapter() throws {
        let (repo, _) = try Self.repository()
        defer { repo.scratch.remove() }
        for format in StatusReportWriter.Format.allCases {
            let r = try CLI.run(["status", "--format", format.rawValue, "--paper", "Paper"], in: repo.work)
            #expect(r.status == 0)
            #expect(r.stdout.contains("Demand side") && r.stdout.contains("Supply side"), "\(format)")
        }
        let text = try CLI.run(["status", "--paper", "Paper"], in: repo.work).stdout
        #expect(text.contains("1 suggestion, 1 comment"))
        #expect(text.contains("Demand: 1 chapter (1 review)"))
        let html = try CLI.run(["status", "--format", "html", "--paper", "Paper"], in: repo.work).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<tr class=\"status-approved\">"))
    }

    /// Outside git there is no last change, and nothing fails.
    @Test func outsideGitThereIsNoHistory() throws {
        let s = try Scratch()
        defer { s.remove() }
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("papers/review"),
                                         to: s.url.appendingPathComponent("P"))
        let r = try CLI.run(["status", "--format", "json", "--paper", "P"], in: s.url)
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let chapters = json?["chapters"] as? [[String: Any]] ?? []
        #expect(chapters.count == 1)
        #expect(chapters.first?["lastChange"] is NSNull)
        #expect((chapters.first?["review"] as? [String: Int])?["suggestions"] == 10)
    }
}
