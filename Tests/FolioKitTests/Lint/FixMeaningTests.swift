import Foundation
import Testing
@testable import FolioKit

/// `folio lint --fix` never changes what a text says (issue 16): on every fixture paper, on `Paper/`
/// and on generated prose full of repeats across sentences, lines and markup, the fixed text reads
/// the same words, except for a repeated word removed right after itself within a sentence.
@Suite struct FixMeaningTests {
    /// The rules whose fixes remove or respace text (term and spelling fixes substitute words by design).
    static let removing: Set<String> = ["prose.repeated-word", "prose.double-space"]

    /// The words and sentence punctuation a reader gets from a chapter, in order.
    static func tokens(_ text: String) -> [String] {
        let (doc, _) = CmarkParser.parse(text, file: "x.md")
        let plain = (doc.blocks + doc.footnotes.flatMap(\.content)).map { PlainText.of($0) }.joined(separator: " ¶ ")
        var out: [String] = []
        var word = ""
        for ch in plain {
            if ch.isLetter || ch.isNumber || ch == "'" || ch == "’" {
                word.append(ch)
                continue
            }
            if !word.isEmpty { out.append(word); word = "" }
            if ".!?:;¶".contains(ch) { out.append(String(ch)) }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    /// Whether `new` is `old` less some words, each the same word as the token right before it.
    static func onlyRepeatsRemoved(_ old: [String], _ new: [String]) -> Bool {
        var i = 0, j = 0
        while i < old.count {
            if j < new.count, old[i] == new[j] {
                i += 1; j += 1
            } else if i > 0, old[i].lowercased() == old[i - 1].lowercased(), old[i].first?.isLetter == true {
                i += 1
            } else {
                return false
            }
        }
        return j == new.count
    }

    /// Lints a paper, applies every removing fix, and checks each chapter.
    static func check(_ provider: any SourceProvider, _ what: String) {
        let result = LintPipeline.run(provider, profile: .draft)
        let findings = result.diagnostics.filter { removing.contains($0.id) }
        for file in LintFixer.plan(findings, sources: result.sources, force: true) where file.applied > 0 {
            let (old, new) = (tokens(file.oldText), tokens(file.newText))
            #expect(onlyRepeatsRemoved(old, new), "\(what): \(file.path) changed more than a repeated word")
        }
    }

    @Test(arguments: ["checklist", "citations", "crossref", "lang-ms", "lang-zh", "lint", "mini", "review"])
    func fixturePapers(_ name: String) {
        Self.check(DiskProvider(directory: TestPaths.fixtures.appendingPathComponent("papers/\(name)").path), name)
    }

    @Test func thePaper() {
        Self.check(DiskProvider(directory: TestPaths.packageRoot.appendingPathComponent("Paper").path), "Paper")
    }

    /// Generated prose: a seeded mix of repeated words at sentence ends, line breaks, commas, brackets
    /// and double spaces, where only a repeat inside a sentence may go. (Repeats next to code, emphasis
    /// and headings have tests of their own in `HostileInputTests`.)
    @Test func generatedProse() throws {
        var rng = TeXMathTests.SplitMix64(state: 16)
        let words = ["the", "The", "data", "samples", "Samples", "that", "model", "access", "and", "it", "is", "Paris"]
        let joins = [" ", " ", " ", "\n", ". ", ".\n", ", ", "; ", ": ", "? ", "! ", ",\n", "  ", " (", ") "]
        var chapter = "---\ntitle: G\n---\n\n"
        for _ in 0..<300 {
            var p = ""
            for _ in 0..<Int(rng.next() % 12 + 4) {
                let w = words[Int(rng.next() % UInt64(words.count))]
                p += w + (rng.next() % 3 == 0 ? " " + w : "") + joins[Int(rng.next() % UInt64(joins.count))]
            }
            chapter += p + "\n\n"
        }
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nback-matter: [g.md]\n")
        try s.write("P/g.md", chapter)
        let result = LintPipeline.run(DiskProvider(directory: s.url.appendingPathComponent("P").path), profile: .draft)
        let findings = result.diagnostics.filter { Self.removing.contains($0.id) }
        #expect(findings.count > 50, "the generated prose has repeats to fix")
        let plan = LintFixer.plan(findings, sources: result.sources, force: true)
        #expect(plan.first.map { Self.onlyRepeatsRemoved(Self.tokens($0.oldText), Self.tokens($0.newText)) } == true)
    }

    @Test func theCheckCatchesAChangeOfMeaning() {
        #expect(Self.onlyRepeatsRemoved(Self.tokens("It is is here."), Self.tokens("It is here.")))
        #expect(!Self.onlyRepeatsRemoved(Self.tokens("We took samples.\nSamples are kept."), Self.tokens("We took samples.\nare kept.")))
        #expect(!Self.onlyRepeatsRemoved(Self.tokens("It is here."), Self.tokens("It here.")))
    }
}

/// Precision of the link and heading rules on markdownlint's suite (issue 16): what a browser finds is
/// not a broken link, and a section named like its chapter is a repeat.
@Suite struct LinkAndHeadingPrecisionTests {
    @Test func percentEncodedFragmentsAndTheTopOfThePage() throws {
        let f = try LintHarness.lint(LintHarness.front + "## 标题\n\nSee [it](#%E6%A0%87%E9%A2%98), [top](#top) and [a span](#sp) [here]{#sp}.\n\n[Gone](#nowhere).\n")
        #expect(LintHarness.positions(f, "refs.broken-link") == ["10:1"])
    }

    /// markdownlint's MD052: a reference link whose label is not defined prints as written, so it is reported.
    @Test func undefinedReferenceLabels() throws {
        let f = try LintHarness.lint(LintHarness.front + "A [good][g] link, a [bad][missing] one, a [collapsed][] one,\nx[i][j], [sic] and `[a][b]`.\n\n[g]: https://example.org\n")
        #expect(LintHarness.positions(f, "link.undefined-reference") == ["6:21", "6:43"])
        #expect(f.first { $0.id == "link.undefined-reference" }?.message.contains("'[bad][missing]' is printed as written") == true)
    }

    @Test func aSectionNamedLikeItsChapterRepeatsIt() throws {
        let f = try LintHarness.lint("---\ntitle: Access\nowners: [wg]\n---\n\n## Access\n\nText.\n")
        #expect(LintHarness.positions(f, "structure.duplicate-heading") == ["6:1"])
    }
}
