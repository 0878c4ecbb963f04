import Testing
@testable import FolioKit

@Suite struct EmptySectionTests {
    @Test func headingsWithNothingUnderThem() throws {
        let f = try LintHarness.lint(LintHarness.front + "## Empty\n\n## Parent\n\n### Child\n\ntext\n\n## Last\n")
        #expect(LintHarness.positions(f, "structure.empty-section") == ["6:1", "14:1"])
    }
}
