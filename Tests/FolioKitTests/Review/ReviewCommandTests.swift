import Foundation
import Testing
@testable import FolioKit

/// `folio review list|accept|reject` on real files: a copy of `Paper/` whose executive summary carries
/// real, attributed suggestions, and small papers with CRLF line endings and a byte-order mark.
@Suite struct ReviewCommandTests {
    static let reviewed = TestPaths.fixtures.appendingPathComponent("review/executive-summary-reviewed.md")
    static let chapter = "chapters/00-executive-summary.md"

    /// A copy of `Paper/` with the reviewed executive summary in place.
    static func reviewedPaper() throws -> (Scratch, URL) {
        let s = try Scratch()
        let dir = s.url.appendingPathComponent("Paper")
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Paper"), to: dir)
        let file = dir.appendingPathComponent(chapter)
        try FileManager.default.removeItem(at: file)
        try FileManager.default.copyItem(at: reviewed, to: file)
        return (s, dir)
    }

    static func original() throws -> Data {
        try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Paper").appendingPathComponent(chapter))
    }

    @Test func reviewedChapterBuildsAsADraftAndFailsFinal() throws {
        let (s, dir) = try Self.reviewedPaper()
        defer { s.remove() }
        let draft = Analyzer.run(DiskProvider(directory: dir.path))
        #expect(!draft.hasErrors, "\(draft.diagnostics.filter { $0.severity == .error })")
        #expect(draft.resolved?.reviewMarks == 7)
        let final = Analyzer.run(DiskProvider(directory: dir.path), Analyzer.Options(profile: .final))
        let unresolved = final.diagnostics.filter { $0.id == "review.unresolved" }
        #expect(unresolved.count == 7)
        #expect(unresolved.first?.location?.line == 9)
    }

    @Test func rejectingEverythingGivesBackTheOriginalChapter() throws {
        let (s, dir) = try Self.reviewedPaper()
        defer { s.remove() }
        let r = try CLI.run(["review", "reject", "--all", "--paper", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("7 marks rejected in 1 file"))
        #expect(try Data(contentsOf: dir.appendingPathComponent(Self.chapter)) == Self.original())
    }

    @Test func acceptingEverythingAppliesEachChangeOnceAndIsIdempotent() throws {
        let (s, dir) = try Self.reviewedPaper()
        defer { s.remove() }
        let first = try CLI.run(["review", "accept", "--all", "--paper", dir.path])
        #expect(first.status == 0, "\(first.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent(Self.chapter), encoding: .utf8)
        #expect(text.contains("use frontier AI models, often through intermediaries, in work"))
        #expect(text.contains("for emergency response, for border and customs screening and for"))
        #expect(text.contains("rather than proposing new institutions. These"))
        #expect(text.contains("Operators need far more than a model endpoint."))
        #expect(!text.contains("{++") && !text.contains("{>>") && !text.contains("<<}"))
        let second = try CLI.run(["review", "accept", "--all", "--paper", dir.path])
        #expect(second.status == 0)
        #expect(second.stdout == "no review marks to resolve\n")
        #expect(try String(contentsOf: dir.appendingPathComponent(Self.chapter), encoding: .utf8) == text)
        // The accepted paper is clean under the final profile again.
        #expect(!Analyzer.run(DiskProvider(directory: dir.path), Analyzer.Options(profile: .final)).hasErrors)
    }

    @Test func listsEveryMarkAsJSONAndText() throws {
        let (s, dir) = try Self.reviewedPaper()
        defer { s.remove() }
        let r = try CLI.run(["review", "list", "--format", "json", "--paper", dir.path])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let marks = json?["marks"] as? [[String: Any]] ?? []
        #expect(marks.count == 7)
        #expect(marks.map { $0["kind"] as? String ?? "" }
                == ["substitution", "insertion", "comment", "highlight", "deletion", "comment", "substitution"])
        #expect(marks.compactMap { $0["author"] as? String }
                == ["supply-side-wg", "editorial-secretariat", "demand-side-wg", "editorial-secretariat"])
        #expect(marks[3]["new"] as? String == "inconsistent safeguards")
        let text = try CLI.run(["review", "list", "--paper", dir.path])
        #expect(text.stdout.contains("00-executive-summary.md:9:"))
        #expect(text.stdout.hasSuffix("7 marks: 4 suggested changes, 4 comments\n"))
        let md = try CLI.run(["review", "list", "--format", "markdown", "--paper", dir.path])
        #expect(md.stdout.contains("| highlight | @\u{200B}demand-side-wg |"))
    }

    @Test func authorSelectionTouchesOnlyThatReviewer() throws {
        let (s, dir) = try Self.reviewedPaper()
        defer { s.remove() }
        let r = try CLI.run(["review", "accept", "--author", "@editorial-secretariat", "--paper", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2 marks accepted"))
        let left = ReviewMarks.read(DiskProvider(directory: dir.path)).all
        #expect(left.count == 5)
        #expect(!left.contains { $0.author == "editorial-secretariat" })
    }

    /// One mark by FILE:LINE, in a file with CRLF line endings and a byte-order mark: nothing else moves.
    @Test func fileAndLineKeepLineEndingsAndTheByteOrderMark() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nback-matter: [a.md]\n")
        let text = "\u{FEFF}---\r\ntitle: A\r\n---\r\n\r\nOne {++ new ++} word.\r\nTwo {-- old --} words.\r\n"
        try s.write("P/a.md", text)
        let paperless = try CLI.run(["review", "accept", "P/a.md:5", "--paper", "P"], in: s.url)
        #expect(paperless.status == 0, "\(paperless.stderr)")
        #expect(paperless.stdout.contains("a.md:5:5: accepted insertion: \"new\""))
        let after = try Data(contentsOf: s.url.appendingPathComponent("P/a.md"))
        #expect(after == Data("\u{FEFF}---\r\ntitle: A\r\n---\r\n\r\nOne new word.\r\nTwo {-- old --} words.\r\n".utf8))
    }

    @Test func filesWithMalformedMarksAreLeftAlone() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nback-matter: [a.md, b.md]\n")
        try s.write("P/a.md", "# A\n\nGood {++ x ++} and bad {-- y.\n")
        try s.write("P/b.md", "# B\n\nFine {++ z ++}.\n")
        let r = try CLI.run(["review", "accept", "--all", "--paper", "P"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("a.md:3:24: error: '{--' is not closed"))
        #expect(s.read("P/a.md") == "# A\n\nGood {++ x ++} and bad {-- y.\n")
        #expect(s.read("P/b.md") == "# B\n\nFine z.\n")
    }

    @Test func selectionIsRequired() throws {
        let r = try CLI.run(["review", "accept", "--paper", "Paper"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("say which marks: --all, --author NAME, or FILE:LINE"))
    }
}
