import Foundation
import Testing
@testable import FolioKit

/// Labels, numbering and references: golden outputs, numbering modes and every diagnostic.
@Suite struct CrossReferenceTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("papers/crossref")

    func build(_ dir: URL, profile: Profile = .final) throws -> (Scratch, BuildPipeline.Outcome) {
        let out = try Scratch()
        let outcome = BuildPipeline.run(.init(paperDirectory: dir.path, outputDirectory: out.url.path,
                                              formats: [.html, .latex], profile: profile))
        return (out, outcome)
    }

    /// A one-part paper from chapter texts, optionally with extra manifest lines.
    func paper(_ chapters: [String], manifest extra: String = "") throws -> (Scratch, BuildPipeline.Outcome) {
        let s = try Scratch()
        let names = chapters.indices.map { "c\($0).md" }
        let list = names.map { "      - \($0)" }.joined(separator: "\n")
        try s.write("Paper/folio.yaml", "title: T\n\(extra)parts:\n  - title: P\n    side: demand\n    chapters:\n\(list)\n")
        for (name, text) in zip(names, chapters) { try s.write("Paper/\(name)", text) }
        try s.writePNG("Paper/f.png")
        let outcome = BuildPipeline.run(.init(paperDirectory: s.url.appendingPathComponent("Paper").path,
                                              outputDirectory: s.url.appendingPathComponent("Build").path,
                                              formats: [.html, .latex], profile: .draft))
        return (s, outcome)
    }

    @Test func goldenOutputs() throws {
        let (out, outcome) = try build(Self.fixture)
        defer { out.remove() }
        #expect(outcome.diagnostics.diagnostics.isEmpty, "\(outcome.diagnostics.diagnostics)")
        let expected = Self.fixture.appendingPathComponent("expected")
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        Golden.check(out.read("html/index.html") ?? "", expected.appendingPathComponent("index.html"))
        Golden.check(out.read("latex/paper.tex") ?? "", expected.appendingPathComponent("paper.tex"))
    }

    @Test func referencesAcrossChaptersAndKinds() throws {
        let (out, _) = try build(Self.fixture)
        defer { out.remove() }
        let html = out.read("html/index.html") ?? ""
        for expected in ["<a href=\"#sec:demand\">Chapter 1</a>", "<a href=\"#sec:supply-eval\">Section 2.1</a>",
                         "Figures <a href=\"#fig:tiers\">1.1</a> and <a href=\"#fig-flow\">2.1</a>",
                         "see <a href=\"#tbl:uses\">Table 1.1</a>, row 2 and <a href=\"#tbl:offers\">Table 2.1</a>",
                         "Numbers alone: <a href=\"#fig:tiers\">1.1</a>", "<a href=\"#sec:template\">Appendix A</a>",
                         "<a href=\"#sec:template-fields\">Appendix A.1</a>", "<a href=\"#warning:risk\">Warning 2.1</a>",
                         "<a href=\"#eq:budget\">Equation (1.1)</a>",
                         "Parts <a href=\"#sec:part-i\">I</a> and <a href=\"#sec:part-ii\">II</a>", "<a href=\"#lst:request\">Listing A.1</a>",
                         "Quarto style: <a href=\"#fig-flow\">Figure 2.1</a>", "policy@imda.gov.sg", "<code>@code</code>",
                         "US$5 million", "<mfrac><mi>a</mi><mi>b</mi></mfrac>"] {
            #expect(html.contains(expected), "missing: \(expected)")
        }
        let tex = out.read("latex/paper.tex") ?? ""
        #expect(tex.contains("\\hyperref[fig:tiers]{1.1}"))
        #expect(tex.contains("\\renewcommand{\\thefigure}{2.1}\\setcounter{figure}{0}"))
        #expect(tex.contains("\\tag{1.1}\\label{eq:budget}"))
        #expect(tex.contains("\\(x_i^2 + \\frac{a}{b}\\)"))
        #expect(!tex.contains("\\ref{"), "numbers are Folio's, never left to \\ref")
    }

    @Test func rangesOfThreeOrMore() throws {
        let figs = (1...4).map { "![F\($0).](f.png){#fig:f\($0)}\n" }.joined(separator: "\n")
        let (s, outcome) = try paper(["# A\n\n\(figs)\nSee [@fig:f1; @fig:f2; @fig:f3; @fig:f4] and [@fig:f1; @fig:f3].\n"])
        defer { s.remove() }
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let html = s.read("Build/html/index.html") ?? ""
        #expect(html.contains("Figures <a href=\"#fig:f1\">1.1</a>–<a href=\"#fig:f4\">1.4</a>"))
        #expect(html.contains("Figures <a href=\"#fig:f1\">1.1</a> and <a href=\"#fig:f3\">1.3</a>"))
    }

    @Test func numberingThroughThePaper() throws {
        let a = "# A\n\n![F.](f.png){#fig:a}\n\n@fig:b and @fig:a\n"
        let b = "# B\n\n![G.](f.png){#fig:b}\n"
        let (s, _) = try paper([a, b], manifest: "numbering:\n  floats: paper\n")
        defer { s.remove() }
        let html = s.read("Build/html/index.html") ?? ""
        #expect(html.contains("<a href=\"#fig:b\">Figure 2</a> and <a href=\"#fig:a\">Figure 1</a>"))
        #expect(html.contains("Figure 2:</span> G."))
    }

    @Test func sectionDepthAndNumberedFrontMatter() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("Paper/folio.yaml", "title: T\nnumbering:\n  section-depth: 1\n  front-matter: true\nfront-matter: [a.md]\nback-matter: [b.md]\n")
        try s.write("Paper/a.md", "# A\n\n## S {#sec:s}\n\n### Deep {#sec:deep}\n\n@sec:s, @sec:deep\n")
        try s.write("Paper/b.md", "# B\n")
        _ = BuildPipeline.run(.init(paperDirectory: s.url.appendingPathComponent("Paper").path,
                                    outputDirectory: s.url.appendingPathComponent("Build").path, formats: [.html], profile: .draft))
        let html = s.read("Build/html/index.html") ?? ""
        #expect(html.contains("<span class=\"chapnum\">Chapter 1</span> A"))
        #expect(html.contains("<span class=\"chapnum\">Chapter 2</span> B"))
        #expect(html.contains("<a href=\"#sec:s\">Section 1.1</a>, <a href=\"#sec:deep\">Deep</a>"), "unnumbered targets go by title")
        #expect(html.contains("<h4 id=\"sec:deep\">Deep</h4>"))
    }

    @Test func perLanguageWordsAndOverrides() throws {
        let (s, _) = try paper(["# A\n\n![F.](f.png){#fig:a}\n\nLihat @fig:a.\n"], manifest: "lang: ms\ncrossref:\n  words:\n    section: [Seksyen, Seksyen-seksyen]\n")
        defer { s.remove() }
        let html = s.read("Build/html/index.html") ?? ""
        #expect(html.contains("<a href=\"#fig:a\">Rajah 1.1</a>"))
        #expect(html.contains("Rajah 1.1:</span> F."))
    }

    // MARK: Diagnostics

    @Test func undefinedLabelSuggests() throws {
        let (s, outcome) = try paper(["# A\n\n## Needs {#sec:needs}\n\nSee @sec:need.\n"])
        defer { s.remove() }
        let d = try #require(outcome.diagnostics.diagnostics.first { $0.id == "crossref.undefined" })
        #expect(d.message == "undefined cross-reference '@sec:need'")
        #expect(d.notes == ["did you mean '@sec:needs'?"])
        #expect(d.location?.line == 5)
        #expect(d.location?.column == 5)
    }

    @Test func duplicateLabelNamesBothPlaces() throws {
        let (s, outcome) = try paper(["# A\n\n## X {#sec:x}\n", "# B\n\n## Y {#sec:x}\n"])
        defer { s.remove() }
        let d = try #require(outcome.diagnostics.diagnostics.first { $0.id == "label.duplicate" })
        #expect(d.location?.file.hasSuffix("c1.md") == true)
        #expect(d.notes.first?.message.hasSuffix("c0.md:3:1") == true)
    }

    @Test func unreferencedFloatsWarn() throws {
        let table = "| a |\n|---|\n| 1 |\n\n: Caption. {#tbl:t}\n"
        let (s, outcome) = try paper(["# A\n\n![F.](f.png){#fig:f}\n\n\(table)\n$$ x $$ {#eq:x}\n"])
        defer { s.remove() }
        let warnings = outcome.diagnostics.diagnostics.filter { $0.id == "crossref.unreferenced" }.map(\.message)
        #expect(warnings == ["Figure 1.1 ('fig:f') is never referenced", "Table 1.1 ('tbl:t') is never referenced",
                             "Equation (1.1) ('eq:x') is never referenced"])
    }

    @Test func prefixMustMatchTarget() throws {
        let (s, outcome) = try paper(["# A\n\n| a |\n|---|\n| 1 |\n\n: Caption. {#fig:wrong}\n\n@fig:wrong\n"])
        defer { s.remove() }
        let d = try #require(outcome.diagnostics.diagnostics.first { $0.id == "label.prefix-mismatch" })
        #expect(d.message == "'fig:wrong' has the prefix 'fig:' but labels a table")
        #expect(d.notes == ["use a prefix that matches: tbl:"])
    }

    @Test func missingFigureIsAnErrorAtTheImage() throws {
        let (s, outcome) = try paper(["# A\n\n![F.](nope.png){#fig:f}\n\n@fig:f\n"])
        defer { s.remove() }
        let d = try #require(outcome.diagnostics.diagnostics.first { $0.id == "image.missing" })
        #expect(d.location?.line == 3)
    }

    @Test func mixedGroupsAndUnknownKeys() throws {
        let (s, outcome) = try paper(["# A\n\n## S {#sec:s}\n\n[@sec:s; @smith2020] and @jones.\n"])
        defer { s.remove() }
        let ids = outcome.diagnostics.diagnostics.map(\.id)
        #expect(ids.contains("crossref.mixed-group"))
        #expect(ids.contains("citation.unknown-key"))
    }

    @Test func fencedDivDiagnostics() throws {
        let (s, outcome) = try paper(["# A\n\n::: {.callout-note}\nOpen.\n", "# B\n\n:::\n"])
        defer { s.remove() }
        let ids = outcome.diagnostics.diagnostics.map(\.id)
        #expect(ids.contains("div.unclosed"))
        #expect(ids.contains("div.unopened"))
    }

    @Test func unsafeMathIsRefusedUnsupportedMathWarns() throws {
        let (s, outcome) = try paper(["# A\n\nBad $\\input{/etc/passwd}$ and odd $\\overbrace{x}$.\n"])
        defer { s.remove() }
        let found = outcome.diagnostics.diagnostics
        #expect(found.first { $0.id == "math.unsafe" }?.location?.column == 5)
        #expect(found.first { $0.id == "math.unsupported" }?.message.contains("\\overbrace") == true)
        #expect(s.read("Build/latex/paper.tex") == nil, "nothing is written when math is unsafe")
    }

    /// The byte path for a key's reserved prefix gives what reading it by characters gives.
    @Test func reservedPrefixByBytesAgreesWithCharacters() {
        let keys = ["fig:a", "FIG:a", "Fig-x", "sec:intro", "tbl:", "eq-1", "smith2020", "smith:2020", "note:x", "important:y",
                    "importantly:z", "x", "", ":", "-", "fig", "fig:\u{301}a", "fi\u{301}g:a", "\u{212A}ig:a", "lst-é", "é:fig",
                    "sec\u{301}:a", "thm:a", "a-b:c", "verylongprefixindeed:x", "FIG-\u{0301}"]
        for key in keys {
            #expect(LabelRegistry.reservedPrefix(key) == LabelRegistry.reservedPrefixByCharacters(key), "\(key.debugDescription)")
        }
    }
}
