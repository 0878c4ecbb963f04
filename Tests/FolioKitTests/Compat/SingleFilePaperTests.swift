import Foundation
import Testing
@testable import FolioKit

/// A paper written as one pandoc Markdown file (issue 16): its front matter is read as pandoc reads it,
/// `folio render FILE.md` builds it as `pandoc FILE.md --citeproc` would, and `folio init --from`
/// writes the manifest for it.
@Suite struct SingleFilePaperTests {
    static let paper = """
        ---
        title: "A short paper: on access"
        author:
          - name: Ann Alpha
            affiliation: 1
          - name: Ben Beta
            affiliation: "1, 2"
          - Cy Gamma
        affiliations:
          - index: 1
            name: Institute One
          - index: 2
            name: Lab Two
        date: 2024-05-01
        tags: [access, models]
        bibliography: refs.bib
        abstract: We study access.
        figPrefix: [fig., figs.]
        autoEqnLabels: true
        ---

        # Introduction

        Prior work [@a] matters, as @fig:x shows, and @eq:b.

        ![A chart.](fig.png){#fig:x}

        $$ a = 1 $$

        $$ b = 2 $$ {#eq:b}

        """

    static func folder() throws -> Scratch {
        let s = try Scratch()
        try s.write("P/paper.md", paper)
        try s.write("P/refs.bib", "@book{a, author = {Alpha, Ann}, title = {First}, publisher = {P}, year = {2020}}\n")
        try s.writePNG("P/fig.png")
        return s
    }

    @Test func metadataAsPandocWritesIt() throws {
        let m = try PandocMetadata.read(Self.paper, path: "paper.md")
        #expect(m.title == "A short paper: on access")
        #expect(m.authors.map(\.name) == ["Ann Alpha", "Ben Beta", "Cy Gamma"])
        #expect(m.authors.map(\.affiliations) == [["Institute One"], ["Institute One", "Lab Two"], []])
        #expect(m.keywords == ["access", "models"] && m.bibliography == ["refs.bib"] && m.date == "2024-05-01")
    }

    @Test func renderBuildsTheFileAsAPaper() throws {
        let s = try Self.folder()
        defer { s.remove() }
        let r = try CLI.run(["render", "paper.md"], in: s.url.appendingPathComponent("P"))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "no warnings about pandoc's metadata: \(r.stderr)")
        #expect(r.stdout.contains("A short paper: on access") && r.stdout.contains("Institute One"))
        #expect(r.stdout.contains("Alpha 2020"), "the citation is resolved")
        #expect(r.stdout.contains("<style>") && !r.stdout.contains("href=\"style.css\""), "the page stands alone")
        #expect(r.stdout.contains(">fig. 1</a>"), "pandoc-crossref's words and numbers through the paper")
        #expect(r.stdout.contains(">Equation (2)</a>"), "autoEqnLabels numbers the unlabelled equation too")
        #expect(!FileManager.default.fileExists(atPath: s.url.appendingPathComponent("P/folio.yaml").path), "nothing is written beside it")
        let tex = try CLI.run(["render", "paper.md", "--to", "latex"], in: s.url.appendingPathComponent("P"))
        #expect(tex.stdout.contains("\\begin{document}") && tex.stdout.contains("Alpha"))
    }

    @Test func initWritesTheManifestOnce() throws {
        let s = try Self.folder()
        defer { s.remove() }
        let dir = s.url.appendingPathComponent("P")
        let r = try CLI.run(["init", "--from", "paper.md"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let yaml = s.read("P/folio.yaml") ?? ""
        #expect(yaml.contains("title: \"A short paper: on access\""))
        #expect(yaml.contains("affiliations: [\"Institute One\", \"Lab Two\"]"))
        #expect(yaml.contains("bibliography: [\"refs.bib\"]") && yaml.contains("back-matter: [\"paper.md\"]"))
        #expect(yaml.contains("numbering:\n  floats: paper\ncrossref:\n  compat: pandoc-crossref\n  number-all-equations: true\n  words:\n    figure: [\"fig.\", \"figs.\"]\n"))
        let build = try CLI.run(["build", "--paper", ".", "--out", "../out", "--to", "html"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("warning"), "\(build.stderr)")
        try s.write("P/folio.yaml", "title: Mine\n")
        let again = try CLI.run(["init", "--from", "paper.md"], in: dir)
        #expect(again.status == 1)
        #expect(again.stderr.contains("[init.exists]"))
        #expect(s.read("P/folio.yaml") == "title: Mine\n", "an existing manifest is kept")
    }

    /// A title alone (Jekyll, Hugo) is a page's, not a paper's: render stays a one-file conversion.
    @Test func aTitleAloneIsNoPaper() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/post.md", "---\ntitle: Post\n---\n\nText [x][y].\n")
        let r = try CLI.run(["render", "post.md"], in: s.url.appendingPathComponent("P"))
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<h1") && !r.stdout.contains("<html"), "\(r.stdout.prefix(200))")
    }

    @Test func aMalformedAuthorIsLocated() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/p.md", "---\ntitle: T\nauthor:\n  - affiliation: 1\n---\n\nText.\n")
        let r = try CLI.run(["init", "--from", "p.md"], in: s.url.appendingPathComponent("P"))
        #expect(r.status == 1)
        #expect(r.stderr.contains("p.md:4:5: error: an author needs a 'name' [front-matter.pandoc]"), "\(r.stderr)")
    }
}
