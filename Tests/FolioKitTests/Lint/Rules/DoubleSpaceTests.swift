import Testing
@testable import FolioKit

@Suite struct DoubleSpaceTests {
    @Test func betweenWordsOnly() throws {
        let f = try LintHarness.lint(LintHarness.front + "Access  tiers matter.\n\n    indented code  stays\n\n| a  | b |\n|---|---|\n| x  | y |\n\nEnd of line  \nhard break.\n\n- item\n\n    list paragraph  spaced\n")
        #expect(LintHarness.positions(f, "prose.double-space") == ["6:7", "19:19"])
        #expect(f.first { $0.id == "prose.double-space" }?.fixes.first?.replacement == " ")
    }
}
