import Testing
@testable import FolioKit

@Suite struct SentenceLengthTests {
    static let long = (1...50).map { "word\($0)" }.joined(separator: " ") + "."

    @Test func longSentencesAndTheOption() throws {
        let text = LintHarness.front + "Short one. " + Self.long + " Short again, e.g. this, et al. 2020 and p. 4.\n"
        let f = try LintHarness.lint(text)
        #expect(LintHarness.positions(f, "prose.sentence-length") == ["6:12"])
        #expect(f.first { $0.id == "prose.sentence-length" }?.message == "sentence of 50 words (the limit is 45)")
        let relaxed = try LintHarness.lint(text, manifest: "lint:\n  options:\n    prose.sentence-length: {max-words: 60}\n")
        #expect(LintHarness.positions(relaxed, "prose.sentence-length").isEmpty)
    }

    @Test func citationsAndFootnoteMarksEndSentences() throws {
        let words = (1...30).map { "w\($0)" }.joined(separator: " ")
        let f = try LintHarness.lint(LintHarness.front + words + " [@k].[^n] " + words + ".\n\n[^n]: Note.\n",
                                     bib: "@misc{k, title = {K}, year = 2020}\n")
        #expect(LintHarness.positions(f, "prose.sentence-length").isEmpty)
    }
}
