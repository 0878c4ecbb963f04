import Testing
@testable import FolioKit

/// Math and citation syntax found before cmark-gfm, with exact positions.
@Suite struct PreprocessorTests {
    func inlines(_ md: String) -> [Inline] {
        let (doc, _) = CmarkParser.parse(md, file: "t.md")
        guard case .paragraph(let c) = doc.blocks.first?.kind else { return [] }
        return c
    }

    func maths(_ md: String) -> [String] {
        inlines(md).compactMap { if case .math(_, let t) = $0.kind { t } else { nil } }
    }

    func citations(_ md: String) -> [CitationGroup] {
        var out: [CitationGroup] = []
        let (doc, _) = CmarkParser.parse(md, file: "t.md")
        for b in doc.blocks { b.forEachInline { if case .citation(let g) = $0.kind { out.append(g) } } }
        return out
    }

    @Test func mathBeatsEmphasis() {
        #expect(maths("Let $a_1 * b_2$ and $c_3 * d_4$ hold.") == ["a_1 * b_2", "c_3 * d_4"])
    }

    @Test func dollarsThatAreNotMath() {
        #expect(maths("It cost US$5 million, then $20,000 and $30,000.").isEmpty)
        #expect(maths("Escaped \\$x$ and `$y$` in code.").isEmpty)
        #expect(maths("A lone $ sign.").isEmpty)
    }

    @Test func displayMathWithLabel() {
        let (doc, _) = CmarkParser.parse("$$\nx = 1\n$$ {#eq:one}\n\nAfter.\n", file: "t.md")
        guard case .equation(let e) = doc.blocks.first?.kind else { Issue.record("no equation"); return }
        #expect(e.tex == "x = 1")
        #expect(e.attributes.id == "eq:one")
        #expect(doc.blocks.last?.range.start.line == 5, "lines after multi-line math keep their numbers")
    }

    @Test func citationGroups() {
        let g = citations("See [see @a, pp. 33–35; also -@b, chap. 2] and @c [p. 4] and @{odd.key:x}.")
        #expect(g.count == 3)
        #expect(g[0].items.map(\.key) == ["a", "b"])
        #expect(g[0].items[0].prefix == "see")
        #expect(g[0].items[0].suffix == ", pp. 33–35")
        #expect(g[0].items[1].suppressAuthor)
        #expect(g[0].items[1].prefix == "also")
        #expect(g[1].inText && g[1].items[0].suffix == "p. 4")
        #expect(g[2].items[0].key == "odd.key:x")
        #expect(g[0].items[0].location == SourceLocation(file: "t.md", line: 1, column: 10))
    }

    @Test func thingsThatAreNotCitations() {
        #expect(citations("Mail policy@imda.gov.sg or see https://x.org/@user.").isEmpty)
        #expect(citations("Code `@a` and\n\n```\n@b [@c]\n```\n").isEmpty)
        #expect(citations("A [link @a](https://x.org) and\n[@b]: https://ref.example").isEmpty)
        // As pandoc: `[@b]:` is a link definition only at a line's start, and an image's text is a caption.
        #expect(citations("Mid [@b]: text and ![img @c](x.png)").map { $0.items[0].key } == ["b", "c"])
        #expect(citations("Footnote[^a].\n\n[^a]: Note.\n").isEmpty)
    }

    @Test func keysStopBeforeTrailingPunctuation() {
        #expect(citations("As @smith2020. And @doe:x, too.").map { $0.items[0].key } == ["smith2020", "doe:x"])
    }

    @Test func placeholdersNeverLeakIntoCodeOrURLs() {
        let (doc, _) = CmarkParser.parse("    indented $x$ @a\n\n[t](https://x.org/$a$/@b)\n", file: "t.md")
        guard case .codeBlock(_, let literal) = doc.blocks.first?.kind else { Issue.record("no code"); return }
        #expect(literal == "indented $x$ @a\n")
        guard case .paragraph(let c) = doc.blocks.last?.kind, case .link(let dest, _, _) = c.first?.kind else {
            Issue.record("no link")
            return
        }
        #expect(dest == "https://x.org/$a$/@b")
    }

    @Test func inputPlaceholderCharactersAreNeutralised() {
        let md = "Sneaky \u{F0000}0\u{F0001} text $x$.\n"
        #expect(maths(md) == ["x"])
        #expect(inlines(md).plainText.contains("\u{FFFD}0\u{FFFD}"))
    }

    @Test func calloutsFromAlertsAndDivs() {
        let (doc, _) = CmarkParser.parse("> [!TIP] Try this {#tip:t}\n> Body.\n\n::: {.callout-caution title=\"Careful\"}\nText.\n:::\n", file: "t.md")
        guard case .callout(let a) = doc.blocks.first?.kind, case .callout(let b) = doc.blocks.last?.kind else {
            Issue.record("no callouts: \(doc.blocks.map(\.kind))")
            return
        }
        #expect(a.kind == .tip && a.attributes.id == "tip:t" && a.title.plainText == "Try this")
        #expect(b.kind == .caution && b.title.plainText == "Careful")
    }

    @Test func tableCaptionsBeforeAndAfter() {
        let (doc, _) = CmarkParser.parse(": Before. {#tbl:a}\n\n| x |\n|---|\n| 1 |\n\n| y |\n|---|\n| 2 |\n\nTable: After. {#tbl:b}\n", file: "t.md")
        let tables = doc.blocks.compactMap { b -> Table? in if case .table(let t) = b.kind { t } else { nil } }
        #expect(tables.map { $0.attributes.id } == ["tbl:a", "tbl:b"])
        #expect(tables.map { $0.caption?.plainText } == ["Before.", "After."])
        #expect(doc.blocks.count == 2)
    }
}
