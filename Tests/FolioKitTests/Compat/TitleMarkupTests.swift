import Foundation
import Testing
@testable import FolioKit

/// Markdown in titles written as YAML strings, as pandoc reads its metadata (issue 16: a held-out
/// JOSS paper's title printed its backticks).
@Suite struct TitleMarkupTests {
    @Test func codeEmphasisAndMathInTheTitle() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/paper.md", """
            ---
            title: "`fastpkg`: a *fast* parser for $\\\\alpha$-data"
            subtitle: "It's [here](https://example.org) [@a]"
            author: Ann Alpha
            ---

            # Intro

            Text.

            """)
        let html = try CLI.run(["render", "paper.md"], in: s.url.appendingPathComponent("P"))
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<h1 class=\"title\"><code>fastpkg</code>: a <em>fast</em> parser for <math"), "\(html.stdout)")
        #expect(html.stdout.contains("<title>fastpkg: a fast parser for \\alpha-data</title>"), "plain text in <title>")
        // A citation cannot stand in a title: printed as written, with a located warning.
        #expect(html.stdout.contains("<p class=\"subtitle\">It's [here](https://example.org) [@a]</p>"), "\(html.stdout)")
        #expect(html.stderr.contains("[title.markup]") && html.stderr.contains(":3:"), "\(html.stderr)")
        let tex = try CLI.run(["render", "paper.md", "--to", "latex"], in: s.url.appendingPathComponent("P"))
        #expect(tex.stdout.contains("{\\Huge\\bfseries \\texttt{fastpkg}: a \\emph{fast} parser for \\(\\alpha\\)-data\\par}"), "\(tex.stdout)")
    }

    @Test func plainTitlesAndListMarkersStayAsWritten() {
        let at = SourceLocation(file: "folio.yaml", line: 1, column: 8)
        #expect(TitleMarkup.inlines("Responsible Access to Frontier AI Models", at: at).inlines.plainText == "Responsible Access to Frontier AI Models")
        #expect(TitleMarkup.inlines("1. Introduction", at: at).inlines.plainText == "1. Introduction")
        #expect(TitleMarkup.inlines("# Not a *heading*", at: at).inlines.plainText == "# Not a *heading*")
        #expect(TitleMarkup.inlines("Children's *rights* -- a review", at: at).inlines.plainText == "Children’s rights – a review")
    }

    @Test func aChaptersFrontMatterTitleIsMarkdown() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nparts:\n  - title: One\n    side: demand\n    chapters: [a.md]\n")
        try s.write("P/a.md", "---\ntitle: \"The `folio` *tool*\"\n---\n\nText.\n")
        let r = try CLI.run(["build", "--paper", "P", "--out", "out", "--to", "html"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: s.url.appendingPathComponent("out/html/index.html"), encoding: .utf8)
        #expect(html.contains("The <code>folio</code> <em>tool</em></h2>"), "\(html)")
    }
}
