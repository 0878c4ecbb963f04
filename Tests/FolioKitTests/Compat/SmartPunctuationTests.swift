import Foundation
import Testing
@testable import FolioKit

/// pandoc's `smart` extension in a paper's chapters: dashes, ellipses and curly quotes, the same in
/// both outputs, with code, math, autolinks and attribute blocks left as written (issue 16).
@Suite struct SmartPunctuationTests {
    static func text(_ markdown: String) -> [Inline] {
        let (doc, _) = CmarkParser.parse(markdown, file: "s.md", smart: true)
        guard case .paragraph(let inlines)? = doc.blocks.first?.kind else { return [] }
        return inlines
    }

    @Test func dashesEllipsesAndQuotes() {
        #expect(Self.text("Pages 10--20, a break --- here... \"quoted\" and it's 'single'.\n").plainText
                == "Pages 10–20, a break — here… “quoted” and it’s ‘single’.")
        #expect(Self.text("In the '90s, a-b and ----.\n").plainText == "In the ’90s, a-b and ––.")
        // A quote closes after emphasis and opens before it.
        #expect(Self.text("\"*word*\" and (\"x\")\n").plainText == "“word” and (“x”)")
    }

    /// As in pandoc, an escaped quote stays straight; one in code keeps its backslash.
    @Test func escapedQuotesStayStraight() {
        #expect(Self.text("He is 5\\'10\\\" tall, \"this\" and *\\\"x\\\"* `c \\\"d\\\"`.\n").plainText
                == "He is 5'10\" tall, “this” and \"x\" c \\\"d\\\".")
        let (doc, _) = CmarkParser.parse("Plain \\\"GFM\\\".\n", file: "s.md")
        guard case .paragraph(let inlines)? = doc.blocks.first?.kind else { Issue.record("no paragraph"); return }
        #expect(inlines.plainText == "Plain \"GFM\".", "no marker leaks without smart punctuation")
    }

    @Test func codeMathAndAutolinksKeepTheirCharacters() {
        let inlines = Self.text("`a--b \"c\"` and $x--y$ and <https://a--b.org/x...y>\n")
        #expect(inlines.plainText.contains("a--b \"c\""))
        #expect(inlines.plainText.contains("x--y"))
        #expect(inlines.plainText.contains("https://a--b.org/x...y"))
    }

    @Test func plainGFMIsNotChanged() {
        let (doc, _) = CmarkParser.parse("\"a\" -- b\n", file: "s.md")
        guard case .paragraph(let inlines)? = doc.blocks.first?.kind else { Issue.record("no paragraph"); return }
        #expect(inlines.plainText == "\"a\" -- b")
    }

    /// Attribute blocks are read before (headings) and after (captions, in Resolve) this pass: both
    /// still see straight quotes.
    @Test func attributesKeepStraightQuotes() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nparts:\n  - title: One\n    side: demand\n    chapters: [a.md]\n")
        try s.write("P/a.md", """
            # A "quoted" chapter

            ## It's here {#sec:here title="x--y"}

            ![A "cat" -- see @sec:here.](cat.png){#fig:cat width="50%"}

            See @fig:cat --- and 1990--2000...

            """)
        try s.writePNG("P/cat.png")
        let r = try CLI.run(["build", "--paper", "P", "--out", "out", "--to", "html,latex"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: s.url.appendingPathComponent("out/html/index.html"), encoding: .utf8)
        let tex = try String(contentsOf: s.url.appendingPathComponent("out/latex/paper.tex"), encoding: .utf8)
        #expect(html.contains("A “quoted” chapter") && tex.contains("A “quoted” chapter"))
        #expect(html.contains("id=\"sec:here\"") && html.contains("It’s here"), "\(html)")
        #expect(html.contains("id=\"fig:cat\"") && html.contains("A “cat” – see"), "\(html)")
        #expect(html.contains("— and 1990–2000…") && tex.contains("— and 1990–2000…"), "\(tex)")
        #expect(!html.contains("{#") && !tex.contains("\\{\\#"), "no attribute block printed")
    }

    /// An image inside a paragraph keeps its natural size in the PDF, as in the HTML, within the line.
    @Test func inlineImagesKeepTheirSizeInLaTeX() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nparts:\n  - title: One\n    side: demand\n    chapters: [a.md]\n")
        try s.write("P/a.md", "# A\n\nThe diagram ![d](d.png) shows it.\n")
        try s.writePNG("P/d.png")
        let r = try CLI.run(["build", "--paper", "P", "--out", "out", "--to", "latex"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        let tex = try String(contentsOf: s.url.appendingPathComponent("out/latex/paper.tex"), encoding: .utf8)
        #expect(tex.contains("The diagram \\folioInlineImage{"), "\(tex)")
        #expect(!tex.contains("height=1.2em"))
        #expect(tex.contains("\\DeclareRobustCommand{\\folioInlineImage}"))
    }

    /// URLs keep their characters in running text too, and the rest of the paragraph is still smart.
    @Test func urlsInTextKeepTheirCharacters() {
        #expect(SmartPunctuation.convert("A \"see\" ftp://x.org -- no, https://y.org/c--d...", after: nil)
                == "A “see” ftp://x.org – no, https://y.org/c--d...")
    }

    /// A line of braces is read once, not once per brace (it took 70 s for 60 KB).
    @Test func bracesStayLinear() {
        let text = "\"" + String(repeating: "{a ", count: 20_000) + "}"
        let out = SmartPunctuation.convert(text, after: nil)
        #expect(out.hasPrefix("“{a {a ") && out.count == text.count)
    }

    /// A glossary term written with a straight apostrophe still matches the text's curly one: the
    /// author's "Term (ACR)" is not expanded a second time, and a title with smart punctuation is
    /// not a conflict with its own heading.
    @Test func glossaryTermsAndTitlesMatchTheSmartText() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nglossary: glossary.yaml\nparts:\n  - title: One\n    side: demand\n    chapters: [a.md]\n")
        try s.write("P/glossary.yaml", "entries:\n  - term: People's Bank of China\n    acronym: PBOC\n    definition: A central bank.\n")
        try s.write("P/a.md", "---\ntitle: It's here -- now\n---\n\n# It's here -- now\n\nThe People's Bank of China (PBOC) sets rates. The PBOC acts.\n")
        let r = try CLI.run(["build", "--paper", "P", "--out", "out", "--to", "html"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("chapter.title-conflict"), "\(r.stderr)")
        let html = try String(contentsOf: s.url.appendingPathComponent("out/html/index.html"), encoding: .utf8)
        #expect(!html.contains("(People"), "no second expansion: \(html)")
    }
}
