import Foundation
import Testing
@testable import FolioKit

/// The paper read from the working tree, a git revision and edits held in memory.
@Suite struct SourceProviderTests {
    @Test(.requires(.git)) func aRevisionIsReadFromGitObjectsWithoutTouchingTheWorkingTree() throws {
        try Requirement.git.check()
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("Paper/folio.yaml", SmallPaper.manifest(["a.md"]))
        try repo.write("Paper/a.md", "# Access\n\nThe first draft says tiers.\n")
        let first = try repo.commit("first")
        try repo.write("Paper/a.md", "# Access\n\nThe second draft says levels.\n")
        try repo.write("Paper/b.md", "# New\n\nAdded later.\n")
        try repo.write("Paper/folio.yaml", SmallPaper.manifest(["a.md", "b.md"]))
        try repo.commit("second")
        // Uncommitted work and a staged change that a checkout would disturb.
        try repo.write("Paper/a.md", "# Access\n\nUnsaved third draft.\n")
        try repo.write("Paper/notes.txt", "untracked\n")
        try repo.git(["add", "Paper/notes.txt"])
        let before = try repo.state()
        let paper = repo.work.appendingPathComponent("Paper").path

        let provider = try GitRevisionProvider.open(directory: paper, revision: first).get()
        #expect(provider.commit == first)
        let out = repo.scratch.url.appendingPathComponent("out")
        let outcome = BuildPipeline.run(BuildPipeline.Request(source: provider, outputDirectory: out.path, formats: [.html], profile: .draft))
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let html = try String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8)
        #expect(html.contains("The first draft says tiers."))
        #expect(!html.contains("second draft") && !html.contains("third draft") && !html.contains("Added later"))
        #expect(try repo.state() == before, "reading a revision changed the working tree, the index or HEAD")

        // The branch name works too, and gives the second commit's text.
        let head = try GitRevisionProvider.open(directory: paper, revision: "main").get()
        let analysis = Analyzer.run(head, .init(lint: true))
        #expect(analysis.paper?.chapters.map(\.text).joined().contains("second draft") == true)
        #expect(analysis.paper?.chapters.count == 2)

        // The same through the CLI, and lint and check take --revision too.
        let cli = try CLI.run(["build", "--paper", paper, "--revision", first, "--out", out.path, "--to", "html"], in: repo.work)
        #expect(cli.status == 0, "\(cli.stderr)")
        let lint = try CLI.run(["lint", "--paper", paper, "--revision", "main~1", "--format", "json"], in: repo.work)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(try repo.state() == before)
    }

    @Test(.requires(.git)) func unknownRevisionsAndMissingFilesAreClearErrors() throws {
        try Requirement.git.check()
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("Paper/folio.yaml", SmallPaper.manifest(["a.md", "b.md"]))
        try repo.write("Paper/a.md", "# A\n\nText.\n")
        try repo.commit("b.md is not committed")
        try repo.write("Paper/b.md", "# B\n\nOnly in the working tree.\n")
        let paper = repo.work.appendingPathComponent("Paper").path

        let r = try CLI.run(["build", "--paper", paper, "--revision", "no-such-branch", "--to", "html"], in: repo.work)
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: unknown revision 'no-such-branch' [source.revision]"), "\(r.stderr)")
        let dash = try CLI.run(["check", "--paper", paper, "--revision", "--output=x"], in: repo.work)
        #expect(dash.status != 0)

        let missing = try CLI.run(["build", "--paper", paper, "--revision", "HEAD", "--to", "html", "--out",
                                   repo.scratch.url.appendingPathComponent("out").path], in: repo.work)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("folio.yaml:6:") && missing.stderr.contains("chapter 'b.md' does not exist [manifest.missing-chapter]"),
                "\(missing.stderr)")
        #expect(missing.stderr.contains("in revision HEAD"), "the note says where Folio looked: \(missing.stderr)")
        // The working tree has the file, so it builds from there.
        #expect(try CLI.run(["build", "--paper", paper, "--to", "html", "--out",
                             repo.scratch.url.appendingPathComponent("out").path], in: repo.work).status == 0)
    }

    @Test func anOverlayChangesTheOutputWithoutTouchingTheDisk() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"]))
        let chapter = try s.write("P/a.md", "# A\n\nSaved text.\n")
        let before = try Data(contentsOf: chapter)
        let stamp = try FileManager.default.attributesOfItem(atPath: chapter.path)[.modificationDate] as? Date

        var overlay = OverlayProvider(base: DiskProvider(directory: s.url.appendingPathComponent("P").path))
        overlay.set("a.md", "# A\n\nEdited in memory, with @fig:none.\n")
        let analysis = Analyzer.run(overlay)
        let resolved = try #require(analysis.resolved)
        #expect(HTMLPage.paper(resolved).contains("Edited in memory"))
        #expect(analysis.diagnostics.contains { $0.id == "crossref.undefined" && $0.location?.line == 3 },
                "diagnostics come from the edited text")
        #expect(try Data(contentsOf: chapter) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: chapter.path)[.modificationDate] as? Date == stamp)
        // Paths that escape the paper folder stay refused in memory too.
        #expect(overlay.inside("../outside.md") == nil && overlay.inside("/etc/passwd") == nil)
        #expect(Analyzer.run(DiskProvider(directory: s.url.appendingPathComponent("P").path), .init(lint: true)).paper?.chapters.first?.text
                .contains("Saved text.") == true)
    }

    @Test func pathsAreNormalisedAndKeptInside() {
        #expect(SourcePath.normalize("a/./b/../c.md") == "a/c.md")
        #expect(SourcePath.normalize("../.folio-lint.yaml") == "../.folio-lint.yaml")
        #expect(SourcePath.normalize("../../x") == nil)
        #expect(SourcePath.normalize("/abs") == nil && SourcePath.normalize("") == nil && SourcePath.normalize("a\\b") == nil)
    }
}

/// The batch reader of `git cat-file --batch` output.
@Suite struct BlobBatchTests {
    @Test func parsesBlobsAndSkipsMissingOnes() {
        let out = Array("aaa blob 3\nabc\nbbb missing\nccc blob 0\n\nddd blob 5\nx\ny\nz\n".utf8)
        let blobs = BlobCache.parseBatch(out)
        #expect(blobs["aaa"] == Array("abc".utf8))
        #expect(blobs["bbb"] == nil)
        #expect(blobs["ccc"] == [])
        #expect(blobs["ddd"] == Array("x\ny\nz".utf8))
        // A truncated answer yields what is whole, never a crash.
        #expect(BlobCache.parseBatch(Array("aaa blob 10\nabc".utf8)).isEmpty)
    }
}
