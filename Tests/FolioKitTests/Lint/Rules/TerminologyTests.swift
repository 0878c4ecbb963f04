import Testing
@testable import FolioKit

@Suite struct TerminologyTests {
    static let glossary = """
        entries:
          - term: Infocomm Media Development Authority
            acronym: IMDA
            definition: Singapore's regulator.
          - term: red-teaming
            definition: Adversarial testing.
            discouraged: [red teaming]
        """

    @Test func acronymUsedBeforeItsDefinition() throws {
        let f = try LintHarness.lint(LintHarness.front + "IMDA publishes guidance.\n",
                                     LintHarness.front + "The Infocomm Media Development Authority (IMDA) does.\n", glossary: Self.glossary)
        #expect(LintHarness.positions(f, "terms.acronym-before-definition") == ["6:1"])
    }

    @Test func acronymDefinedTwice() throws {
        let f = try LintHarness.lint(LintHarness.front + "The Infocomm Media Development Authority (IMDA) leads.\n\nLater, the Infocomm Media\nDevelopment Authority (IMDA) again.\n",
                                     glossary: Self.glossary)
        #expect(LintHarness.positions(f, "terms.acronym-defined-twice") == ["9:24"])
        #expect(LintHarness.positions(f, "terms.acronym-before-definition").isEmpty)
    }

    @Test func discouragedTermsWithFixes() throws {
        let f = try LintHarness.lint(LintHarness.front + "Red teaming and red teamings, not red-teaming.\n", glossary: Self.glossary)
        #expect(LintHarness.positions(f, "terms.discouraged") == ["6:1", "6:17"])
        #expect(f.filter { $0.id == "terms.discouraged" }.compactMap(\.fixes.first?.replacement) == ["Red-teaming", "red-teamings"])
    }
}
