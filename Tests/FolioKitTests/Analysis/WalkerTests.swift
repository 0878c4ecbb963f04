import Testing
@testable import FolioKit

/// The walker and rewriter descend by default: a pass overrides only the kinds it cares about.
@Suite struct WalkerTests {
    static func parse(_ text: String) -> MarkdownDocument {
        CmarkParser.parse(text, file: "w.md").0
    }

    struct LinkCounter: MarkupWalker {
        var destinations: [String] = []
        mutating func visitInline(_ inline: InPlace<Inline>) {
            if case .link(let d, _, _) = inline.kind { destinations.append(d) }
            descend(into: inline)
        }
    }

    struct Shout: MarkupRewriter {
        mutating func rewriteInlines(_ inlines: [Inline]) -> [Inline] {
            inlines.map { node in
                guard case .text(let s) = node.kind else { return node }
                return Inline(.text(s.uppercased()), range: node.range)
            }
        }
    }

    @Test func walkersReachNestedContent() {
        let doc = Self.parse("> - *see [a](#a)*\n>\n> | x |\n> |---|\n> | [b](#b) |\n\n[^n]\n\n[^n]: [c](#c)\n")
        var w = LinkCounter()
        w.walk(doc.blocks + doc.footnotes.flatMap(\.content))
        #expect(w.destinations == ["#a", "#b", "#c"])
    }

    @Test func rewritersRebuildEveryInlineList() {
        let doc = Self.parse("# Title *em*\n\n> quoted **strong [link](#x)**\n\n| cell |\n|---|\n| body |\n")
        var r = Shout()
        let out = r.rewrite(doc.blocks)
        var texts: [String] = []
        for b in out { b.forEachInline { if case .text(let s) = $0.kind { texts.append(s) } } }
        #expect(texts.allSatisfy { $0 == $0.uppercased() } && texts.contains("LINK") && texts.contains("BODY"), "\(texts)")
        #expect([Inline(.emphasis([Inline(.text("a"), range: SourceRange(file: "", line: 1, column: 1)),
                                    Inline(.math(display: false, tex: "x^2"), range: SourceRange(file: "", line: 1, column: 1))]),
                        range: SourceRange(file: "", line: 1, column: 1))].plainText == "ax^2")
    }

    /// A rewrite that changes nothing hands back the lists it was given, storage and all; one that
    /// changes a nested list rebuilds the nodes above it and leaves the other lists alone.
    @Test func unchangedListsAreHandedBackNotCopied() {
        let doc = Self.parse("Text *em **strong [link](#x)*** and ~~del~~.\n\n# Head *h*\n\nPlain.\n")
        func paragraphs(_ blocks: [Block]) -> [[Inline]] {
            blocks.compactMap { b -> [Inline]? in
                switch b.kind {
                case .paragraph(let c): c
                case .heading(let h): h.content
                default: nil
                }
            }
        }
        let same = doc.blocks.map { $0.mapInlines { $0 } }
        #expect(zip(paragraphs(doc.blocks), paragraphs(same)).allSatisfy { $0.isSame(as: $1) })
        #expect(paragraphs(same).count == 3)

        // Upper-case only the link's text: the first paragraph changes, the heading and "Plain." do not.
        let shouted = doc.blocks.map { block in
            block.mapInlines { list in
                guard list.count == 1, case .text("link") = list[0].kind else { return list }
                return [Inline(.text("LINK"), range: list[0].range)]
            }
        }
        let (before, after) = (paragraphs(doc.blocks), paragraphs(shouted))
        #expect(!before[0].isSame(as: after[0]) && after[0] != before[0])
        #expect(before[1].isSame(as: after[1]) && before[2].isSame(as: after[2]))
        var texts: [String] = []
        shouted[0].forEachInline { if case .text(let s) = $0.kind { texts.append(s) } }
        #expect(texts.contains("LINK") && !texts.contains("link"), "\(texts)")
    }
}
