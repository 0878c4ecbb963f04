import Foundation
import Testing
@testable import FolioKit

/// Regression tests for hostile bibliography and lint inputs found in review: each must finish with
/// a located error or a sane result, never a crash, an explosion of memory or a corrupted file.
@Suite struct HostileInputTests {
    @Test func accentCommandChainsAreBounded() {
        let chain = String(repeating: "\\'", count: 100_000) + "e"
        #expect(!LaTeXText.unicode(chain).isEmpty)
        #expect(!LaTeXText.unicode(String(repeating: "\\href", count: 50_000)).contains("\\u{0}"))
    }

    @Test func doublingMacrosStopAtTheValueLimit() {
        var text = "@string{a0 = \"xxxxxxxx\"}\n"
        for k in 1...40 { text += "@string{a\(k) = a\(k - 1) # a\(k - 1)}\n" }
        text += "@misc{k, title = a40}\n"
        let (refs, d) = BibliographyLoader.parse(text, file: "b.bib", isJSON: false)
        #expect(d.contains { $0.id == "bib.syntax" && $0.message.contains("longer than") })
        #expect(refs.count <= 1)
    }

    @Test func fieldsPerEntryAreCappedAndCrossrefsBudgeted() {
        let fields = (1...300).map { "f\($0) = 1" }.joined(separator: ", ")
        let (_, d) = BibliographyLoader.parse("@misc{p, \(fields)}\n", file: "b.bib", isJSON: false)
        #expect(d.contains { $0.message.contains("more than 200 fields") })
        let parent = "@book{p, " + (1...199).map { "f\($0) = 1" }.joined(separator: ", ") + ", title = {T}}\n"
        let children = (1...3000).map { "@misc{c\($0), crossref = {p}, title = {C}}" }.joined(separator: "\n")
        let (refs, _) = BibliographyLoader.parse(parent + children, file: "b.bib", isJSON: false)
        #expect(refs.count == 3001)
    }

    @Test func unclosedValuesRecoverAtTheNextEntry() {
        let text = String(repeating: "@a{k,f=\"{\n", count: 2000) + "  @misc{ok, title = {Fine}}\n"
        let (refs, d) = BibliographyLoader.parse(text, file: "b.bib", isJSON: false)
        #expect(refs.map(\.id) == ["ok"])
        #expect(d.filter { $0.id == "bib.syntax" }.count == 2000)
    }

    @Test func repeatedWordNeverJoinsAHeadingToItsParagraph() throws {
        let f = try LintHarness.lint(LintHarness.front + "## Results\nResults show it.\n\n`code`\ncode again\n")
        #expect(LintHarness.positions(f, "prose.repeated-word").isEmpty)
    }

    /// "…samples.⏎Samples are…" is two sentences: deleting the second word would change the meaning.
    @Test func repeatedWordNeverCrossesASentenceEndAtALineBreak() throws {
        let f = try LintHarness.lint(LintHarness.front + "We took samples.\nSamples are kept.\nWe kept them\nthem all, and\nand: more\n")
        #expect(LintHarness.positions(f, "prose.repeated-word") == ["9:1", "10:1"])
    }

    /// A link reference definition is where a URL belongs; the same URL in running text is bare.
    @Test func bareURLSkipsLinkReferenceDefinitions() throws {
        let f = try LintHarness.lint(LintHarness.front + "See the [framework][nist] and [this].\n\n[nist]: https://www.nist.gov/rmf\n   [this]: <https://example.org/a> \"Title\"\n\nRead https://example.org/b today.\n")
        #expect(LintHarness.positions(f, "prose.bare-url") == ["11:6"])
    }

    @Test func fixesKeepLineEndingsAndTheByteOrderMark() {
        let src = LintSource(path: "a.md", url: URL(fileURLWithPath: "/nonexistent/a.md"),
                             text: "\u{FEFF}---\r\ntitle: A\r\n---\r\n\r\nthe the end\r\n")
        #expect(src.lines[0] == Array("---".utf8), "the byte-order mark is not part of line 1")
        #expect(src.prose[1].allSatisfy { $0 == LintSource.mask }, "front matter after a BOM is still front matter")
        let fix = TextEdit(file: "a.md", line: 5, column: 4, length: 4, replacement: "")
        let finding = Diagnostic(.warning, "prose.repeated-word", "x", range: SourceRange(file: "a.md", line: 5, column: 5), fixes: [fix])
        let plan = LintFixer.plan([finding], sources: [src], force: false)
        #expect(plan.first?.newText == "\u{FEFF}---\r\ntitle: A\r\n---\r\n\r\nthe end\r\n")
    }

    @Test func gitPathsWithSpacesAndQuotes() {
        let diff = "+++ b/my intro.md\t\n@@ -1,0 +2,3 @@\n+++ \"b/caf\\303\\251 \\\"x\\\".md\"\n@@ -5 +7 @@\n"
        let changed = GitChanges.parse(diff, root: "/r")
        #expect(changed["/r/my intro.md"] == [2, 3, 4])
        #expect(changed["/r/café \"x\".md"] == [7])
    }

    @Test func exportedKeysStayReadable() {
        var r = Reference(id: "x},\n@misc{y", type: "book", location: SourceLocation(file: "a", line: 1, column: 1))
        r["title"] = "T"
        let bib = BibLaTeXWriter.bib([r])
        #expect(!bib.contains("@misc{y"))
        #expect(BibLaTeXWriter.safeKey("tan2023") == "tan2023")
    }
}

extension HostileInputTests {
    /// A chain of 20,000 footnotes, each citing a source and referencing the next, is rewritten
    /// from a queue: no recursion as deep as the chain.
    @Test func longFootnoteChainsWithCitations() throws {
        let s = try Scratch()
        defer { s.remove() }
        let n = 20_000
        var text = "---\ntitle: A\n---\n\nStart[^n0].\n\n"
        for k in 0..<n { text += "[^n\(k)]: See [@k]\(k + 1 < n ? " and the next note[^n\(k + 1)]" : "").\n" }
        try s.write("P/folio.yaml", "title: T\nbibliography: [r.bib]\ncitation-style: notes\nlimits:\n  footnotes: 50000\n  footnote-references: 100000\n  footnote-depth: 50000\nparts:\n  - title: D\n    side: demand\n    chapters: [a.md]\n")
        try s.write("P/r.bib", "@misc{k, title = {K}, year = 2020}\n")
        try s.write("P/a.md", text)
        let outcome = BuildPipeline.run(.init(paperDirectory: s.url.appendingPathComponent("P").path,
                                              outputDirectory: s.url.appendingPathComponent("B").path, formats: [.html], profile: .draft))
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics.prefix(3))")
        let html = s.read("B/html/index.html") ?? ""
        #expect(html.contains("<em>K</em> (2020)"))
        #expect(html.contains("id=\"fnc1-\(n)\""), "every note of the chain is numbered")
    }
}
