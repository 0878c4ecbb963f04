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
}
