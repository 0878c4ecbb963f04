import Foundation
import Testing
@testable import FolioKit

/// Defects found in review, each kept as a test.
@Suite struct RegressionTests {
    func latex(_ md: String) -> String {
        RenderPipeline.render(md, file: "t.md", format: .latex, standalone: false, rawHTML: false).output
    }

    func paper(_ chapters: [String: String], extraFiles: [String: String] = [:]) throws -> (Scratch, BuildPipeline.Outcome) {
        let s = try Scratch()
        for (name, text) in extraFiles { try s.write("Paper/\(name)", text) }
        let list = chapters.keys.sorted().map { "      - \($0)" }.joined(separator: "\n")
        try s.write("Paper/folio.yaml", "title: T\nfront-matter: []\nparts:\n  - title: P\n    side: demand\n    chapters:\n\(list)\n")
        for (name, text) in chapters { try s.write("Paper/\(name)", text) }
        let outcome = BuildPipeline.run(.init(paperDirectory: s.url.appendingPathComponent("Paper").path,
                                              outputDirectory: s.url.appendingPathComponent("Build").path,
                                              formats: [.html, .latex], profile: .draft))
        return (s, outcome)
    }

    @Test func imagesCannotReplaceGeneratedFiles() throws {
        let (s, outcome) = try paper(["a.md": "# A\n\n![x](paper.tex)\n\n![y](index.html)\n"],
                                     extraFiles: ["paper.tex": "\\directlua{}", "index.html": "<script></script>"])
        defer { s.remove() }
        let ids = outcome.diagnostics.diagnostics.map(\.id)
        #expect(ids.filter { $0.hasPrefix("image.") } == ["image.type", "image.type"])
        #expect(s.read("Build/latex/paper.tex") == nil)
    }

    @Test func assetsGetSafeNames() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("Paper/folio.yaml", "title: T\nfront-matter: [a.md]\n")
        try s.write("Paper/a.md", "# A\n\n![One](figs/R%26D%20(1).png){#fig:one}\n\n![Two](other/R&D-1.png){#fig:two}\n\nSee [@fig:one; @fig:two].\n")
        try s.writePNG("Paper/figs/R&D (1).png")
        try s.writePNG("Paper/other/R&D-1.png")
        let outcome = BuildPipeline.run(.init(paperDirectory: s.url.appendingPathComponent("Paper").path,
                                              outputDirectory: s.url.appendingPathComponent("Build").path,
                                              formats: [.html, .latex], profile: .final))
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let html = s.read("Build/html/index.html") ?? ""
        #expect(html.contains("src=\"assets/r-d-1.png\""))
        #expect(html.contains("src=\"assets/r-d-1-2.png\""))
        #expect(s.read("Build/latex/paper.tex")?.contains("{assets/r-d-1.png}") == true)
        #expect(FileManager.default.fileExists(atPath: s.url.appendingPathComponent("Build/latex/assets/r-d-1-2.png").path))
    }

    @Test func wideTablesDoNotTrap() {
        let header = "|" + (0..<100).map { " c\($0) |" }.joined() + "\n|" + String(repeating: "---|", count: 100) + "\n"
        let row = "| " + String(repeating: "x", count: 60) + " |" + String(repeating: " y |", count: 99) + "\n"
        let out = latex(header + row)
        #expect(out.contains("\\begin{longtable}"))
        #expect(!out.contains("p{-") && !out.contains("*-"))
    }

    @Test func footnoteChainsDoNotRecurse() {
        let n = 3_000
        var md = "Start[^f0].\n\n"
        for i in 0..<n { md += "[^f\(i)]: Note \(i)" + (i + 1 < n ? " cites[^f\(i + 1)]" : "") + ".\n\n" }
        let out = latex(md)
        #expect(out.contains("\\footnote[1]{Note 0 cites\\footnotemark[2].}"))
        #expect(out.contains("\\footnotetext[\(n)]{Note \(n - 1).}"))
    }

    @Test func unnumberedHeadingsDoNotStepCounters() throws {
        let (s, outcome) = try paper(["a.md": "# A\n\n## Alpha\n\n## Beta {.unnumbered}\n\n### Gamma\n\n## Delta\n"])
        defer { s.remove() }
        #expect(!outcome.diagnostics.hasErrors)
        let html = s.read("Build/html/index.html") ?? ""
        #expect(html.contains("<span class=\"secnum\">1.1.1</span> Gamma"))
        #expect(html.contains("<span class=\"secnum\">1.2</span> Delta"))
        let tex = s.read("Build/latex/paper.tex") ?? ""
        #expect(tex.contains("\\setcounter{section}{1}\\setcounter{subsection}{0}\n\\subsection[Gamma]{Gamma}"))
        #expect(tex.contains("\\setcounter{section}{1}\n\\section[Delta]{Delta}"))
    }

    @Test func figureIDsAreClaimedBeforeSlugs() throws {
        let (s, outcome) = try paper(["a.md": "# A\n\n## Alpha\n\n![c](https://example.org/p.png){#alpha}\n"])
        defer { s.remove() }
        #expect(!outcome.diagnostics.hasErrors)
        let html = s.read("Build/html/index.html") ?? ""
        #expect(html.contains("<h3 id=\"alpha-1\">"))
        #expect(html.contains("<figure id=\"alpha\">"))
    }

    @Test func duplicateFigureIDsAreErrors() throws {
        let (s, outcome) = try paper(["a.md": "# A\n\n![c](https://example.org/p.png){#fig:x}\n\n![d](https://example.org/q.png){#fig:x}\n"])
        defer { s.remove() }
        let d = outcome.diagnostics.diagnostics.first { $0.id == "label.duplicate" }
        #expect(d?.location?.line == 5)
        #expect(d?.notes.first?.message.hasSuffix("a.md:3:1") == true)
    }

    @Test func remoteFiguresKeepNumberAndLabel() throws {
        let (s, _) = try paper(["a.md": "# A\n\n![Remote.](https://example.org/y.png){#fig:r}\n\nSee [it](#fig:r).\n"])
        defer { s.remove() }
        let tex = s.read("Build/latex/paper.tex") ?? ""
        #expect(tex.contains("\\caption[Remote.]{Remote.}\\label{fig:r}"))
        #expect(tex.contains("\\hyperref[fig:r]{it}"))
    }

    @Test func chapterMayOpenWithARule() throws {
        let (s, outcome) = try paper(["a.md": "---\n\ntext\n\n---\nMore.\n"])
        defer { s.remove() }
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
    }

    @Test func apostrophesInYAMLAreNotQuotes() throws {
        let authors = (0..<60).map { "  - {name: \"A\($0)\", affiliations: [O'Neil Institute]}" }.joined(separator: "\n")
        let (m, _) = try ManifestLoader.load("title: T\nfront-matter: [a.md]\nauthors:\n\(authors)\n", file: "folio.yaml")
        #expect(m.authors.count == 60)
        #expect(m.authors.first?.affiliations == ["O'Neil Institute"])
    }

    @Test func contentsEntriesHaveNoNestedLinks() throws {
        let (s, _) = try paper(["a.md": "# One with [a link](https://example.org)\n\n## Two with [another](#x) \\\nbreak\n"])
        defer { s.remove() }
        let html = s.read("Build/html/index.html") ?? ""
        let toc = html.components(separatedBy: "</nav>").first ?? ""
        #expect(!toc.contains("https://example.org"))
        #expect(!toc.contains("<br"))
    }

    @Test func tabsInFrontMatterGetANote() {
        do {
            _ = try YAMLValue.parse("title: x\n\towners: [a]\n", file: "c.md", lineOffset: 1)
            Issue.record("expected an error")
        } catch {
            #expect(error.notes.contains("YAML does not allow tabs for indentation; use spaces"), "\(error)")
        }
    }

    /// A JOSS paper's `title: 'MAESTROeX…`` never closes its quote: the error is found where the
    /// front matter ends, and a note points at the line where the value began.
    @Test func anUnclosedQuoteIsTracedToWhereItBegan() {
        do {
            _ = try YAMLValue.parse("title: 'A title`\ntags:\n  - C++\n", file: "p.md", lineOffset: 1)
            Issue.record("expected an error")
        } catch {
            let note = error.notes.first { $0.message.contains("never closed") }
            #expect(note?.location?.line == 2 && note?.location?.column == 8, "\(error)")
        }
    }

    @Test func guardSeesThroughTricks() {
        var limits = InputLimits()
        limits.quoteDepth = 2
        limits.listDepth = 2
        let fenceInList = "- ```\n  x\n  ```\n> > > > deep\n"
        #expect(InputGuard.check(fenceInList, file: "t.md", limits: limits)?.id == "limits.quote-depth")
        let inlineCode = "```x```\n> > > > deep\n"
        #expect(InputGuard.check(inlineCode, file: "t.md", limits: limits)?.id == "limits.quote-depth")
        #expect(InputGuard.check(">\t>\t>\t> x\n", file: "t.md", limits: limits)?.id == "limits.quote-depth")
        #expect(InputGuard.check("-\t-\t-\t- x\n", file: "t.md", limits: limits)?.id == "limits.list-depth")
        let crOnly = "ok\r> > > > deep\r"
        let d = InputGuard.check(crOnly, file: "t.md", limits: limits)
        #expect(d?.id == "limits.quote-depth")
        #expect(d?.location?.line == 2)
        let realCodeAfterListFence = "1. ```sh\n   echo\n   ```\n\n```\n> > > >\n```\n"
        #expect(InputGuard.check(realCodeAfterListFence, file: "t.md", limits: limits) == nil)
    }

    @Test func shortRowsCannotAmplifyATable() {
        let md = "|" + String(repeating: " a |", count: 256) + "\n|" + String(repeating: "---|", count: 256) + "\n"
            + String(repeating: "a\n", count: 2_000)
        let result = RenderPipeline.render(md, file: "t.md", format: .html, standalone: false, rawHTML: false)
        #expect(result.diagnostics.first?.id == "limits.table-cells")
        #expect(result.output.isEmpty)
    }
}
