import Testing
@testable import FolioKit

@Suite struct ReviewRuleTests {
    @Test func statusInTheFinalProfile() throws {
        let draft = "---\ntitle: A\nowners: [wg]\nstatus: draft\n---\n\nText.\n"
        #expect(LintHarness.positions(try LintHarness.lint(draft), "review.status").isEmpty)
        #expect(LintHarness.positions(try LintHarness.lint(draft, profile: .final), "review.status") == ["2:8"])
        let reviewed = draft.replacingOccurrences(of: "draft", with: "review")
        #expect(LintHarness.positions(try LintHarness.lint(reviewed, profile: .final), "review.status").isEmpty)
        let option = "lint:\n  options:\n    review.status: {min-status: approved}\n"
        #expect(LintHarness.positions(try LintHarness.lint(reviewed, manifest: option), "review.status") == ["2:8"])
    }

    @Test func chaptersWithoutOwners() throws {
        let f = try LintHarness.lint("---\ntitle: A\n---\n\nText.\n", LintHarness.front + "Owned.\n")
        #expect(LintHarness.positions(f, "review.no-owner") == ["2:8"])
    }
}
