import Testing
@testable import FolioKit

@Suite struct RepeatedWordTests {
    @Test func findsRepeatsAcrossLinesButNotInCode() throws {
        let f = try LintHarness.lint(LintHarness.front + "The the model works.\nIt was was fine and\nand so on. `x x` is code; had had is English.\n")
        #expect(LintHarness.positions(f, "prose.repeated-word") == ["6:5", "7:8", "8:1"])
        #expect(f.first { $0.id == "prose.repeated-word" }?.fixes.first == TextEdit(file: f.first?.location?.file ?? "", line: 6, column: 4, length: 4, replacement: ""))
    }

    @Test func punctuationSeparatesClauses() throws {
        let f = try LintHarness.lint(LintHarness.front + "What it is. Is it clear? Yes, yes.\n")
        #expect(LintHarness.positions(f, "prose.repeated-word").isEmpty)
    }
}
