import Testing
@testable import FolioKit

/// Every LaTeX special character must print as itself in every context.
@Suite struct LaTeXEscapingTests {
    static let specials = "# $ % & ~ _ ^ \\ { } [ ]"
    static let escaped = "\\# \\$ \\% \\& \\textasciitilde{} \\_ \\textasciicircum{} \\textbackslash{} \\{ \\} {[} {]}"

    func render(_ markdown: String) -> String {
        RenderPipeline.render(markdown, file: "t.md", format: .latex, standalone: false, rawHTML: false).output
    }

    @Test func text() {
        #expect(LaTeXEscaping.text(Self.specials) == Self.escaped)
    }

    @Test func everyContextEscapesTheSameWay() {
        let s = "# $ % & ~ \\_ ^ \\\\ { } \\[ \\]"
        #expect(render("x \(s)\n").contains("x " + Self.escaped), "paragraph")
        #expect(render("# \(s)\n").contains("\\section*{\(Self.escaped)}"), "heading")
        #expect(render("*\(s)*\n").contains("\\emph{\(Self.escaped)}"), "emphasis")
        #expect(render("[\(s)](https://x.org)\n").contains("{\(Self.escaped)}"), "link text")
        #expect(render("x[^1]\n\n[^1]: y \(s)\n").contains("\\footnote[1]{y \(Self.escaped)}"), "footnote")
        #expect(render("| h |\n|---|\n| \(s.replacingOccurrences(of: "|", with: "\\|")) |\n").contains(Self.escaped), "table cell")
        #expect(render("`# $ % & ~ _ ^ \\ { } [ ]`\n").contains("\\texttt{\(Self.escaped)}"), "code span")
    }

    @Test func urls() {
        #expect(LaTeXEscaping.url("https://x.org/a_b?c=1&d=2#f~g%41") == "https://x.org/a\\_b?c=1\\&d=2\\#f\\string~g\\%41")
        #expect(LaTeXEscaping.url("https://x.org/{a}\\b^c d") == "https://x.org/\\%7Ba\\%7D\\%5Cb\\%5Ec\\%20d")
        #expect(LaTeXEscaping.url("https://x.org/é") == "https://x.org/\\%C3\\%A9")
    }

    @Test func codeBlocksCannotBreakOut() {
        let out = render("```\n\\end{folioCode}\\end{document}\n```\n")
        #expect(out.contains("\\textbackslash{}end\\{folioCode\\}\\textbackslash{}end\\{document\\}\\par"))
        #expect(!out.contains("\\end{document}"))
    }

    @Test func codeLinesKeepIndentationAndTabs() {
        #expect(LaTeXEscaping.codeLine("  a b") == "~~a\\ b")
        #expect(LaTeXEscaping.codeLine("\tx") == "~~~~x")
        #expect(LaTeXEscaping.codeLine("a--b") == "a{-}{-}b")
    }

    @Test func labelsAreSafeAndDistinct() {
        #expect(LaTeXEscaping.label("sec:intro") == "sec:intro")
        #expect(LaTeXEscaping.label("a b") != LaTeXEscaping.label("a_b"))
        #expect(LaTeXEscaping.label("x{}#%") == "x+7B+7D+23+25")
    }

    @Test func controlCharactersAreDropped() {
        #expect(LaTeXEscaping.text("a\u{1}b\u{7F}c") == "abc")
    }
}
