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

    @Test func undefinedAcronymsAreReportedOnceAtTheFirstUse() throws {
        let text = LintHarness.front + """
            The XQZW must approve. Later the XQZW and the XQZWs agree.
            IMDA and the Cross-Sector Board (CSB) and the CSB agree; so do BRB (Border Review Board) and the (AI ZZTOP) group, ZZTOP.
            Item DS-3 and Chapter IV. You MUST NOT skip. `CODE` and [link](https://EXAMPLE.ORG) and $ABC$ are not prose.

            > [!TIP]
            > Advice. The T-800 and G7 and T (one letter) are fine. OECD is allowed.
            """
        let f = try LintHarness.lint(text, manifest: "lint:\n  options:\n    terms.undefined-acronym: {allow: \"OECD, G7\"}\n",
                                     glossary: Self.glossary)
        let findings = f.filter { $0.id == "terms.undefined-acronym" }
        #expect(LintHarness.positions(f, "terms.undefined-acronym") == ["6:5"])
        #expect(findings.first?.message == "XQZW is not in the glossary and is never expanded in the text")
        #expect(findings.first?.notes.first?.message.contains("used 3 times") == true)
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
