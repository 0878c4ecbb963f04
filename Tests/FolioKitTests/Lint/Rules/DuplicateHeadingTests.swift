import Testing
@testable import FolioKit

@Suite struct DuplicateHeadingTests {
    @Test func sameTextTwiceInAChapter() throws {
        let f = try LintHarness.lint(LintHarness.front + "## Evaluation\n\nx\n\n## Other\n\ny\n\n## evaluation\n\nz\n",
                                     LintHarness.front + "## Evaluation\n\nin another chapter is fine\n")
        #expect(LintHarness.positions(f, "structure.duplicate-heading") == ["14:1"])
    }
}
