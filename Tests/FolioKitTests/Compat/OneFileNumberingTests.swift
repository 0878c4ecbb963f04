import Foundation
import Testing
@testable import FolioKit

/// How a one-file pandoc-crossref paper numbers, from a held-out run over pandoc-crossref's own tests
/// (issue 16): with no title, `# Title {-}`, text before the first `#`, `autoEqnLabels` with
/// equations inside paragraphs, and `folio render` of a file whose only sign is its labels.
@Suite struct OneFileNumberingTests {
    static func render(_ markdown: String) throws -> (html: String, stderr: String, status: Int32) {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("input.md", markdown)
        try s.writePNG("a.png")
        let r = try CLI.run(["render", "input.md"], in: s.url)
        return (r.stdout, r.stderr, r.status)
    }

    @Test func labelsAloneMakeAPaper() throws {
        let r = try Self.render("![A](a.png){#fig:a}\n\nSee @fig:a.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.html.contains("<p>See <a href=\"#fig:a\">Figure 1</a>.</p>"), "\(r.html)")
        #expect(!r.html.contains("{#fig:a}") && !r.html.contains("@fig:a"), "no raw label or key")
    }

    /// pandoc-crossref's demo: `autoSectionLabels` lets `@sec:wrapping-div` name `## Wrapping div`.
    @Test func autoSectionLabels() throws {
        let r = try Self.render("---\nautoSectionLabels: True\n---\n\n# Code blocks\n\n## Wrapping div\n\nSee @sec:wrapping-div and @sec:code-blocks.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.html.contains("id=\"sec:wrapping-div\"") && r.html.contains("<a href=\"#sec:wrapping-div\">"), "\(r.html)")
        #expect(r.html.contains("<a href=\"#sec:code-blocks\">"), "\(r.html)")
        let off = try Self.render("---\nchapters: true\n---\n\n# Code blocks\n\n## Wrapping div\n\nSee @sec:wrapping-div.\n")
        #expect(off.status != 0 && off.stderr.contains("undefined cross-reference '@sec:wrapping-div'"), "without the setting, ids have no prefix")
    }

    @Test func everyHeadingOpensAChapterWithoutATitle() throws {
        let r = try Self.render("---\nchapters: true\n---\n\n# One\n\n![A](a.png){#fig:a}\n\n# Two\n\n![B](a.png){#fig:b}\n\nSee @fig:b.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.html.contains(">Figure 2.1</a>"), "\(r.html)")
        #expect(!r.stderr.contains("chapter.extra-title"), "\(r.stderr)")
    }

    @Test func anUnnumberedChapterTakesNoNumber() throws {
        let r = try Self.render("---\ntitle: T\nchapters: true\n---\n\n# Intro {-}\n\n![A](a.png){#fig:a}\n\n# One\n\n![B](a.png){#fig:b}\n\nSee @fig:a and @fig:b.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.html.contains(">Figure 1</a> and <a href=\"#fig:b\">Figure 1.1</a>"), "\(r.html)")
        #expect(r.html.contains("<span class=\"chapnum\">Chapter 1</span> One</h2>"), "\(r.html)")
    }

    /// Floats in an unnumbered chapter go on from the chapter before, so no number is used twice.
    @Test func unnumberedChaptersNeverRepeatANumber() throws {
        let r = try Self.render("---\ntitle: T\nchapters: true\n---\n\n# One\n\n![A](a.png){#fig:a}\n\n# Aside {-}\n\n![B](a.png){#fig:b}\n\n# Two\n\n![C](a.png){#fig:c}\n\n# Notes {-}\n\n![D](a.png){#fig:d}\n\nSee @fig:a, @fig:b, @fig:c and @fig:d.\n")
        #expect(r.status == 0, "\(r.stderr)")
        for (id, number) in [("a", "1.1"), ("b", "1.2"), ("c", "2.1"), ("d", "2.2")] {
            #expect(r.html.contains("<a href=\"#fig:\(id)\">Figure \(number)</a>"), "fig:\(id): \(r.html)")
        }
    }

    @Test func textBeforeTheFirstHeadingIsNotChapterOne() throws {
        let r = try Self.render("---\ntitle: T\nauthor: Ann\n---\n\nSee @sec:one.\n\n# One {#sec:one}\n\nText.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.html.contains("<a href=\"#sec:one\">Chapter 1</a>"), "\(r.html)")
    }

    @Test func autoEqnLabelsNumbersEquationsInsideParagraphs() throws {
        let r = try Self.render("---\nautoEqnLabels: true\n---\n\nText $$ a $$ more.\n\n$$ b $$ {#eq:b}\n\nSee @eq:b.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.html.contains(">Equation (2)</a>"), "\(r.html)")
        #expect(r.html.contains("<p>Text</p>") && r.html.contains("<p>more.</p>"), "the text around stays paragraphs: \(r.html)")
    }

    /// The form pandoc-crossref writes in its own output: a span holding only display math.
    @Test func anEquationInASpanIsLabelled() throws {
        let r = try Self.render("Before.\n\n[$$y = e^x$$]{#eq:y}\n\nSee @eq:y.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.html.contains("id=\"eq:y\"") && r.html.contains(">Equation (1)</a>"), "\(r.html)")
    }

    @Test func whatMakesAFileAPaper() {
        #expect(PandocMetadata.usesCrossReferences("See [@eqn:0; @eqn:1].\n"))
        #expect(PandocMetadata.usesCrossReferences("$$ x $$ {#eq:x}\n"))
        #expect(PandocMetadata.usesCrossReferences("Like [@nonexistent:ref].\n"), "a bracketed citation")
        #expect(!PandocMetadata.usesCrossReferences("Like @nonexistent:ref.\n"), "not a prefix Folio reads")
        #expect(!PandocMetadata.usesCrossReferences("Mail me@example.org: soon, at 10:30.\n"))
        #expect(!PandocMetadata.usesCrossReferences("Chat at @folio:matrix.org.\n"))
        #expect(!PandocMetadata.usesCrossReferences("```html\n<my-input @update:modelValue=\"save\"/>\n```\n\nAnd `@fig:x` in code.\n"))
        #expect(!PandocMetadata.usesCrossReferences("# Heading {#intro}\n"))
    }
}
