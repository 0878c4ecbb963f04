import Testing
@testable import FolioKit

/// The reference rules that take over what the resolvers report.
@Suite struct ReferenceRuleTests {
    static let bib = "@misc{tan2023, title = {T}, year = 2023}\n@misc{unused, title = {U}, year = 2020}\n"

    @Test func unknownCitation() throws {
        let f = try LintHarness.lint(LintHarness.front + "As shown [@tann2023] and [@tan2023].\n", bib: Self.bib)
        #expect(LintHarness.positions(f, "citation.unknown-key") == ["6:11"])
        #expect(f.first { $0.id == "citation.unknown-key" }?.notes.first == "did you mean '@tan2023'?")
    }

    @Test func uncitedEntry() throws {
        let f = try LintHarness.lint(LintHarness.front + "As shown [@tan2023].\n", bib: Self.bib)
        #expect(LintHarness.positions(f, "citation.uncited") == ["2:1"])
    }

    @Test func undefinedAndDuplicateLabels() throws {
        let f = try LintHarness.lint(LintHarness.front + "## A {#sec:a}\n\nSee @sec:b.\n\n## B {#sec:a}\n\nx\n")
        #expect(LintHarness.positions(f, "crossref.undefined") == ["8:5"])
        #expect(LintHarness.positions(f, "label.duplicate") == ["10:1"])
    }

    @Test func unreferencedFloat() throws {
        let f = try LintHarness.lint(LintHarness.front + ": Uses. {#tbl:uses}\n\n| a |\n|---|\n| b |\n")
        #expect(LintHarness.positions(f, "crossref.unreferenced") == ["8:1"])
    }

    @Test func missingImageAndAltText() throws {
        let f = try LintHarness.lint(LintHarness.front + "![](f.png)\n\nText ![Gone.](gone.png) here.\n")
        #expect(LintHarness.positions(f, "refs.image-alt") == ["6:1"])
        #expect(LintHarness.positions(f, "image.missing") == ["8:6"])
    }
}
