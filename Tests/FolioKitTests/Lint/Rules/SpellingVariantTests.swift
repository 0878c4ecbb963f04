import Testing
@testable import FolioKit

@Suite struct SpellingVariantTests {
    @Test func britishPreferredForSingapore() throws {
        let f = try LintHarness.lint(LintHarness.front + "The organization and the Organisation prioritize behaviour.\n")
        #expect(LintHarness.positions(f, "prose.spelling-variant") == ["6:5", "6:39"])
        #expect(f.filter { $0.id == "prose.spelling-variant" }.compactMap(\.fixes.first?.replacement) == ["organisation", "prioritise"])
    }

    @Test func americanForUSAndMajorityForPlainEnglish() throws {
        let us = try LintHarness.lint(LintHarness.front + "The Organisation has an organization.\n", lang: "en-US")
        #expect(LintHarness.positions(us, "prose.spelling-variant") == ["6:5"])
        #expect(us.first { $0.id == "prose.spelling-variant" }?.fixes.first?.replacement == "Organization")
        let plain = try LintHarness.lint(LintHarness.front + "organization, organization, organisation.\n", lang: "en")
        #expect(LintHarness.positions(plain, "prose.spelling-variant") == ["6:29"])
        #expect(SpellingVariant.matchCase("organisation", like: "ORGANIZATION") == "ORGANISATION")
    }
}
