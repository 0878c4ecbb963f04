import Foundation
import Testing
@testable import FolioKit

/// Input written for pandoc, pandoc-crossref and Manubot (issue 16): every citation and cross-reference
/// is linked wherever it stands, and raw TeX is read or refused with a located error, never printed.
@Suite struct PandocInputTests {
    static let bib = """
        @book{a, author = {Alpha, Ann}, title = {First}, publisher = {P}, year = {2020}}
        @book{b, author = {Beta, Ben}, title = {Second}, publisher = {P}, year = {2021}}
        @misc{url:https://example.org/x, title = {Web}, year = {2022}}
        """

    /// Builds one chapter; returns the HTML, the LaTeX and the diagnostics.
    static func build(_ chapter: String, manifest: String = "", untrusted: Bool = false) throws -> (html: String, tex: String, diagnostics: [Diagnostic]) {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nbibliography: [refs.bib]\nback-matter: [a.md]\n" + manifest)
        try s.write("P/refs.bib", bib)
        try s.write("P/a.md", chapter)
        try s.writePNG("P/fig.png")
        var request = BuildPipeline.Request(paperDirectory: s.url.appendingPathComponent("P").path,
                                            outputDirectory: s.url.appendingPathComponent("out").path, formats: [.html, .latex], profile: .draft)
        request.untrusted = untrusted
        let out = BuildPipeline.run(request)
        return (s.read("out/html/index.html") ?? "", s.read("out/latex/paper.tex") ?? "", out.diagnostics.diagnostics)
    }

    @Test func citationsAreLinkedWhereverTheyStand() throws {
        let r = try Self.build("""
            # About @sec:hdr

            ## Header {#sec:hdr}

            | A | B |
            |---|---|
            |@a | x |

            See [@a, @b] and mid [@b]: text, and @url:https://example.org/x here.

            ![A caption citing @a](fig.png){#fig:one}

            As @fig:one shows.
            """)
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
        #expect(r.diagnostics.map(\.id).contains("citation.comma"))
        #expect(r.html.contains("About <a href=\"#sec:hdr\">Section 1.1</a></h2>"))
        #expect(r.html.contains("<td><span id=\"cite-1\" class=\"citation\"><a href=\"#ref-a\">"))
        #expect(r.html.contains("<a href=\"#ref-b\">Beta 2021</a></span>) and mid ("))
        #expect(r.html.contains("<a href=\"#ref-url:https://example.org/x\">"))
        #expect(r.html.contains("A caption citing <span id=\"cite-"))
        // No citation key is left as text in either output.
        // An `@` that starts a word (not `\\folio@name` in the preamble's macros).
        let key = try NSRegularExpression(pattern: #"(?<![A-Za-z\\])@[A-Za-z]"#)
        for out in [r.html, r.tex] {
            #expect(key.firstMatch(in: out, range: NSRange(out.startIndex..., in: out)) == nil)
        }
    }

    @Test func texReferencesAndCitationsAreRead() throws {
        let r = try Self.build("""
            # T

            ## Header {#sec:hdr}

            ![Cap](fig.png){#fig:one}

            As \\autoref{fig:one} and \\ref{sec:hdr} show, after \\citet{a} and \\cite{a,b}. Not \\\\textbf{this}.
            """)
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
        #expect(r.html.contains("As <a href=\"#fig:one\">Figure 1.1</a> and <a href=\"#sec:hdr\">1.1</a> show"))
        #expect(r.tex.contains("As \\hyperref[fig:one]{Figure 1.1} and \\hyperref[sec:hdr]{1.1} show"))
        #expect(r.html.contains("after <span id=\"cite-1\" class=\"citation\"><a href=\"#ref-a\">Alpha (2020)</a></span>"))
        // An escaped backslash prints the command as text, as the author asked.
        #expect(r.html.contains("Not \\textbf{this}."))
        for out in [r.html, r.tex] { #expect(!out.contains("\\autoref") && !out.contains("\\cite{")) }
    }

    @Test(arguments: [
        ("Text \\newpage more.", "5:6", "on a line of its own"),
        ("A heading \\label{sec:x} here.", "5:11", "write {#sec:x} after"),
        ("Some \\textbf{bold} text.", "5:6", "write **bold**"),
        ("See \\listoffigures", "5:5", "lists: [figures, tables]"),
        ("\\listof{eq}", "5:1", "there is no list of 'eq'"),
        ("See \\unknowncommand{x}.", "5:5", "escape the backslash"),
    ])
    func otherTeXIsALocatedError(_ text: String, _ at: String, _ advice: String) throws {
        let r = try Self.build("# T\n\n\(text)\n".replacingOccurrences(of: "# T\n\n", with: "---\ntitle: T\n---\n\n"))
        let d = r.diagnostics.filter { $0.id == "tex.raw-command" }
        #expect(d.count == 1, "\(r.diagnostics)")
        #expect(d.first.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == at)
        #expect(d.first?.notes.first?.message.contains(advice) == true, "\(d.first?.notes ?? [])")
        #expect(d.first?.severity == .error)
    }
}

/// Every fixture paper that builds (the checklist fixture has errors on purpose) and `Paper/`: no cross-reference key and no TeX command is printed as text in
/// either output (code, math and text the source escaped aside).
@Suite struct NothingPrintedRawTests {
    static let papers = ["citations", "crossref", "lang-ms", "lang-zh", "mini", "review"]

    @Test(arguments: papers.map { TestPaths.fixtures.appendingPathComponent("papers/\($0)") } + [TestPaths.packageRoot.appendingPathComponent("Paper")])
    func noRawKeysOrTeX(_ paper: URL) throws {
        let s = try Scratch()
        defer { s.remove() }
        let out = BuildPipeline.run(.init(paperDirectory: paper.path, outputDirectory: s.url.path, formats: [.html, .latex], profile: .draft))
        #expect(!out.diagnostics.hasErrors, "\(out.diagnostics.diagnostics.filter { $0.severity == .error })")
        let html = Self.withoutCodeAndMath(s.read("html/index.html") ?? "")
        let tex = s.read("latex/paper.tex") ?? ""
        let key = try NSRegularExpression(pattern: #"(?<![A-Za-z\\])@(fig|tbl|sec|eq|lst|item|tab|thm)[:-][A-Za-z0-9]"#)
        let command = try NSRegularExpression(pattern: #"\\[A-Za-z]{2,}"#)
        let printed = try NSRegularExpression(pattern: #"\\textbackslash\{\}[A-Za-z]"#)
        func found(_ r: NSRegularExpression, _ text: String) -> String? {
            guard let m = r.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(m.range, in: text) else { return nil }
            let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
            return String(text[start..<range.upperBound])
        }
        #expect(found(key, html) == nil, "\(paper.lastPathComponent): \(found(key, html) ?? "")")
        #expect(found(key, tex.components(separatedBy: "\\begin{document}").last ?? "") == nil)
        #expect(found(command, html) == nil, "\(paper.lastPathComponent): \(found(command, html) ?? "")")
        #expect(found(printed, tex) == nil, "\(paper.lastPathComponent): \(found(printed, tex) ?? "")")
    }

    /// The page without `<code>`, `<pre>` and math, where TeX and keys are content.
    static func withoutCodeAndMath(_ html: String) -> String {
        var s = html
        for (open, close) in [("<pre", "</pre>"), ("<code", "</code>"), ("<math", "</math>"), ("<span class=\"math-tex", "</span>"),
                              ("<annotation", "</annotation>")] {
            while let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) {
                s.removeSubrange(a.lowerBound..<b.upperBound)
            }
        }
        return s
    }
}

extension PandocInputTests {
    /// A footnote definition's line is text: citations in it are read (`[^x]:` is not a link definition).
    @Test func citationsInAFootnoteDefinition() throws {
        let r = try Self.build("# T\n\nText.[^n]\n\n[^n]: As studied [@a; @b].\n")
        let uncited = r.diagnostics.filter { $0.id == "citation.uncited" }.map(\.message)
        #expect(!uncited.contains { $0.contains("'a'") || $0.contains("'b'") }, "\(uncited)")
        #expect(r.html.contains("As studied (<span id="))
    }
}

extension PandocInputTests {
    /// pandoc-crossref numbers a labelled equation inside a paragraph; so does Folio.
    @Test func labelledEquationInsideAParagraph() throws {
        let r = try Self.build("# T\n\nThe rule $$ x = 1 $$ {#eq:rule} holds, and $$ y $$ stays inline.\n\nSee @eq:rule.\n")
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
        #expect(r.html.contains("id=\"eq:rule\""))
        #expect(r.html.contains("<p>The rule</p>"))
        #expect(r.html.contains("<p>holds, and "))
        #expect(r.tex.contains("\\label{eq:rule}"))
    }
}

extension PandocInputTests {
    /// amsmath and amssymb commands pandoc papers use, in MathML and in LaTeX.
    @Test func commonMathCommands() throws {
        let r = try Self.build("# T\n\nOptimise $\\argmin_x f(x) \\lesssim \\pmb{y} \\gtrsim \\argmax z$ here.\n")
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
        #expect(r.html.contains("<mi>arg min</mi>") && r.html.contains("<mo>≲</mo>") && r.html.contains("mathvariant=\"bold-italic\""))
        #expect(r.tex.contains("\\(\\operatorname*{arg\\,min}_x f(x) \\lesssim \\pmb{y} \\gtrsim \\operatorname*{arg\\,max} z\\)"))
    }

    /// Every refused command of a formula is named at once.
    @Test func everyRefusedMathCommandAtOnce() throws {
        let r = try Self.build("# T\n\nBad $\\foo + \\bar{x} + \\baz + \\foo$.\n")
        let d = r.diagnostics.filter { $0.id == "math.unsafe" }
        #expect(d.count == 1)
        #expect(d.first?.message.hasPrefix("the commands \\foo, \\baz are not allowed in math") == true, "\(d)")
    }
}

extension PandocInputTests {
    /// A prefix in a group replaces the automatic word, as pandoc-crossref writes it.
    @Test func prefixReplacesTheWord() throws {
        let r = try Self.build("# T\n\n$$ a $$ {#eq:a}\n\n$$ b $$ {#eq:b}\n\nSee [Equation @eq:a; @eq:b] and [@eq:a; @eq:b].\n")
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
        #expect(r.html.contains("See Equation <a href=\"#eq:a\">(1.1)</a> and <a href=\"#eq:b\">(1.2)</a> and "), "\(r.html.components(separatedBy: "See ").last?.prefix(300) ?? "")")
        #expect(!r.html.contains("Equation eq"))
    }
}

extension PandocInputTests {
    /// pandoc-crossref's listing captions, before and after the code.
    @Test func listingCaptionsInBothPositions() throws {
        let r = try Self.build("# T\n\n: Before the code {#lst:one}\n\n```python\nprint(1)\n```\n\n```\nx = 2\n```\n\nListing: After the code {#lst:two}\n\nSee @lst:one and @lst:two.\n")
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
        #expect(r.html.contains("See <a href=\"#lst:one\">Listing 1.1</a> and <a href=\"#lst:two\">Listing 1.2</a>."))
        #expect(r.html.contains("Before the code") && r.html.contains("After the code"))
        #expect(!r.html.contains("{#lst:"))
    }
}

extension PandocInputTests {
    /// With `crossref: {compat: pandoc-crossref}`, an image without a label is a figure without a
    /// number, so the labelled figures after it keep pandoc-crossref's numbers.
    @Test func unlabelledFiguresUnnumberedInCompatMode() throws {
        let r = try Self.build("# T\n\n![Unlabelled](fig.png)\n\n![Labelled](fig.png){#fig:one}\n\nSee @fig:one.\n",
                               manifest: "crossref:\n  compat: pandoc-crossref\n")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        let (html, tex) = (r.html, r.tex)
        #expect(html.contains("<figcaption>Unlabelled</figcaption>"))
        #expect(html.contains("<span class=\"figure-label\">Figure 1.1:</span> Labelled"))
        #expect(html.contains("See <a href=\"#fig:one\">Figure 1.1</a>."))
        #expect(tex.contains("\\par\\medskip{\\small Unlabelled\\par}"))
    }
}
