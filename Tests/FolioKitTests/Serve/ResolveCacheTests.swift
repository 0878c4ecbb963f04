import Foundation
import Testing
@testable import FolioKit

/// The preview keeps resolved chapters between builds (`ResolveCache`): after any edit, a build that
/// keeps them writes the same bytes and reports the same diagnostics as a fresh build, and a one-word
/// edit resolves only the edited chapter again. Steps are counted, not timed.
@Suite("Resolve cache")
struct ResolveCacheTests {
    struct Built: Equatable {
        var text: String
        var diagnostics: [String]
    }

    static func build(_ paper: URL, out: URL, parse: ParseCache?, resolve: ResolveCache?, validation: ValidationCache? = nil) throws -> Built {
        var request = BuildPipeline.Request(paperDirectory: paper.path, outputDirectory: out.path, formats: [.html, .latex], profile: .draft)
        request.cache = parse
        request.resolveCache = resolve
        request.validationCache = validation
        let outcome = BuildPipeline.run(request)
        let diagnostics = outcome.diagnostics.sorted.map { "\($0.location.map(\.description) ?? "") \($0.id) \($0.message)" }
        guard !outcome.diagnostics.hasErrors else { return Built(text: "", diagnostics: diagnostics) }
        let text = try String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8)
            + String(contentsOf: out.appendingPathComponent("latex/paper.tex"), encoding: .utf8)
        return Built(text: text, diagnostics: diagnostics)
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(file.lastPathComponent) changes nothing")
        try Data(changed.utf8).write(to: file)
    }

    static func copyOfPaper(in s: Scratch) throws -> URL {
        let paper = s.url.appendingPathComponent("Paper")
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Paper"), to: paper)
        return paper
    }

    @Test("After each kind of edit, keeping resolved chapters gives the outputs and diagnostics of a fresh build")
    func keptChaptersMatchAFreshBuild() throws {
        let s = try Scratch()
        defer { s.remove() }
        let paper = try Self.copyOfPaper(in: s)
        let chapters = paper.appendingPathComponent("chapters")
        let (early, middle, late) = (chapters.appendingPathComponent("00-executive-summary.md"),
                                     chapters.appendingPathComponent("10-what-operators-need.md"),
                                     chapters.appendingPathComponent("21-policy-options.md"))
        let manifest = paper.appendingPathComponent("folio.yaml")
        let edits: [(String, () throws -> Void)] = [
            ("one word", { try Self.edit(middle) { $0.replacingOccurrences(of: "The user sends inputs", with: "The user simply sends inputs") } }),
            ("a new section, which numbers later sections differently", { try Self.edit(middle) {
                $0.replacingOccurrences(of: "## Access modes {#sec:operator-access-modes}",
                                        with: "## A new section {#sec:cache-new}\n\nText of it.\n\n## Access modes {#sec:operator-access-modes}") } }),
            ("a reference to it from a later chapter", { try Self.edit(late) { $0 + "\nSee @sec:cache-new.\n" } }),
            ("a heading whose slug a later heading had", { try Self.edit(early) { $0 + "\n## Use cases\n\nA clash of slugs.\n" } }),
            ("a source cited first in an earlier chapter", { try Self.edit(early) { $0 + "\nAs shown before [@qi2024finetuning].\n" } }),
            ("a figure removed, which renumbers later figures", { try Self.edit(middle) {
                $0.components(separatedBy: "\n").filter { !$0.hasPrefix("![How demand-side needs map") }.joined(separator: "\n")
                    .replacingOccurrences(of: "@Fig:demand-supply-map", with: "the map")
                    .replacingOccurrences(of: "@fig:demand-supply-map", with: "the map") } }),
            ("an acronym used first in an earlier chapter", { try Self.edit(early) { $0 + "\nProvenance marks follow C2PA.\n" } }),
            ("a table nobody refers to, a warning", { try Self.edit(middle) {
                $0 + "\n| a | b |\n|---|---|\n| 1 | 2 |\n\n: A table. {#tbl:cache-unreferenced}\n" } }),
            ("a paragraph above it, which moves every label after it", { try Self.edit(middle) {
                $0.replacingOccurrences(of: "## Use cases {#sec:operator-use-cases", with: "A new paragraph.\n\n## Use cases {#sec:operator-use-cases") } }),
            ("the numeric citation style", { try Self.edit(manifest) { $0 + "citation-style: numeric\n" } }),
            ("a citation added in numeric style", { try Self.edit(early) { $0 + "\nAnd again [@nevo2024weights; @qi2024finetuning].\n" } }),
            ("a duplicate id, an error", { try Self.edit(late) { $0 + "\n## Again {#sec:cache-new}\n" } }),
            ("the duplicate removed", { try Self.edit(late) { $0.replacingOccurrences(of: "\n## Again {#sec:cache-new}\n", with: "") } }),
            ("the notes citation style", { try Self.edit(manifest) {
                $0.replacingOccurrences(of: "citation-style: numeric\n", with: "citation-style: notes\n") } }),
            ("a word in a chapter with notes", { try Self.edit(late) { $0 + "\nOne more [@nevo2024weights] sentence.\n" } }),
            ("a chapter left out of the manifest, so references to it are an error", { try Self.edit(manifest) {
                $0.replacingOccurrences(of: "      - chapters/11-guarantees-and-obligations.md\n", with: "") } }),
        ]
        let (parse, resolve, validation) = (ParseCache(), ResolveCache(), ValidationCache())
        let first = try Self.build(paper, out: s.url.appendingPathComponent("kept"), parse: parse, resolve: resolve, validation: validation)
        #expect(first == (try Self.build(paper, out: s.url.appendingPathComponent("fresh"), parse: nil, resolve: nil)))
        for (name, change) in edits {
            try change()
            let kept = try Self.build(paper, out: s.url.appendingPathComponent("kept"), parse: parse, resolve: resolve, validation: validation)
            let fresh = try Self.build(paper, out: s.url.appendingPathComponent("fresh"), parse: nil, resolve: nil)
            #expect(kept.diagnostics == fresh.diagnostics, "after \(name)")
            #expect(kept.text == fresh.text, "after \(name): the outputs differ")
            #expect(fresh.text.isEmpty == name.hasSuffix("an error"), "after \(name): \(fresh.diagnostics)")
        }
    }

    @Test("A one-word edit resolves and checks only the edited chapter again")
    func oneWordEditResolvesOneChapter() throws {
        let s = try Scratch()
        defer { s.remove() }
        let paper = try Self.copyOfPaper(in: s)
        let (parse, resolve, validation) = (ParseCache(), ResolveCache(), ValidationCache())
        func build() throws { _ = try Self.build(paper, out: s.url.appendingPathComponent("a"), parse: parse, resolve: resolve, validation: validation) }
        try build()
        let chapters = 8
        #expect(resolve.steps >= 3 * chapters, "the first build resolves every chapter")
        #expect(validation.checks > chapters, "and checks every chapter, the generated ones too")
        try build()
        #expect(resolve.steps == 0 && validation.checks == 0, "nothing changed, nothing resolved or checked")
        try Self.edit(paper.appendingPathComponent("chapters/11-guarantees-and-obligations.md")) { $0 + "\nOne more sentence.\n" }
        try build()
        #expect(resolve.steps == 4, "numbering, cross-references, citations and abbreviations of the edited chapter")
        // The coverage appendix counts the words of each claimed section, so it changes too.
        #expect(validation.checks == 2, "the edited chapter and the coverage appendix are checked again")

        // A new paragraph moves every label after it, and no label elsewhere.
        try Self.edit(paper.appendingPathComponent("chapters/11-guarantees-and-obligations.md")) {
            $0.replacingOccurrences(of: "\n## ", with: "\nA new first paragraph.\n\n## ", options: [], range: $0.range(of: "\n## "))
        }
        try build()
        #expect(resolve.steps == 4, "a paragraph that moves labels resolves only its chapter again")

        // A new heading takes a slug and a label: later chapters are numbered and cross-referenced
        // again, but their citations (and backlinks, which are not state) are kept.
        try Self.edit(paper.appendingPathComponent("chapters/11-guarantees-and-obligations.md")) { $0 + "\n## A new closing section\n\nIts text.\n" }
        try build()
        #expect(resolve.citations.runs == 1, "only the edited chapter's citations are formatted again")
    }
}
