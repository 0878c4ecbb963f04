import Testing
@testable import FolioKit

@Suite struct NoTitleTests {
    @Test func chapterWithoutTitle() throws {
        let f = try LintHarness.lint("---\nowners: [wg]\n---\n\nJust text.\n", LintHarness.front + "Titled.\n")
        #expect(LintHarness.positions(f, "chapter.no-title") == ["1:1"])
    }
}
