import Foundation
import Testing
@testable import FolioKit

/// What short papers written for pandoc (the Journal of Open Source Software's form) do, from a held-out
/// run over 29 of them (issue 16): several `#` sections, a closing `# References`, `\label` in figure
/// captions, prefixes with commas, a citation before a footnote, LaTeX in HTML comments, and the
/// `year` and journal fields of real `.bib` files.
@Suite struct JOSSPaperTests {
    static let paper = """
        ---
        title: A tool
        authors:
          - name: Ann Alpha
            affiliation: 1
        affiliations:
          - index: 1
            name: Institute One
        bibliography: paper.bib
        ---

        # Summary

        Tools exist [e.g., @a; @b], as \\autoref{fig:one} shows[@a][^1].

        ![The tool.\\label{fig:one}](fig.png)

        <!--
        A draft equation: \\begin{equation}\\hat f(\\omega)\\end{equation}
        -->

        # Statement of need

        More [@b].

        [^1]: A note.

        # References

        """

    static let bib = """
        @article{a, author = {Alpha, Ann}, title = {{\\BibTeX}ing \\foo tools}, journal = {\\apj}, year = {1965--1981}}
        @article{b, author = {Beta, Ben}, title = {Second}, journal = {J}, year = {forthcoming}}
        """

    static func folder() throws -> Scratch {
        let s = try Scratch()
        try s.write("P/paper.md", paper)
        try s.write("P/paper.bib", bib)
        try s.writePNG("P/fig.png")
        return s
    }

    @Test func renderReadsTheFileAsPandocDoes() throws {
        let s = try Self.folder()
        defer { s.remove() }
        let r = try CLI.run(["render", "paper.md"], in: s.url.appendingPathComponent("P"))
        #expect(r.status == 0, "\(r.stderr)")
        let html = r.stdout
        // Each `#` heading opens a chapter; no extra-title warnings.
        #expect(html.contains("</span> Summary</h2>") && html.contains("</span> Statement of need</h2>"), "\(html)")
        #expect(!r.stderr.contains("chapter.extra-title"), "\(r.stderr)")
        // The closing "# References" holds the list; no second References chapter.
        #expect(html.components(separatedBy: "References</h2>").count == 2, "one References heading")
        #expect(html.contains("id=\"ref-a\""))
        // A comma in a prefix is text; the citation before a footnote is one.
        #expect(html.contains("(e.g., <span"), "\(html)")
        #expect(!html.contains("[@a]") && !html.contains("@b"), "no raw keys")
        #expect(html.contains("class=\"footnote-ref\""))
        // `\label` in a caption names the figure.
        #expect(html.contains("<figure id=\"fig:one\">") && html.contains(">Figure 1</a>"), "\(html)")
        // LaTeX in an HTML comment is not read.
        #expect(!r.stderr.contains("tex.raw-command"), "\(r.stderr)")
    }

    @Test func bibFieldsAreReadOrReported() throws {
        let s = try Self.folder()
        defer { s.remove() }
        let r = try CLI.run(["bib", "export", "paper.bib"], in: s.url.appendingPathComponent("P"))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"BibTeXing  tools\"") || r.stdout.contains("\"BibTeXing tools\""), "\(r.stdout)")
        #expect(r.stdout.contains("\"container-title\" : \"ApJ\""))
        #expect(r.stderr.contains("paper.bib:1:") && r.stderr.contains("\\foo in the title of 'a'") && r.stderr.contains("[bib.unknown-command]"), "\(r.stderr)")
        #expect(r.stderr.contains("'forthcoming' is not a year Folio reads") && r.stderr.contains("[bib.date]"), "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let issued = json.first { $0["id"] as? String == "a" }?["issued"] as? [String: Any]
        #expect((issued?["date-parts"] as? [[Int]]) == [[1965], [1981]], "a year range")
    }

    @Test func yearFieldsAsBiberReadsThem() {
        func year(_ s: String) -> Reference.DateValue? { BibTeXConverter.yearValue(s).0 }
        #expect(year("2020")?.year == 2020)
        #expect(year("2005--")?.openEnd == true)
        #expect(year("1992-05-20")?.day == 20)
        #expect(year("2012a")?.year == 2012 && BibTeXConverter.yearValue("2012a").1 != nil)
        #expect(year("19xx") == nil && BibTeXConverter.yearValue("19xx").1 != nil)
    }

    /// `\label` at the end of a heading is its id, as `{#…}` would be.
    @Test func labelsNameHeadingsToo() throws {
        let r = try PandocInputTests.build("# Methods\n\n## Setup \\label{sec:setup}\n\nSee \\ref{sec:setup}.\n")
        #expect(r.html.contains("id=\"sec:setup\""), "\(r.html)")
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
    }
}
