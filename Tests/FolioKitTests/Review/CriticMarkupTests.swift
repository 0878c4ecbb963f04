import Foundation
import Testing
@testable import FolioKit

/// CriticMarkup in chapters: parsed into `review` inlines with exact positions, shown in drafts, applied
/// by `--review accept|reject`, refused by the final profile.
@Suite struct CriticMarkupTests {
    static let paper = TestPaths.fixtures.appendingPathComponent("papers/review")

    static func parse(_ text: String) -> (MarkdownDocument, [Diagnostic]) {
        CmarkParser.parse(text, file: "c.md")
    }

    static func marks(_ doc: MarkdownDocument) -> [(ReviewMark, old: String, new: String, at: String)] {
        var out: [(ReviewMark, String, String, String)] = []
        for b in doc.blocks + doc.footnotes.flatMap(\.content) {
            b.forEachInline { node in
                if case .review(let m, let old, let new) = node.kind {
                    out.append((m, old.plainText, new.plainText, "\(node.range.start.line):\(node.range.start.column)"))
                }
            }
        }
        return out
    }

    @Test func everyKindIsParsedWithItsPosition() {
        let (doc, d) = Self.parse("a {++ *new* ++} b {-- old --} c {~~ x ~> y ~~} d\n{== hi ==}{>>@alice: why? <<} e {>> note <<}\n")
        #expect(d.isEmpty, "\(d)")
        let m = Self.marks(doc)
        #expect(m.map(\.0.kind) == [.insertion, .deletion, .substitution, .highlight, .comment])
        #expect(m.map(\.at) == ["1:3", "1:19", "1:33", "2:1", "2:33"])
        #expect(m.map(\.old) == ["", "old", "x", "", ""])
        #expect(m.map(\.new) == ["new", "", "y", "hi", ""])
        #expect(m[3].0.author == "alice" && m[3].0.comment == "why?")
        #expect(m[4].0.author == nil && m[4].0.comment == "note")
    }

    @Test func marksHoldInlineMarkupCitationsAndMath() {
        let (doc, d) = Self.parse("We {++ see [@rmf] and $x^2$ **now** ++}.\n")
        #expect(d.isEmpty)
        guard case .paragraph(let content) = doc.blocks.first?.kind,
              let mark = content.first(where: { if case .review = $0.kind { true } else { false } }),
              case .review(_, _, let new) = mark.kind else {
            Issue.record("no review mark")
            return
        }
        #expect(new.contains { if case .citation = $0.kind { true } else { false } })
        #expect(new.contains { if case .math = $0.kind { true } else { false } })
        #expect(new.contains { if case .strong = $0.kind { true } else { false } })
    }

    @Test func marksInCodeStayText() {
        let (doc, d) = Self.parse("Use `{++ x ++}` here.\n\n```\n{-- y --}\n```\n\n    {~~ a ~> b ~~}\n")
        #expect(d.isEmpty)
        #expect(Self.marks(doc).isEmpty)
        guard case .paragraph(let p) = doc.blocks[0].kind else { return }
        #expect(p.contains { $0.kind == .code("{++ x ++}") })
        #expect(doc.blocks[1].kind == .codeBlock(info: "", literal: "{-- y --}\n"))
        #expect(doc.blocks[2].kind == .codeBlock(info: "", literal: "{~~ a ~> b ~~}\n"))
    }

    @Test(arguments: [
        ("Bad {++ open\n\nnext ++} para\n", ["1:5", "3:6"]),
        ("a {++ b {-- c --} ++}\n", ["1:9"]),
        ("stray ==} here\n", ["1:7"]),
        ("*{++ crossing* ++}\n", ["1:2"]),
        ("- one {++ a\n- two ++} b\n", ["1:7"]),
        ("see [{++ @a ++}] x\n", ["1:6"]),
        ("{~~ no arrow ~~}\n", ["1:1"]),
        ("{>> never closed\n", ["1:1"]),
    ])
    func malformedMarksAreLocated(_ input: String, _ positions: [String]) {
        let (_, d) = Self.parse(input)
        #expect(d.map(\.id).allSatisfy { $0 == "review.malformed" }, "\(d)")
        #expect(d.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == positions, "\(d.map(\.message))")
        #expect(d.allSatisfy { $0.severity == .error })
    }

    @Test func manyMarksStopAtTheLimit() {
        var limits = InputLimits()
        limits.reviewMarks = 100
        let (doc, d) = CmarkParser.parse(String(repeating: "{++a++} ", count: 150) + "\n", file: "c.md", limits: limits)
        #expect(d.map(\.id) == ["limits.review-marks"])
        #expect(d.first?.location?.column == 801)
        #expect(Self.marks(doc).count == 100)
    }

    /// Builds the fixture in each mode, both writers (goldens).
    @Test(arguments: ReviewMode.allCases) func goldenOutputs(_ mode: ReviewMode) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var request = BuildPipeline.Request(paperDirectory: Self.paper.path, outputDirectory: scratch.url.path,
                                            formats: [.html, .latex], profile: .draft)
        request.review = mode
        let outcome = BuildPipeline.run(request)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let html = scratch.read("html/index.html") ?? ""
        let tex = scratch.read("latex/paper.tex") ?? ""
        let expected = Self.paper.appendingPathComponent("expected")
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        Golden.check(html, expected.appendingPathComponent("\(mode.rawValue).html"))
        Golden.check(tex, expected.appendingPathComponent("\(mode.rawValue).tex"))
        // Shown marks only in the draft view; the accepted and rejected texts carry none.
        #expect(html.contains("<ins class=\"review\"") == (mode == .show))
        #expect(tex.contains("\\folioInserted{") == (mode == .show))
        #expect(tex.contains("\\usepackage{marginnote}") == (mode == .show))
        switch mode {
        case .show:
            #expect(html.contains("<del class=\"review\">quickly</del>"))
            #expect(html.contains("<span class=\"review-author\">@alice</span> please cite the RMF here</span>"))
        case .accept:
            #expect(html.contains("Operators <em>really</em> need access to safe models."))
            #expect(!html.contains("please cite"))
        case .reject:
            #expect(html.contains("Operators need access quickly to cheap models."))
            #expect(!html.contains("hosted"))
        }
    }

    @Test func citationsInsideMarksFollowTheMode() throws {
        for (mode, cited) in [(ReviewMode.show, true), (.accept, true), (.reject, false)] {
            var options = Analyzer.Options()
            options.review = mode
            let result = Analyzer.run(DiskProvider(directory: Self.paper.path), options)
            #expect(result.resolved?.listedReferences.contains("rmf") == cited, "\(mode)")
            #expect(result.diagnostics.contains { $0.id == "citation.uncited" } == !cited, "\(mode)")
        }
    }

    @Test func finalProfileRefusesEveryMark() {
        let result = Analyzer.run(DiskProvider(directory: Self.paper.path), Analyzer.Options(profile: .final))
        let unresolved = result.diagnostics.filter { $0.id == "review.unresolved" }
        #expect(unresolved.count == 12)
        #expect(unresolved.allSatisfy { $0.severity == .error })
        #expect(unresolved.first.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == "6:9")
        #expect(unresolved.contains { $0.message.contains("a highlight by @alice") })
    }

    /// Checklist evidence reads the text as if every change were accepted.
    @Test func evidenceCountsAcceptedText() {
        var walker = PlainText()
        let (doc, _) = Self.parse("one {++ two three ++} {-- four five six --} {~~ seven ~> eight ~~}\n")
        walker.walk(doc.blocks)
        #expect(walker.out.split(separator: " ").map(String.init) == ["one", "two", "three", "eight"])
    }

    @Test func lintReportsOpenCommentsAsNotes() throws {
        let f = try LintHarness.lint(LintHarness.front + "Text {==here==}{>>@bob: check<<} and {>>why?<<}.\n")
        let notes = f.filter { $0.id == "review.open-comment" }
        #expect(notes.map(\.severity) == [.note, .note])
        #expect(notes.map(\.message) == ["open comment by @bob: check", "open comment: why?"])
    }
}
