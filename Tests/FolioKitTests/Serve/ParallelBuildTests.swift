import Foundation
import Testing
@testable import FolioKit

/// Chapters are parsed on several threads; the outputs and the diagnostics must not depend on it.
@Suite("Parallel builds")
struct ParallelBuildTests {
    func build(_ paper: URL, jobs: Int, out: URL) throws -> (String, [Diagnostic]) {
        var request = BuildPipeline.Request(paperDirectory: paper.path, outputDirectory: out.path, formats: [.html, .latex], profile: .draft)
        request.jobs = jobs
        let outcome = BuildPipeline.run(request)
        let html = (try? String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8)) ?? ""
        let tex = (try? String(contentsOf: out.appendingPathComponent("latex/paper.tex"), encoding: .utf8)) ?? ""
        return (html + tex, outcome.diagnostics.diagnostics)
    }

    @Test("Paper/ and a generated 60-chapter corpus give the same bytes and diagnostics on 1 and 4 threads")
    func sameBytes() throws {
        let s = try Scratch()
        defer { s.remove() }
        let corpus = s.url.appendingPathComponent("corpus")
        let gen = try ProcessRunner.run("/usr/bin/env", ["python3", TestPaths.packageRoot.appendingPathComponent("scripts/gen-bench-paper.py").path,
                                                         corpus.path, "--chapters", "60", "--target-bytes", "900000",
                                                         "--citations", "600", "--crossrefs", "300"], in: s.url.path)
        #expect(gen.status == 0, "\(gen.output)")
        // Cross-references are rewritten side by side: errors from several chapters must keep their order.
        let errors = s.url.appendingPathComponent("errors")
        try FileManager.default.createDirectory(at: errors.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        var manifest = "title: Errors in order\nback-matter:\n"
        for n in 1...6 {
            manifest += "  - chapters/\(n).md\n"
            let text = "---\ntitle: Chapter \(n)\n---\n\nSee @sec:missing-\(n) and [@tbl:gone-\(n)], then @sec:c\(n % 6 + 1).\n\n"
                + "## Section {#sec:c\(n)}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n: Never cited {#tbl:t\(n)}\n"
            try text.write(to: errors.appendingPathComponent("chapters/\(n).md"), atomically: true, encoding: .utf8)
        }
        try manifest.write(to: errors.appendingPathComponent("folio.yaml"), atomically: true, encoding: .utf8)
        for paper in [TestPaths.packageRoot.appendingPathComponent("Paper"), corpus, errors] {
            let (one, d1) = try build(paper, jobs: 1, out: s.url.appendingPathComponent("one"))
            for round in 0..<3 {
                let (four, d4) = try build(paper, jobs: 4, out: s.url.appendingPathComponent("four\(round)"))
                #expect(one.count > 10_000 || paper == errors)
                #expect(paper != errors || d1.filter { $0.id == "crossref.undefined" }.count == 12, "\(d1.map(\.message))")
                #expect(four == one, "\(paper.lastPathComponent): a parallel build differs (round \(round))")
                #expect(d4 == d1, "\(paper.lastPathComponent): diagnostics differ")
            }
        }
    }

    @Test("Citations formatted side by side, from the plan, match the one-thread fold in all three styles",
          arguments: ["author-date", "numeric", "notes"])
    func citationsSideBySide(style: String) throws {
        let s = try Scratch()
        defer { s.remove() }
        let paper = s.url.appendingPathComponent("paper")
        try FileManager.default.createDirectory(at: paper.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        let keys = (1...12).map { "k\($0)" }
        let bib = keys.enumerated().map { n, k in
            "@book{\(k), author = {Author\(n) Surname\(n % 4)}, title = {Title \(n)}, year = {20\(10 + n % 3)}, publisher = {P}}\n"
        }.joined()
        try bib.write(to: paper.appendingPathComponent("refs.bib"), atomically: true, encoding: .utf8)
        let chapters = [
            // Ranges, locators, in-text and suppressed authors, and an author's id that takes an
            // anchor's ("cite-3").
            "# One\n\nFirst [@k1; @k2; @k3] and [@k3; @k1, p. 3]. @k4 says so [-@k2].\n\n## Taken {#cite-3}\n\n"
                + "*Inner [@k5]* before outer [@k6].[^a]\n\n"
                + "[^a]: A note citing [@k7], and another note[^b].\n\n[^b]: Deeper [see @k8, chap. 2].\n",
            // Citations in a table, a list and a quote; a note nothing references.
            "# Two\n\n| a | b |\n|---|---|\n| [@k9] | [@k1; @k2] |\n\n- item [@k10]\n- item @k3\n\n"
                + "> quoted [@k11; @k12; @k2]\n\n[^lone]: Never referenced [@k4].\n",
            "# Three\n\nNo citations here.\n",
            "# Four\n\nAgain [@k1; @k2; @k3; @k4; @k5] and [@k12], in the text @k11.[^c]\n\n[^c]: Full or short [@k9; @k10].\n",
        ]
        var manifest = "title: Side by side\nbibliography: [refs.bib]\ncitation-style: \(style)\nback-matter:\n"
        for (n, text) in chapters.enumerated() {
            manifest += "  - chapters/\(n).md\n"
            try text.write(to: paper.appendingPathComponent("chapters/\(n).md"), atomically: true, encoding: .utf8)
        }
        try manifest.write(to: paper.appendingPathComponent("folio.yaml"), atomically: true, encoding: .utf8)
        let misses = Citations.planMisses.value
        let (one, d1) = try build(paper, jobs: 1, out: s.url.appendingPathComponent("one"))
        let (three, d3) = try build(paper, jobs: 3, out: s.url.appendingPathComponent("three"))
        #expect(one.contains("cite-3-1"), "the author's id moves the third anchor aside")
        #expect(three == one, "\(style): formatting side by side differs from the fold")
        #expect(d3 == d1, "\(style): diagnostics differ")
        // A group with an unknown key numbers and anchors nothing; its error keeps its place.
        try (chapters[2] + "\nUnknown [@nokey; @k1] and [@k2; @gone].\n")
            .write(to: paper.appendingPathComponent("chapters/2.md"), atomically: true, encoding: .utf8)
        let (_, u1) = try build(paper, jobs: 1, out: s.url.appendingPathComponent("u1"))
        let (_, u3) = try build(paper, jobs: 3, out: s.url.appendingPathComponent("u3"))
        #expect(u1.filter { $0.id == "citation.unknown-key" }.count == 2)
        #expect(u3 == u1, "\(style): diagnostics differ with unknown keys")
        #expect(Citations.planMisses.value == misses, "\(style): a chapter's formatting disagreed with the plan")
    }

    @Test("A block's inline lists are read in the order mapInlines rewrites them")
    func inlineListsInRewriteOrder() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Paper/chapters/01-introduction.md"), encoding: .utf8)
            + "\n\n*a [@x] **b [@y]*** [@z] [x](#y)\n\n| [@t] | *[@u]* |\n|---|---|\n| c | d |\n\n> - [@v]\n\n::: {.note}\nIn a div [@w].\n:::\n"
        let (doc, _) = CmarkParser.parse(text, file: "t.md")
        #expect(doc.blocks.count > 10)
        for block in doc.blocks {
            var rewritten: [[Inline]] = []
            _ = block.mapInlines { list in
                rewritten.append(list)
                return list
            }
            var read: [[Inline]] = []
            block.forEachInlineList { read.append($0) }
            #expect(read == rewritten)
        }
    }
}

