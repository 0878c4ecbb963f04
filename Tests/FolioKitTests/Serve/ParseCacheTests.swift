import Foundation
import Testing
@testable import FolioKit

/// The preview's cache: an edit re-parses only the chapter it touched, and a cached build writes the
/// same bytes as a fresh one. Parses are counted, not timed.
@Suite("Parse cache")
struct ParseCacheTests {
    func build(_ paper: URL, out: URL, cache: ParseCache?, emitCache: EmitCache? = nil) throws -> String {
        var request = BuildPipeline.Request(paperDirectory: paper.path, outputDirectory: out.path, formats: [.html, .latex], profile: .draft)
        request.cache = cache
        request.emitCache = emitCache
        let outcome = BuildPipeline.run(request)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        return try String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8)
            + String(contentsOf: out.appendingPathComponent("latex/paper.tex"), encoding: .utf8)
    }

    /// A copy of the citations fixture, and its chapter files in order.
    static func citationsPaper(in s: Scratch) throws -> (URL, [String]) {
        let paper = s.url.appendingPathComponent("Paper")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("papers/citations"), to: paper)
        let chapters = try FileManager.default.contentsOfDirectory(atPath: paper.appendingPathComponent("chapters").path)
        return (paper, chapters.filter { $0.hasSuffix(".md") }.sorted())
    }

    @Test("Only the edited chapter is parsed again; the bibliography only when its file changes; outputs match a fresh build")
    func onlyEditedChaptersAreParsed() throws {
        let s = try Scratch()
        defer { s.remove() }
        let (paper, chapters) = try Self.citationsPaper(in: s)
        let count = chapters.count
        #expect(count >= 2)
        let cache = ParseCache()

        let first = try build(paper, out: s.url.appendingPathComponent("a"), cache: cache)
        #expect(cache.parses == count && cache.hits == 0 && cache.bibliographyLoads == 1)
        let again = try build(paper, out: s.url.appendingPathComponent("a"), cache: cache)
        #expect(again == first)
        #expect(cache.parses == count && cache.hits == count && cache.bibliographyLoads == 1)

        let edited = paper.appendingPathComponent("chapters/\(chapters[0])")
        try Data((try String(contentsOf: edited, encoding: .utf8) + "\nOne more sentence.\n").utf8).write(to: edited)
        let afterEdit = try build(paper, out: s.url.appendingPathComponent("a"), cache: cache)
        #expect(cache.parses == count + 1, "only the edited chapter is parsed again")
        #expect(cache.bibliographyLoads == 1)
        #expect(afterEdit.contains("One more sentence."))
        #expect(afterEdit == (try build(paper, out: s.url.appendingPathComponent("fresh"), cache: nil)), "a cached build differs from a fresh one")
        #expect(cache.count == count, "the old version of the edited chapter is forgotten")

        let bib = try FileManager.default.contentsOfDirectory(atPath: paper.path).first { $0.hasSuffix(".bib") }
        let bibFile = paper.appendingPathComponent(try #require(bib))
        try Data((try String(contentsOf: bibFile, encoding: .utf8) + "\n@misc{extra2026, title = {Extra}, year = {2026}}\n").utf8).write(to: bibFile)
        _ = try build(paper, out: s.url.appendingPathComponent("a"), cache: cache)
        #expect(cache.bibliographyLoads == 2)
        #expect(cache.parses == count + 1)
    }

    @Test("Only chapters whose output changes are written again; the page matches a fresh build")
    func onlyChangedChaptersAreRendered() throws {
        let s = try Scratch()
        defer { s.remove() }
        let (paper, chapters) = try Self.citationsPaper(in: s)
        let (parse, emit) = (ParseCache(), EmitCache())

        let first = try build(paper, out: s.url.appendingPathComponent("a"), cache: parse, emitCache: emit)
        let written = emit.renders
        #expect(written > chapters.count - 1 && emit.hits == 0, "every chapter (and the generated ones) rendered once")
        let again = try build(paper, out: s.url.appendingPathComponent("a"), cache: parse, emitCache: emit)
        #expect(again == first)
        #expect(emit.renders == written && emit.hits == written, "nothing changed, nothing rendered")

        let edited = paper.appendingPathComponent("chapters/\(chapters[0])")
        try Data((try String(contentsOf: edited, encoding: .utf8) + "\nOne more sentence.\n").utf8).write(to: edited)
        let afterEdit = try build(paper, out: s.url.appendingPathComponent("a"), cache: parse, emitCache: emit)
        #expect(emit.renders == written + 1, "only the edited chapter is rendered again")
        #expect(afterEdit.contains("One more sentence."))
        #expect(afterEdit == (try build(paper, out: s.url.appendingPathComponent("fresh"), cache: nil)), "a cached page differs from a fresh one")

        // A new section reaches the contents, which are kept chapter by chapter too.
        try Data((try String(contentsOf: edited, encoding: .utf8) + "\n## A section added late\n\nText.\n").utf8).write(to: edited)
        let withSection = try build(paper, out: s.url.appendingPathComponent("a"), cache: parse, emitCache: emit)
        let contents = try #require(withSection.range(of: "</nav>").map { withSection[..<$0.lowerBound] })
        #expect(contents.contains("A section added late</a>"))
        #expect(withSection == (try build(paper, out: s.url.appendingPathComponent("fresh"), cache: nil)), "a cached page differs from a fresh one")
    }

    @Test("A chapter is kept only while its bytes are the same, not merely canonically equal text")
    func keptChaptersCompareBytes() {
        #expect(ParseCache.sameBytes("# A\n\nText.\n", "# A\n\nText.\n"))
        #expect(!ParseCache.sameBytes("# A\n\nText.\n", "# A\n\nText!\n"))
        #expect(!ParseCache.sameBytes("caf\u{E9}", "cafe\u{301}"), "NFC and NFD spell the same text in different bytes and columns")
        #expect(!ParseCache.sameBytes("abc", "abcd"))
        #expect(ParseCache.sameBytes("", ""))
    }
}
