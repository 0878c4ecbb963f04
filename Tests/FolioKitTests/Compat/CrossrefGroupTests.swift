import Foundation
import Testing
@testable import FolioKit

/// Groups of cross-references as pandoc-crossref users write them (issue 16): sorted and compressed
/// on request (the default in pandoc-crossref's compatibility mode), and one "and" for a group of kinds.
@Suite struct CrossrefGroupTests {
    static let chapter = """
        # Groups

        ![A.](fig.png){#fig:a}

        ![B.](fig.png){#fig:b}

        ![C.](fig.png){#fig:c}

        | x |
        |---|
        | 1 |

        : T. {#tbl:t}

        Unsorted: [@fig:c; @fig:a; @fig:b]. Mixed: [@fig:a; @fig:b; @tbl:t]. Pair: [@fig:b; @fig:a].
        """

    static func sentence(_ html: String, _ start: String) -> String {
        guard let r = html.range(of: start) else { return "" }
        let rest = String(html[r.upperBound...].prefix { $0 != "\n" })
        let text = rest.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        let sentence = text.range(of: ". ").map { String(text[..<$0.lowerBound]) } ?? String(text.dropLast(text.hasSuffix(".") ? 1 : 0))
        return sentence.trimmingCharacters(in: .whitespaces)
    }

    @Test func writtenOrderByDefault() throws {
        let r = try PandocInputTests.build(Self.chapter)
        #expect(Self.sentence(r.html, "Unsorted:") == "Figures 1.3, 1.1 and 1.2")
        #expect(Self.sentence(r.html, "Pair:") == "Figures 1.2 and 1.1")
    }

    @Test(arguments: ["crossref:\n  sort: true\n", "crossref:\n  compat: pandoc-crossref\n"])
    func sortedAndCompressed(_ manifest: String) throws {
        let r = try PandocInputTests.build(Self.chapter, manifest: manifest)
        #expect(Self.sentence(r.html, "Unsorted:") == "Figures 1.1–1.3")
        #expect(Self.sentence(r.html, "Pair:") == "Figures 1.1 and 1.2")
        #expect(r.tex.contains("Figures \\hyperref[fig:a]{1.1}–\\hyperref[fig:c]{1.3}"))
    }

    @Test func aGroupOfKindsHasOneAnd() throws {
        let r = try PandocInputTests.build(Self.chapter)
        #expect(Self.sentence(r.html, "Mixed:") == "Figures 1.1, 1.2 and Table 1.1")
    }

    @Test func numberOrder() {
        #expect(CrossReferences.precedes("1.2", "1.10"))
        #expect(CrossReferences.precedes("9", "A.1"))
        #expect(CrossReferences.precedes("3.1a", "3.1b"))
        #expect(!CrossReferences.precedes("2", "1.5"))
    }
}

extension CrossrefGroupTests {
    /// pandoc-crossref numbers only labelled tables and listings; in its compatibility mode Folio too,
    /// and both writers show the caption without a number.
    @Test func unlabelledTablesAndListingsInCompatMode() throws {
        let chapter = "# T\n\n| x |\n|---|\n| 1 |\n\n: Unlabelled.\n\n| y |\n|---|\n| 2 |\n\n: Labelled. {#tbl:b}\n\n```\ncode\n```\n\n: Unlabelled code.\n\nSee @tbl:b.\n"
        let compat = try PandocInputTests.build(chapter, manifest: "crossref:\n  compat: pandoc-crossref\n")
        #expect(compat.html.contains("<a href=\"#tbl:b\">Table 1.1</a>"))
        #expect(compat.html.contains("<caption>Unlabelled.</caption>"))
        #expect(compat.tex.contains("\\caption*{Unlabelled.}"))
        #expect(compat.tex.contains("{\\small Unlabelled code.\\par}"))
        let folio = try PandocInputTests.build(chapter)
        #expect(folio.html.contains("<a href=\"#tbl:b\">Table 1.2</a>"), "Folio numbers every captioned table")
    }
}
