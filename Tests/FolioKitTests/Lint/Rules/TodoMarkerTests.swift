import Testing
@testable import FolioKit

@Suite struct TodoMarkerTests {
    @Test func markersInTextAndComments() throws {
        let f = try LintHarness.lint(LintHarness.front + "Tier 4 needs TODO a definition.\n<!-- FIXME: check -->\n`TODO` in code and todo in lower case are fine.\n\n```\nXXX in a code block\n```\n")
        #expect(LintHarness.positions(f, "prose.todo") == ["6:14", "7:6"])
    }
}
