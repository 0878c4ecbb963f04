import Foundation
import Testing
@testable import FolioKit

/// `folio diff` on a fixture repository built here: one commit with three chapters, then a working tree
/// with one word changed, a sentence added, a paragraph deleted, a chapter moved, a citation added
/// before another (numeric style, so the other is renumbered) and a figure's file replaced.
@Suite struct DiffTests {
    static let bib = """
        @book{alpha, author = {Alpha, Ann}, title = {First Book}, publisher = {P}, year = {2020}}
        @book{beta, author = {Beta, Ben}, title = {Second Book}, publisher = {P}, year = {2021}}
        """

    static let one = """
        # One

        Operators need safe access to models [@beta].

        This paragraph will be deleted entirely, every word of it.

        ![The access tiers](fig.png){#fig:tiers}

        See @fig:tiers.
        """

    static let two = "# Two\n\nThe second chapter says little.\n"
    static let three = "# Three\n\nThe third chapter stays.\n"

    static func repository() throws -> GitRepo {
        let repo = try GitRepo()
        try repo.write("Paper/folio.yaml", SmallPaper.manifest(["one.md", "two.md", "three.md"],
                                                               extra: "bibliography: [refs.bib]\ncitation-style: numeric\n"))
        try repo.write("Paper/refs.bib", bib)
        try repo.write("Paper/one.md", one)
        try repo.write("Paper/two.md", two)
        try repo.write("Paper/three.md", three)
        try repo.scratch.writePNG("work/Paper/fig.png")
        try repo.commit("first")
        return repo
    }

    /// The working tree's edits.
    static func edit(_ repo: GitRepo) throws {
        try repo.write("Paper/one.md", one
            .replacingOccurrences(of: "Operators need safe access", with: "Operators [@alpha] need secure access")
            .replacingOccurrences(of: "to models [@beta].", with: "to models [@beta]. Access is logged.")
            .replacingOccurrences(of: "This paragraph will be deleted entirely, every word of it.\n\n", with: ""))
        try repo.write("Paper/folio.yaml", SmallPaper.manifest(["one.md", "three.md", "two.md"],
                                                               extra: "bibliography: [refs.bib]\ncitation-style: numeric\n"))
        // A different image in the same file.
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR42mNk+M9QzwAEjDAGNzYAAGWkBv0zq3nTAAAAAElFTkSuQmCC") ?? Data()
        try png.write(to: repo.work.appendingPathComponent("Paper/fig.png"))
    }

    static func diff(_ repo: GitRepo, _ args: [String]) throws -> CLI.Result {
        try CLI.run(["diff"] + args + ["--paper", "Paper", "--no-pdf"], in: repo.work)
    }

    @Test func marksEachKindOfChange() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try Self.edit(repo)
        let r = try Self.diff(repo, ["HEAD"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: repo.work.appendingPathComponent("Build/diff/index.html"), encoding: .utf8)
        // One word changed, a citation and a sentence added.
        #expect(html.contains("<del class=\"review\">safe</del><ins class=\"review\">secure</ins>"))
        #expect(html.contains(". <ins class=\"review\">Access is logged.</ins>"))
        // The new citation is marked; the old one, renumbered from [1] to [2], is not.
        #expect(html.contains("<ins class=\"review\"><span id=\"cite-1\" class=\"citation\"><a href=\"#ref-alpha\">[1]</a></span></ins>"))
        #expect(html.contains("access to models <span id=\"cite-2\" class=\"citation\"><a href=\"#ref-beta\">[2]</a></span>."))
        #expect(!html.contains("<del class=\"review\"><span id=\"cite"))
        // The deleted paragraph, the moved chapter and the replaced figure.
        #expect(html.contains("<del class=\"review\">This paragraph will be deleted entirely, every word of it.</del>"))
        #expect(html.contains("Chapters moved: Two."))
        #expect(html.contains("figure file changed: fig.png"))
        #expect(html.contains("<a href=\"#change-1\">"))
        #expect(r.stdout.contains("1 chapter") || r.stdout.contains("2 chapters"))
        // The summary counts words: "secure", "Access is logged." (3) added; "safe" and the paragraph (10) removed.
        #expect(html.contains("4 words added and 11 removed"), "\(html.components(separatedBy: "Changes from").dropFirst().first?.prefix(200) ?? "")")
    }

    @Test func identicalRevisionsHaveNoChanges() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let r = try Self.diff(repo, ["HEAD"])
        #expect(r.status == 0)
        #expect(r.stdout == "no changes\n")
        #expect(!FileManager.default.fileExists(atPath: repo.work.appendingPathComponent("Build/diff").path))
        let same = try Self.diff(repo, ["HEAD", "main"])
        #expect(same.stdout == "no changes\n")
    }

    @Test func unknownRevisionIsAClearError() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let r = try Self.diff(repo, ["no-such-branch"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("[source.revision]"), "\(r.stderr)")
    }

    /// Two commits compared, the newer one second; a chapter added and one removed.
    @Test func twoRevisionsWithChaptersAddedAndRemoved() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write("Paper/four.md", "# Four\n\nA new chapter.\n")
        try FileManager.default.removeItem(at: repo.work.appendingPathComponent("Paper/two.md"))
        try repo.write("Paper/folio.yaml", SmallPaper.manifest(["one.md", "three.md", "four.md"],
                                                               extra: "bibliography: [refs.bib]\ncitation-style: numeric\n"))
        try repo.commit("second")
        let r = try Self.diff(repo, ["HEAD~1", "HEAD"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: repo.work.appendingPathComponent("Build/diff/index.html"), encoding: .utf8)
        #expect(html.contains("Chapters added: Four."))
        #expect(html.contains("Chapters removed: Two."))
        #expect(html.contains("<del class=\"review\">The second chapter says little.</del>"))
        #expect(html.contains("<ins class=\"review\">A new chapter.</ins>"))
    }

    /// `--format critic`: accepting every mark gives the new text, byte for byte; rejecting gives the old.
    @Test func criticRoundTrips() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try Self.edit(repo)
        let r = try Self.diff(repo, ["HEAD", "--format", "critic"])
        #expect(r.status == 0, "\(r.stderr)")
        let critic = repo.work.appendingPathComponent("Build/diff/critic/one.md")
        let marked = try String(contentsOf: critic, encoding: .utf8)
        #expect(marked.contains("{~~safe~>secure~~}"))
        #expect(marked.contains("{--This paragraph will be deleted entirely, every word of it.--}\n"))
        // Review the marks as a paper of their own.
        let paper = repo.scratch.url.appendingPathComponent("review")
        try FileManager.default.createDirectory(at: paper, withIntermediateDirectories: true)
        try Data("title: R\nback-matter: [one.md]\n".utf8).write(to: paper.appendingPathComponent("folio.yaml"))
        for verb in ["accept", "reject"] {
            try Data(marked.utf8).write(to: paper.appendingPathComponent("one.md"))
            let a = try CLI.run(["review", verb, "--all", "--paper", paper.path])
            #expect(a.status == 0, "\(a.stderr)")
            let result = try String(contentsOf: paper.appendingPathComponent("one.md"), encoding: .utf8)
            if verb == "accept" {
                #expect(result == (try String(contentsOf: repo.work.appendingPathComponent("Paper/one.md"), encoding: .utf8)))
            } else {
                // A removed paragraph comes back without the blank line that parted it from the next.
                let lines = { (s: String) in s.split(separator: "\n").filter { !$0.isEmpty } }
                #expect(lines(result) == lines(Self.one))
            }
        }
    }

    /// Compares two chapter bodies directly.
    static func changes(_ x: String, _ y: String) -> [String] {
        let (a, _) = CmarkParser.parse(x, file: "a.md"), (b, _) = CmarkParser.parse(y, file: "a.md")
        var differ = BlockDiff(old: DiffContext(), new: DiffContext(), counter: 0, resolvable: { _ in true })
        _ = differ.blocks(a.blocks, b.blocks)
        return differ.changes.map(\.description)
    }

    @Test func sectionsThatMoveAreSaidToMove() {
        let x = "## Alpha\n\nFirst text here.\n\n## Beta\n\nSecond text here.\n"
        let y = "## Beta\n\nSecond text here.\n\n## Alpha\n\nFirst text here.\n"
        let c = Self.changes(x, y)
        #expect(c.contains("section moved here: Beta") || c.contains("section moved here: Alpha"), "\(c)")
        #expect(c.contains { $0.hasPrefix("section moved away from here") }, "\(c)")
    }

    @Test func linkTargetsRenumberingAndMath() {
        #expect(Self.changes("See [the rules](https://a.example/x).\n", "See [the rules](https://a.example/y).\n")
                == ["paragraph: link target changed"])
        // A cross-reference compares by label, whatever number it gets.
        #expect(Self.changes("As @fig:a shows.\n", "As @fig:a shows.\n").isEmpty)
        #expect(Self.changes("$$ x = 1 $$ {#eq:a}\n", "$$ x = 2 $$ {#eq:a}\n") == ["math changed"])
        #expect(Self.changes("| a | b |\n|---|---|\n| 1 | 2 |\n", "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n")
                == ["table structure changed"])
        // Mostly rewritten: one replacement, not a patchwork.
        let (a, _) = CmarkParser.parse("one two three four five six seven eight nine ten\n", file: "a.md")
        let (b, _) = CmarkParser.parse("alpha beta gamma delta epsilon zeta eta theta iota kappa ten\n", file: "a.md")
        var differ = BlockDiff(old: DiffContext(), new: DiffContext(), counter: 0, resolvable: { _ in true })
        let out = differ.blocks(a.blocks, b.blocks)
        #expect(differ.changes.map(\.description) == ["paragraph rewritten"])
        #expect(differ.changes.first.map { ($0.added, $0.removed) } ?? (0, 0) == (11, 10))
        var kinds: [ReviewMark.Kind] = []
        for block in out { block.forEachInline { if case .review(let m, _, _) = $0.kind { kinds.append(m.kind) } } }
        #expect(kinds == [.deletion, .insertion])
    }

    @Test func wordDiffKeepsCodeMathAndLinksWhole() {
        #expect(CriticWriter.tokens("a `x y` $b c$ [see](u v) {#id .c} d") == ["a", " ", "`x y`", " ", "$b c$", " ", "[see](u v)", " ", "{#id .c}", " ", "d"])
        #expect(CriticWriter.words("keep `a b` here", "keep `a c` here") == "keep {~~`a b`~>`a c`~~} here")
        #expect(CriticWriter.blockPrefix("## Title") == "## ")
        #expect(CriticWriter.blockPrefix("> - 1. item") == "> - 1. ")
    }

    @Test func sequenceDiffFindsTheShortestScript() {
        let a = Array("ABCABBA"), b = Array("CBABAC")
        let ops = SequenceDiff.diff(a, b)
        var edits = 0
        for op in ops {
            switch op {
            case .delete(let r), .insert(let r): edits += r.count
            case .replace(let x, let y): edits += x.count + y.count
            case .equal: break
            }
        }
        #expect(edits == 5)
        // Rebuild b from the script.
        var rebuilt: [Character] = []
        for op in ops {
            switch op {
            case .equal(_, let r), .insert(let r), .replace(_, let r): rebuilt += b[r]
            case .delete: break
            }
        }
        #expect(rebuilt == b)
        #expect(SequenceDiff.diff(Array(repeating: 1, count: 10), Array(repeating: 2, count: 10), maxEdits: 3) == [.replace(0..<10, 0..<10)])
    }
}

/// Cases from review: inputs that once crashed, lost data or gave wrong text.
@Suite struct DiffSafetyTests {
    /// Footnotes that call each other (allowed) must not recurse without end.
    @Test func footnotesThatCallEachOther() {
        let x = "Text.[^a]\n\n[^a]: See [^b].\n[^b]: See [^a].\n"
        let (a, _) = CmarkParser.parse(x, file: "a.md"), (b, _) = CmarkParser.parse(x.replacingOccurrences(of: "Text.", with: "Texts."), file: "a.md")
        var c = DiffContext()
        c.footnotes = Dictionary(a.footnotes.map { ($0.label, $0.content) }, uniquingKeysWith: { x, _ in x })
        var differ = BlockDiff(old: c, new: c, counter: 0, resolvable: { _ in true })
        _ = differ.blocks(a.blocks, b.blocks)
        #expect(differ.changes.count == 1)
    }

    /// `--out` naming the paper, or a folder of other files, is refused; the files stay.
    @Test func outputFolderThatIsNotTheDiffsIsRefused() throws {
        let repo = try DiffTests.repository()
        defer { repo.remove() }
        try DiffTests.edit(repo)
        for out in [".", "Paper"] {
            let r = try CLI.run(["diff", "HEAD", "--paper", "Paper", "--no-pdf", "--out", out], in: repo.work)
            #expect(r.status == 1)
            #expect(r.stderr.contains("[diff.output]"), "\(r.stderr)")
        }
        try repo.write("notes/keep.txt", "mine")
        let r = try CLI.run(["diff", "HEAD", "--paper", "Paper", "--no-pdf", "--out", "notes"], in: repo.work)
        #expect(r.stderr.contains("[diff.output]"))
        #expect(repo.scratch.read("work/notes/keep.txt") == "mine")
        #expect(FileManager.default.fileExists(atPath: repo.work.appendingPathComponent("Paper/folio.yaml").path))
        // Its own output is replaced, run after run.
        for _ in 0..<2 { #expect(try CLI.run(["diff", "HEAD", "--paper", "Paper", "--no-pdf"], in: repo.work).status == 0) }
    }

    /// A removed chapter is written as critic output too, every line marked removed.
    @Test func criticWritesRemovedChapters() throws {
        let repo = try DiffTests.repository()
        defer { repo.remove() }
        try repo.write("Paper/folio.yaml", SmallPaper.manifest(["one.md", "three.md"], extra: "bibliography: [refs.bib]\ncitation-style: numeric\n"))
        let r = try CLI.run(["diff", "HEAD", "--paper", "Paper", "--format", "critic"], in: repo.work)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(repo.scratch.read("work/Build/diff/critic/two.md") == "{--# Two--}\n{--The second chapter says little.--}\n")
    }

    /// A whole line goes into its mark with its indentation and hard break, so both ways are exact.
    @Test func criticKeepsIndentationOutsideMarks() {
        let old = "- item\n\n  second paragraph  \n"
        let new = "- item\n\n  second paragraph  \n\n  added paragraph  \n"
        let marked = CriticWriter.mark(old: old, new: new, file: "a.md").text
        #expect(marked == "- item\n\n  second paragraph  \n\n{++  added paragraph  ++}\n")
        #expect(ReviewRewriter.resolved(marked, path: "a.md", accept: true, limits: InputLimits()) == new)
        #expect(ReviewRewriter.resolved(marked, path: "a.md", accept: false, limits: InputLimits()) == old + "\n")
    }

    /// Marks side by side: each replacement sees the text as the marks to its right left it.
    @Test func adjacentMarksKeepTheirNeighbours() {
        let text = "{>>@bob: hm<<} {--word--}, rest\n"
        #expect(ReviewRewriter.resolved(text, path: "a.md", accept: true, limits: InputLimits()) == ", rest\n")
        #expect(ReviewRewriter.resolved("a {++b++}{--c--} d\n", path: "a.md", accept: true, limits: InputLimits()) == "a b d\n")
    }

    /// A link whose text has an `@` and a review mark is a link, not a citation with a mark in it.
    @Test func markInLinkTextWithAnAt() {
        let (doc, d) = CmarkParser.parse("[ask @alice {++now++}](https://example.org)\n", file: "a.md")
        #expect(d.isEmpty, "\(d)")
        var marks = 0
        doc.blocks.first?.forEachInline { if case .review = $0.kind { marks += 1 } }
        #expect(marks == 1)
    }

    /// A FILE:LINE with no mark is an error, not a quiet success.
    @Test func placeWithoutAMarkIsAnError() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nback-matter: [a.md]\n")
        try s.write("P/a.md", "# A\n\nNo marks {++here++}.\n")
        let r = try CLI.run(["review", "accept", "P/a.md:1", "--paper", "P"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("P/a.md:1: error: no review mark"))
        #expect(s.read("P/a.md") == "# A\n\nNo marks {++here++}.\n")
    }
}
