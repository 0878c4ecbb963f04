import Foundation
import Testing
@testable import FolioKit

/// pandoc's raw attribute and the LaTeX layout commands (issue 16): each goes to the writer it is for,
/// behind an explicit switch, or is a located diagnostic; none is printed as text.
@Suite struct RawContentTests {
    static func build(_ chapter: String, manifest: String = "", untrusted: Bool = false) throws -> (html: String, tex: String, diagnostics: [Diagnostic]) {
        try PandocInputTests.build("# Raw {#sec:raw}\n\n" + chapter, manifest: manifest, untrusted: untrusted)
    }

    /// The diagnostics about the chapter (the bibliography's entries are not cited here).
    static func chapter(_ list: [Diagnostic]) -> [Diagnostic] { list.filter { $0.location?.file.hasSuffix("a.md") == true } }

    static func body(_ html: String) -> String {
        guard let r = html.range(of: "<h2 class=\"chapter-title\">") else { return html }
        return String(html[r.lowerBound...])
    }

    @Test(arguments: ["newpage", "pagebreak", "clearpage"])
    func pageBreakOnItsOwnLine(_ name: String) throws {
        let r = try Self.build("Before.\n\n\\\(name)\n\nAfter.\n")
        #expect(Self.chapter(r.diagnostics).isEmpty, "\(r.diagnostics)")
        #expect(Self.body(r.html).contains("<div class=\"page-break\" aria-hidden=\"true\"></div>"))
        #expect(r.tex.contains("Before.\n\n\\\(name)\n\nAfter."))
        #expect(!Self.body(r.html).contains("\\\(name)"))
    }

    @Test func layoutCommandInsideTextIsALocatedError() throws {
        let r = try Self.build("Before \\newpage after.\n")
        let e = r.diagnostics.first { $0.id == "tex.raw-command" }
        #expect(e?.location?.line == 3)
        #expect(e?.location?.column == 8)
        #expect(e?.notes.first?.message.contains("on a line of its own") == true)
    }

    @Test func listsOfFloatsJoinThePapersLists() throws {
        let r = try Self.build("\\listoffigures\n\n\\listoftables\n\n\\tableofcontents\n\n![A figure.](fig.png){#fig:a}\n\nSee @fig:a.\n")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(r.html.contains("<nav class=\"float-list\" aria-label=\"List of Figures\">"))
        #expect(r.html.contains("<nav class=\"float-list\" aria-label=\"List of Tables\">"))
        #expect(r.tex.components(separatedBy: "\\listoffigures").count == 2)
        #expect(r.tex.components(separatedBy: "\\listoftables").count == 2)
        #expect(r.tex.components(separatedBy: "\\tableofcontents").count == 2, "the contents are made once")
    }

    static let rawLaTeX = "```{=latex}\n\\vspace{2em}\\noindent\\rule{\\linewidth}{1pt}\n```\n\nText with `\\hfill`{=latex} a fill.\n"

    @Test func rawLaTeXNeedsTheSwitch() throws {
        let r = try Self.build(Self.rawLaTeX)
        let errors = r.diagnostics.filter { $0.id == "raw.latex" }
        #expect(errors.map { $0.location.map { "\($0.line):\($0.column)" } ?? "" } == ["3:1", "7:12"])
        #expect(errors.first?.notes.first?.message.contains("raw-latex: true") == true)
    }

    @Test func rawLaTeXGoesToLaTeXOnly() throws {
        let r = try Self.build(Self.rawLaTeX, manifest: "raw-latex: true\n")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(r.tex.contains("\\vspace{2em}\\noindent\\rule{\\linewidth}{1pt}\n"))
        #expect(r.tex.contains("Text with \\hfill a fill."))
        #expect(!r.html.contains("vspace") && !r.html.contains("hfill"))
        #expect(Self.body(r.html).contains("Text with  a fill."))
    }

    @Test func untrustedBuildsRefuseRawLaTeX() throws {
        let r = try Self.build(Self.rawLaTeX, manifest: "raw-latex: true\n", untrusted: true)
        #expect(r.diagnostics.contains { $0.id == "untrusted.ignored" && $0.message.contains("raw-latex") })
        #expect(r.diagnostics.contains { $0.id == "raw.latex" })
    }

    @Test func rawHTMLFollowsTheRawHTMLSwitch() throws {
        let chapter = "```{=html}\n<div><kbd>Side</kbd></div>\n```\n\nA `<b>bold</b>`{=html} word.\n"
        let off = try Self.build(chapter)
        #expect(off.diagnostics.filter { $0.id == "html.as-text" }.count == 2)
        #expect(Self.body(off.html).contains("&lt;div&gt;&lt;kbd&gt;Side&lt;/kbd&gt;&lt;/div&gt;"))
        #expect(!off.tex.contains("kbd") && !off.tex.contains("bold"))
        let on = try Self.build(chapter, manifest: "raw-html: true\n")
        #expect(Self.chapter(on.diagnostics).isEmpty, "\(on.diagnostics)")
        #expect(Self.body(on.html).contains("<div><kbd>Side</kbd></div>"))
        #expect(Self.body(on.html).contains("A <b>bold</b> word."))
    }

    @Test func otherFormatsAreLeftOutWithAWarning() throws {
        let r = try Self.build("```{=openxml}\n<w:p/>\n```\n")
        let w = r.diagnostics.first { $0.id == "raw.other-format" }
        #expect(w?.severity == .warning)
        #expect(w?.location?.line == 3)
        #expect(!r.html.contains("w:p") && !r.tex.contains("w:p"))
    }
}
