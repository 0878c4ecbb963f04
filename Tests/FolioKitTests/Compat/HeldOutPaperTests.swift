import Foundation
import Testing
@testable import FolioKit

/// What a second held-out run over published JOSS papers found (issue 16): TeX inside an HTML tag,
/// plain TeX's `\cr`, TeX's logos in prose, and messages that quoted the wrong thing.
@Suite struct HeldOutPaperTests {
    /// slix: `I(<img src="…?math=\phi">)` holds no TeX command; the tag is raw HTML, reported as such.
    @Test func texInsideAnHTMLTagIsNoCommand() throws {
        let r = try PandocInputTests.build("# S\n\nA profile I(<img src=\"https://x.org/render?math=\\phi\">) and <!-- \\todo --> text [@a].\n")
        #expect(!r.diagnostics.contains { $0.id == "tex.raw-command" }, "\(r.diagnostics)")
        #expect(r.diagnostics.contains { $0.id == "html.as-text" && $0.location?.line == 3 })
        let bad = try PandocInputTests.build("# S\n\nA <b>bold</b> claim with \\phi in it [@a].\n")
        #expect(bad.diagnostics.contains { $0.id == "tex.raw-command" && $0.message.contains("\\phi") }, "TeX outside the tag is still found")
    }

    /// Text that only looks like a tag is text, as cmark reads it: its citations and TeX are still found.
    @Test func lessThanInProseIsNoTag() throws {
        let r = try PandocInputTests.build("# S\n\nFor n <k we cite [@a], and k > 2; also <b x=\"1\" y>bold</b> [@b].\n")
        #expect(r.html.contains("href=\"#ref-a\"") && r.html.contains("href=\"#ref-b\"") && !r.html.contains("[@a]"), "\(r.html)")
    }

    /// pyRISM: `\cr` ends an array's row, as `\\` does, in MathML and in LaTeX.
    @Test func plainTeXRowEnd() throws {
        let r = try PandocInputTests.build("# S\n\n$$f(x) = \\left\\{\\begin{array}{ll} 0 & x < 0\\cr 1 & x \\ge 0 \\end{array}\\right.$$\n\nText [@a].\n")
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
        #expect(r.html.components(separatedBy: "<mtr").count - 1 == 2, "two rows in MathML")
        #expect(r.tex.contains("0\\cr 1"))
    }

    /// `plain \LaTeX for equations`: the logo's name, in both outputs, never an error.
    @Test func texLogosInProse() throws {
        let r = try PandocInputTests.build("# S\n\nUse plain \\LaTeX for equations, \\TeX{} too [@a].\n")
        #expect(!r.diagnostics.contains { $0.severity == .error }, "\(r.diagnostics)")
        #expect(r.html.contains("Use plain LaTeX for equations, TeX too"), "\(r.html)")
        #expect(r.tex.contains("Use plain LaTeX for equations, TeX too"))
    }

    @Test func messagesQuoteWhatWasWritten() throws {
        let r = try PandocInputTests.build("""
            # S

            See [@a, @b], @Pearson:2017, @cl:x and \\autoref{fig:nope}.

            ![Cap \\label{fig:inline}](fig.png)
            and more text.

            """)
        let comma = r.diagnostics.first { $0.id == "citation.comma" }
        #expect(comma?.message.contains("pandoc does not") == true, "\(r.diagnostics)")
        let pearson = r.diagnostics.first { $0.id == "citation.unknown-key" && $0.message.contains("Pearson:2017") }
        #expect(pearson != nil && !(pearson?.notes.contains { $0.message.contains("prefix") } ?? true), "an author-year key is no prefix")
        let cl = r.diagnostics.first { $0.message.contains("'cl:x'") }
        #expect(cl?.notes.contains { $0.message.contains("custom prefixes") } == true, "\(r.diagnostics)")
        let autoref = r.diagnostics.first { $0.id == "crossref.undefined" }
        #expect(autoref?.message == "undefined cross-reference 'fig:nope' in '\\autoref{fig:nope}'")
        let label = r.diagnostics.first { $0.id == "tex.raw-command" && $0.message.contains("fig:inline") }
        #expect(label?.notes.first?.message.contains("shares its paragraph") == true, "\(r.diagnostics)")
    }
}
