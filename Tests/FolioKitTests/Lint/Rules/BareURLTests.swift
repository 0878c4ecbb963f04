import Testing
@testable import FolioKit

@Suite struct BareURLTests {
    @Test func urlsInProseNotInLinks() throws {
        let f = try LintHarness.lint(LintHarness.front + "See https://nist.gov/x for details.\nA [link](https://nist.gov/y) and <https://nist.gov/z> and `https://code`.\n")
        #expect(LintHarness.positions(f, "prose.bare-url") == ["6:5"])
        #expect(f.first { $0.id == "prose.bare-url" }?.length == 18)
    }
}
