import Foundation
import Testing
@testable import FolioKit

/// Constructs from pandoc-crossref's own test inputs (issue 16), each as pandoc-crossref reads it.
@Suite struct PandocCrossrefTests {
    static func body(_ html: String) -> String { RawContentTests.body(html) }

    @Test func aCaptionAgainstItsCodeBlockWinsOverTheNextOnesCaption() throws {
        let r = try PandocInputTests.build("""
            # L

            : Caption 11 {#lst:c11}
            ```haskell
            x
            ```

            : Caption 12 {#lst:c12}

            ```haskell
            y
            ```

            See @lst:c11 and @lst:c12.
            """)
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        let html = Self.body(r.html)
        #expect(html.contains("Listing 1.1:</span> Caption 11</figcaption>\n<pre><code class=\"language-haskell\">x"))
        #expect(html.contains("Listing 1.2:</span> Caption 12</figcaption>\n<pre><code class=\"language-haskell\">y"))
        #expect(!html.contains("{#lst:"))
    }

    @Test func aFenceWithAnIdTakesTheCaptionAfterIt() throws {
        let r = try PandocInputTests.build("# L\n\n```{#lst:c3 .haskell}\nz\n```\n: Caption 3\n\nSee @lst:c3.\n")
        let html = Self.body(r.html)
        #expect(html.contains("<figure class=\"listing\" id=\"lst:c3\">\n<figcaption><span class=\"listing-label\">Listing 1.1:</span> Caption 3</figcaption>"))
        #expect(!html.contains(": Caption 3"))
    }

    @Test func aLabelWithoutAReservedPrefixIsStillAReference() throws {
        let r = try PandocInputTests.build("# E\n\n$$ x = 1 $$ {#eqn:0}\n\nSee @eqn:0 and [@eqn:0; @eqn:0].\n")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(Self.body(r.html).contains("See <a href=\"#eqn:0\">Equation (1.1)</a> and <a href=\"#eqn:0\">Equation (1.1)</a>."),
                "a repeated target is named once")
    }

    @Test func labelledDivsAroundATableAndAListing() throws {
        let r = try PandocInputTests.build("""
            # D

            ::: {#tbl:t}
            | a |
            |---|
            | 1 |

            : Wrapped table.
            :::

            <div id="lst:w" class="listing">
            Wrapped listing
            ```haskell
            main = pure ()
            ```
            </div>

            See @tbl:t and @lst:w.
            """)
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        let html = Self.body(r.html)
        #expect(html.contains("<a href=\"#tbl:t\">Table 1.1</a>") && html.contains("<a href=\"#lst:w\">Listing 1.1</a>"))
        #expect(html.contains("Listing 1.1:</span> Wrapped listing</figcaption>"))
        #expect(!html.contains("&lt;div"))
    }

    @Test(arguments: ["\\listoflistings", "\\listof{lst}"])
    func listsOfListings(_ command: String) throws {
        let r = try PandocInputTests.build("# L\n\n\(command)\n\n```{#lst:a caption=\"A.\"}\nx\n```\n\nSee @lst:a.\n")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(r.html.contains("aria-label=\"List of Listings\""))
        #expect(r.tex.contains("\\listoffolioListings"))
    }

    @Test func bracketedSpans() throws {
        let r = try PandocInputTests.build("# S\n\nA [*marked* text]{#cl:x .note} span, an empty []{} one, and [plain] brackets.\n")
        let html = Self.body(r.html)
        #expect(html.contains("A <span id=\"cl:x\" class=\"note\"><em>marked</em> text</span> span, an empty <span></span> one, and [plain] brackets."))
        #expect(r.tex.contains("A \\hypertarget{cl:x}{}\\emph{marked} text span"))
    }

    @Test func reviewMarksInsideASpan() throws {
        let r = try PandocInputTests.build("# S\n\nA [one {++two++} three]{.x} span.\n")
        #expect(Self.body(r.html).contains("<span class=\"x\">one <ins"), "\(Self.body(r.html))")
        #expect(!Self.body(r.html).contains("{++"))
    }

    @Test func subfigureGroupCaptionWithItsMarker() throws {
        let r = try PandocInputTests.build("# F\n\n::: {#fig:g}\n![A.](fig.png){#fig:ga}\n\n: Group caption.\n:::\n\nSee @fig:g.\n")
        #expect(r.html.contains("<span class=\"figure-label\">Figure 1.1:</span> Group caption.</figcaption>"))
    }

    @Test func numberingAttributesAreReported() throws {
        let r = try PandocInputTests.build("# N\n\n## Supplement {label=\"S\"}\n\n![A.](fig.png){#fig:a number=\"7\"}\n\nSee @fig:a.\n")
        #expect(r.diagnostics.filter { $0.id == "crossref.attribute" }.map { $0.location?.line ?? 0 } == [3, 5])
    }
}

extension PandocCrossrefTests {
    /// `@eqn:none` next to real `{#eqn:…}` labels is an undefined reference, not an unknown citation.
    @Test func anUndefinedKeyWithALabelsPrefixIsAnUndefinedReference() throws {
        let r = try PandocInputTests.build("# E\n\n$$ x $$ {#eqn:0}\n\nSee [@eqn:0; @eqn:none].\n")
        #expect(r.diagnostics.filter { $0.severity == .error }.map(\.id) == ["crossref.undefined"], "\(r.diagnostics)")
        #expect(r.diagnostics.first { $0.id == "crossref.undefined" }?.message.contains("@eqn:none") == true)
    }

    @Test func theDivsLabelWinsOverTheCaptions() throws {
        let r = try PandocInputTests.build("# D\n\n::: {#tbl:t}\n| a |\n|---|\n| 1 |\n\n: Caption. {#quux}\n:::\n\nSee @tbl:t.\n")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(r.html.contains("<table id=\"tbl:t\">"))
    }

    /// pandoc's `#.` list markers number the list, as `1.` does in CommonMark.
    @Test func hashListMarkers() throws {
        let r = try PandocInputTests.build("# L\n\n#. First\n#. Second\n\n```\n#. code\n```\n\n    #. indented code\n")
        #expect(Self.body(r.html).contains("<ol>\n<li>First</li>\n<li>Second</li>\n</ol>"))
        #expect(Self.body(r.html).contains("<code>#. code"))
        #expect(Self.body(r.html).contains("<code>#. indented code"))
    }
}
