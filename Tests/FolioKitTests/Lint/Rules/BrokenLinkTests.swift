import Testing
@testable import FolioKit

@Suite struct BrokenLinkTests {
    @Test func anchorsChapterFilesAndMissingFiles() throws {
        let f = try LintHarness.lint(LintHarness.front + "## Tiers {#sec:tiers}\n\n[ok](#sec:tiers), [bad](#sec:tier), [file](b.md#x), [gone](docs/x.pdf), [web](https://x.org), [png](f.png).\n")
        #expect(LintHarness.positions(f, "refs.broken-link") == ["8:19", "8:37", "8:53"])
        #expect(f.first { $0.id == "refs.broken-link" }?.notes.first == "did you mean '#sec:tiers'?")
    }
}
