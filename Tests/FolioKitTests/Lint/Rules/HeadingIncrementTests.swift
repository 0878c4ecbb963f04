import Testing
@testable import FolioKit

@Suite struct HeadingIncrementTests {
    @Test func skippedLevels() throws {
        let f = try LintHarness.lint(LintHarness.front + "## A\n\nx\n\n#### B\n\ny\n\n### C\n\nz\n")
        #expect(LintHarness.positions(f, "structure.heading-increment") == ["10:1"])
        #expect(f.first { $0.id == "structure.heading-increment" }?.message == "heading level 4 follows level 2; a level is skipped")
    }
}
