import Foundation
import Testing
@testable import FolioKit

/// pandoc-crossref's subfigures (issue 16): a `fig:` div of images is one figure, its images "1a",
/// "1b"… in both outputs, in both of pandoc-crossref's spellings.
@Suite struct SubfigureTests {
    static let fenced = """
        # Figures

        ::: {#fig:pair}
        ![Left part.](fig.png){#fig:pairA}
        ![Right part.](fig.png){#fig:pairB}

        Both parts.
        :::

        ![Alone.](fig.png){#fig:alone}

        See @fig:pair, @fig:pairB and @fig:alone.
        """

    static let html = """
        # Figures

        <div id="fig:pair">
        ![Left part.](fig.png){#fig:pairA}

        ![Right part.](fig.png){#fig:pairB}

        Both parts.
        </div>

        ![Alone.](fig.png){#fig:alone}

        See @fig:pair, @fig:pairB and @fig:alone.
        """

    @Test(arguments: [fenced, html])
    func subfiguresAreNumberedWithLetters(_ chapter: String) throws {
        let r = try PandocInputTests.build(chapter)
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(r.html.contains("<a href=\"#fig:pair\">Figure 1.1</a>"))
        #expect(r.html.contains("<a href=\"#fig:pairB\">Figure 1.1b</a>"))
        #expect(r.html.contains("<a href=\"#fig:alone\">Figure 1.2</a>"), "the group takes one number")
        #expect(r.html.contains("<figure id=\"fig:pair\" class=\"subfigures\">"))
        #expect(r.html.contains("<figure class=\"subfigure\" id=\"fig:pairA\">"))
        #expect(r.html.contains("<span class=\"subfigure-label\">(b)</span> Right part."))
        #expect(r.html.contains("<span class=\"figure-label\">Figure 1.1:</span> Both parts."))
        #expect(r.tex.contains("{\\small (a) Left part.\\par}\\phantomsection\\label{fig:pairA}"))
        #expect(r.tex.contains("\\caption[Both parts.]{Both parts.}\\label{fig:pair}"))
        #expect(r.tex.contains("\\hyperref[fig:pairB]{Figure 1.1b}"))
        #expect(!r.html.contains("&lt;div"), "the HTML form is read, not shown")
    }

    @Test func anythingButImagesAndOneCaptionIsALocatedError() throws {
        let r = try PandocInputTests.build("# F\n\n::: {#fig:g}\n![A.](fig.png)\n\n- a list\n\nCaption.\n\nAnother caption.\n:::\n")
        let errors = r.diagnostics.filter { $0.id == "figure.subfigures" }
        #expect(errors.map { $0.location?.line ?? 0 } == [6, 10])
    }

    @Test func aFigDivWithoutImagesIsNotAFigure() throws {
        let r = try PandocInputTests.build("# F\n\n::: {#fig:text}\nJust text.\n:::\n")
        let e = r.diagnostics.first { $0.id == "label.prefix-mismatch" }
        #expect(e?.location?.line == 3, "\(r.diagnostics)")
    }

    /// A subfigure's image problem is reported at its own line, not at the group's.
    @Test func aSubfigureImageIsLocatedAtItsLine() throws {
        let r = try PandocInputTests.build("# F\n\n::: {#fig:g}\n![A.](/tmp/a.png){#fig:ga}\n\n![B.](missing.png){#fig:gb}\n\nBoth.\n:::\n\nSee @fig:g.\n")
        let outside = r.diagnostics.first { $0.id == "image.outside" }
        let missing = r.diagnostics.first { $0.id == "image.missing" }
        #expect(outside?.location?.line == 4 && missing?.location?.line == 6, "\(r.diagnostics)")
    }

    /// pandoc-crossref's custom prefixes (`@cl:x`) are named as such, not blamed on the bibliography.
    @Test func aCustomPrefixSaysWhatItIs() throws {
        let r = try PandocInputTests.build("# F\n\nAs in [@cl:group].\n")
        let e = r.diagnostics.first { $0.id == "citation.unknown-key" }
        #expect(e?.notes.contains { $0.message.contains("'cl:' is not a cross-reference prefix") } == true, "\(r.diagnostics)")
    }

    @Test func lettersGoOnPastZ() {
        #expect(Resolver.letters(0) == "a" && Resolver.letters(25) == "z" && Resolver.letters(26) == "aa" && Resolver.letters(27) == "ab")
    }
}
