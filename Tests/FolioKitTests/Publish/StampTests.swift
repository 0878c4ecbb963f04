import Foundation
import Testing
@testable import FolioKit

/// Every build says where it came from: the commit (and "+dirty"), the date, the version, the profile
/// and the pull request, in HTML meta tags and banner, and on every PDF page.
@Suite("Draft stamps", .requires(.git))
struct StampTests {
    @Test("HTML carries folio: meta tags and, in a draft, a banner with the version, short commit and date")
    func htmlDraft() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let p = try r.provenance()
        #expect(p.commit == r.first)
        #expect(!p.isDirty)
        #expect(p.fixedDate && Provenance.timestamp(p.built) == "2026-01-01T00:00:00Z")
        let (outcome, out) = try r.build([.html])
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let html = try String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8)
        #expect(html.contains("<meta name=\"folio:commit\" content=\"\(r.first)\" />"))
        #expect(html.contains("<meta name=\"folio:version\" content=\"1.0.0\" />"))
        #expect(html.contains("<meta name=\"folio:built\" content=\"2026-01-01T00:00:00Z\" />"))
        #expect(html.contains("<meta name=\"folio:profile\" content=\"draft\" />"))
        let banner = try #require(html.range(of: "<aside class=\"draft-banner\"").map { String(html[$0.lowerBound...].prefix(while: { $0 != "\n" })) })
        #expect(banner.contains("<strong>Draft</strong>"))
        #expect(banner.contains("Version 1.0.0"))
        #expect(banner.contains("<code>\(r.first.prefix(7))</code>"))
        #expect(banner.contains("built 2026-01-01"))
        #expect(html.contains("<p class=\"stamp\">commit <code>\(r.first.prefix(7))</code> · built 2026-01-01</p>"))
    }

    @Test("A final build has no banner, and refuses a paper folder with uncommitted changes, naming the files")
    func finalAndDirty() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let (clean, out) = try r.build([.html], profile: .final)
        #expect(!clean.diagnostics.hasErrors, "\(clean.diagnostics.diagnostics)")
        let html = try String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8)
        #expect(!html.contains("draft-banner"))
        #expect(html.contains("<meta name=\"folio:profile\" content=\"final\" />"))
        #expect(html.contains("<p class=\"stamp\">commit <code>\(r.first.prefix(7))</code>"))

        try r.repo.write("Paper/chapters/needs.md", "# Needs\n\nChanged and not committed.\n")
        try r.repo.write("Paper/chapters/new.md", "# New\n")
        let before = try Data(contentsOf: out.appendingPathComponent("html/index.html"))
        let (dirty, _) = try r.build([.html], profile: .final)
        let error = try #require(dirty.diagnostics.diagnostics.first { $0.id == "build.dirty" })
        #expect(error.severity == .error)
        #expect(error.message.contains("2 files"))
        #expect(error.range?.start.file.hasSuffix("Paper/chapters/needs.md") == true)
        #expect(error.notes.contains { $0.message.hasSuffix("Paper/chapters/new.md") })
        #expect(try Data(contentsOf: out.appendingPathComponent("html/index.html")) == before, "a failed build keeps the previous outputs")

        let (draft, _) = try r.build([.html])
        #expect(!draft.diagnostics.hasErrors)
        let html2 = try String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8)
        #expect(html2.contains("content=\"\(r.first)+dirty\""))
        #expect(html2.contains("<code>\(r.first.prefix(7))+dirty</code>"))
    }

    @Test("The preview's memo asks git for the repository and a commit's subject once, and still sees edits and new commits")
    func memoKeepsWhatCannotChange() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let memo = GitProvenance.Memo()
        func detect() throws -> Provenance {
            try GitProvenance.detect(paperDirectory: r.paper.path, profile: .draft, environment: ["SOURCE_DATE_EPOCH": "0"], memo: memo).get()
        }
        let first = try detect()
        #expect(first.commit == r.first && !first.isDirty && first.subject == "First draft")
        #expect(try detect().commit == r.first)
        #expect(memo.lookups == 2, "the top folder and one commit, asked once each")
        try r.repo.write("Paper/chapters/needs.md", "# Needs\n\nEdited.\n")
        let edited = try detect()
        #expect(edited.isDirty && edited.changedFiles.count == 1 && edited.changedFiles[0].hasSuffix("Paper/chapters/needs.md"))
        let second = try r.repo.commit("Second draft")
        let committed = try detect()
        #expect(committed.commit == second && committed.subject == "Second draft" && !committed.isDirty)
        #expect(memo.lookups == 3)
        #expect(try detect() == (try r.provenance(environment: ["SOURCE_DATE_EPOCH": "0"])), "the same as without the memo")
    }

    @Test("git status in porcelain v2: HEAD, changed, unmerged and untracked paths, spaces kept")
    func statusRecords() {
        let head = String(repeating: "a", count: 40)
        let records = ["# branch.oid \(head)", "# branch.head main",
                       "1 .M N... 100644 100644 100644 \(head) \(head) Paper/chapters/a b.md",
                       "u UU N... 100644 100644 100644 100644 \(head) \(head) \(head) Paper/c.md",
                       "? Paper/new file.md"]
        let parsed = GitProvenance.parseStatus(Data((records.joined(separator: "\0") + "\0").utf8))
        #expect(parsed.head == head)
        #expect(parsed.changed == ["Paper/c.md", "Paper/chapters/a b.md", "Paper/new file.md"])
        #expect(GitProvenance.parseStatus(Data("# branch.oid (initial)\0? x.md\0".utf8)).head == nil)
    }

    @Test("A pull-request build says 'Preview of pull request #N', from GitHub's environment or --pull-request")
    func pullRequest() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let env = ["GITHUB_EVENT_NAME": "pull_request", "GITHUB_REF": "refs/pull/42/merge", "SOURCE_DATE_EPOCH": "1767225600",
                   "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "example/paper"]
        let p = try r.provenance(environment: env)
        #expect(p.pullRequest == 42)
        #expect(p.links.commit == "https://github.com/example/paper/commit/\(r.first)")
        let (outcome, out) = try r.build([.html], provenance: p)
        #expect(!outcome.diagnostics.hasErrors)
        let html = try String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8)
        #expect(html.contains("<strong>Preview of pull request #42</strong>"))
        #expect(html.contains("<a href=\"https://github.com/example/paper/commit/\(r.first)\">commit <code>\(r.first.prefix(7))</code></a>"))
        #expect(html.contains("<meta name=\"folio:pull-request\" content=\"42\" />"))
        // A push event is not a pull request.
        #expect(try r.provenance(environment: ["GITHUB_EVENT_NAME": "push", "GITHUB_REF": "refs/pull/42/merge"]).pullRequest == nil)

        let cli = try CLI.run(["build", "--paper", "Paper", "--out", "Build", "--to", "html", "--pull-request", "7"], in: r.work,
                              environment: ["GITHUB_EVENT_NAME": "", "GITHUB_REF": ""])
        #expect(cli.status == 0, "\(cli.stderr)")
        let page = try String(contentsOf: r.work.appendingPathComponent("Build/html/index.html"), encoding: .utf8)
        #expect(page.contains("Preview of pull request #7"))
        let bad = try CLI.run(["build", "--paper", "Paper", "--to", "html"], in: r.work, environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("SOURCE_DATE_EPOCH is 'yesterday'"))
    }

    @Test("Outside git the stamp has the date but no commit; the build still works")
    func outsideGit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let paper = scratch.url.appendingPathComponent("Paper")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("papers/mini"), to: paper)
        let p = try GitProvenance.detect(paperDirectory: paper.path, profile: .draft, environment: ["SOURCE_DATE_EPOCH": "0"]).get()
        #expect(p.commit == nil)
        var request = BuildPipeline.Request(paperDirectory: paper.path, outputDirectory: scratch.url.appendingPathComponent("Build").path,
                                            formats: [.html], profile: .draft)
        request.provenance = p
        #expect(!BuildPipeline.run(request).diagnostics.hasErrors)
        let html = try #require(scratch.read("Build/html/index.html"))
        #expect(html.contains("<meta name=\"folio:commit\" content=\"none\" />"))
        #expect(html.contains("<strong>Draft</strong> · Version 1.0.0 · <time datetime=\"1970-01-01T00:00:00Z\">built 1970-01-01</time>"))
    }

    @Test("The PDF has the short commit on every page, DRAFT on every page only in a draft, and the commit in its metadata",
          .requires(.tex))
    func pdfEveryPage() throws {
        try Requirement.tex.check()
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let short = String(r.first.prefix(7))
        for profile in [Profile.draft, .final] {
            let (outcome, out) = try r.build([.latex, .pdf], profile: profile)
            #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
            let pdf = out.appendingPathComponent("pdf/paper.pdf")
            let pages = try pdfPages(pdf)
            #expect(pages.count >= 5)
            for (i, page) in pages.enumerated() {
                #expect(page.contains("commit \(short)"), "page \(i + 1) of the \(profile) PDF lacks the commit")
                #expect(page.contains("DRAFT") == (profile == .draft), "page \(i + 1) of the \(profile) PDF")
            }
            let info = try ProcessRunner.run(try #require(ProcessRunner.which("pdfinfo")), ["-custom", pdf.path], in: "/")
            #expect(info.output.contains("FolioCommit:") && info.output.contains(r.first))
            #expect(info.output.contains("FolioVersion:") && info.output.contains("1.0.0"))
            let plain = try ProcessRunner.run(try #require(ProcessRunner.which("pdfinfo")), [pdf.path], in: "/")
            #expect(plain.output.contains("Subject:") && plain.output.contains("A fixture for golden tests"))
            #expect(plain.output.contains("Author:") && plain.output.contains("Ada Example"))
            #expect(plain.output.contains("CreationDate:") && plain.output.contains("2026"))
        }
    }

    @Test("With SOURCE_DATE_EPOCH fixed, two builds of one commit in different folders are byte-identical, PDF included",
          .requires(.tex))
    func reproducible() throws {
        try Requirement.tex.check()
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let cmp = try #require(ProcessRunner.which("cmp"))
        var outputs: [URL] = []
        for name in ["one", "two"] {
            let clone = r.repo.scratch.url.appendingPathComponent("clones/\(name)/paper-repo")
            try FileManager.default.createDirectory(at: clone.deletingLastPathComponent(), withIntermediateDirectories: true)
            try r.git(["clone", "-q", r.work.path, clone.path])
            let (outcome, out) = try r.build([.html, .latex, .pdf], paper: clone.appendingPathComponent("Paper"))
            #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
            outputs.append(out)
        }
        for file in ["html/index.html", "html/style.css", "latex/paper.tex", "pdf/paper.pdf"] {
            let r = try ProcessRunner.run(cmp, [outputs[0].appendingPathComponent(file).path, outputs[1].appendingPathComponent(file).path], in: "/")
            #expect(r.status == 0, "\(file) differs: \(r.output)")
        }
    }
}
