import Foundation
import Testing
@testable import FolioKit

/// `folio publish` against a real repository whose `origin` is a local bare repository.
@Suite("Publishing", .requires(.git))
struct PublishTests {
    func publish(_ r: PaperRepo, branch: String? = "gh-pages", remote: String? = "origin", push: Bool = true, pdf: Bool = false,
                 site: URL? = nil, paper: URL? = nil) -> PublishPipeline.Outcome {
        var request = PublishPipeline.Request(paperDirectory: (paper ?? r.paper).path,
                                              siteDirectory: (site ?? r.work.appendingPathComponent("Build/site")).path)
        request.branch = branch
        request.remote = remote
        request.push = push
        request.pdf = pdf
        request.environment = [:]
        return PublishPipeline.run(request)
    }

    /// The remote branch's tip, or nil.
    func remoteTip(_ r: PaperRepo, _ branch: String = "gh-pages") throws -> String? {
        let out = try ProcessRunner.run("/usr/bin/env", ["git", "rev-parse", "--verify", "--quiet", "refs/heads/\(branch)"], in: r.remote.path)
        return out.status == 0 ? out.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    func show(_ r: PaperRepo, _ spec: String) throws -> String {
        try r.git(["--git-dir", r.remote.path, "show", spec])
    }

    func errorIDs(_ o: PublishPipeline.Outcome) -> [String] { o.diagnostics.diagnostics.filter { $0.severity == .error }.map(\.id) }

    @Test("Two commits give two v/ folders, the root shows the newer, versions.json lists both newest first, history only grows")
    func twoVersions() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let before = try r.repo.state()
        let one = publish(r)
        #expect(one.diagnostics.diagnostics.filter { $0.severity == .error }.isEmpty, "\(one.diagnostics.diagnostics)")
        let firstTip = try #require(try remoteTip(r))
        #expect(one.branchCommit == firstTip)
        #expect(try r.repo.state() == before, "publishing changed the working tree, the index or HEAD")

        let second = try r.edit("A newer paragraph.", message: "Second draft")
        let two = publish(r)
        #expect(errorIDs(two).isEmpty, "\(two.diagnostics.diagnostics)")
        let secondTip = try #require(try remoteTip(r))
        #expect(secondTip != firstTip)
        #expect(try ProcessRunner.run("/usr/bin/env", ["git", "merge-base", "--is-ancestor", firstTip, secondTip], in: r.remote.path).status == 0,
                "the branch's history only grows")
        #expect(try r.git(["rev-parse", "gh-pages"]).trimmingCharacters(in: .whitespacesAndNewlines) == secondTip)

        let files = Set(try r.git(["--git-dir", r.remote.path, "ls-tree", "-r", "--name-only", "gh-pages"]).split(separator: "\n").map(String.init))
        for commit in [r.first, second] {
            #expect(files.contains("v/\(commit)/index.html"))
            #expect(files.contains("v/\(commit)/style.css"))
            #expect(files.contains("v/\(commit)/assets/tiers.svg") || files.contains { $0.hasPrefix("v/\(commit)/") && $0.hasSuffix(".svg") })
        }
        #expect(files.isSuperset(of: ["index.html", "style.css", "versions.json", "versions.html", ".nojekyll"]))
        let root = try show(r, "gh-pages:index.html")
        #expect(root.contains("<meta name=\"folio:commit\" content=\"\(second)\" />"))
        #expect(root.contains("<a href=\"v/\(second)/\">commit <code>\(second.prefix(7))</code></a>"))
        #expect(root.contains("<a href=\"versions.html\">All versions</a>"))
        let archived = try show(r, "gh-pages:v/\(r.first)/index.html")
        #expect(archived.contains("<meta name=\"folio:commit\" content=\"\(r.first)\" />"))
        #expect(archived.contains("<a href=\"../../versions.html\">All versions</a>"))

        let index = try JSONDecoder().decode(SiteIndex.self, from: Data(try show(r, "gh-pages:versions.json").utf8))
        #expect(index.latest == second)
        #expect(index.versions.map(\.commit) == [second, r.first])
        #expect(index.versions.map(\.subject) == ["Second draft", "First draft"])
        #expect(index.versions.allSatisfy { $0.version == "1.0.0" && $0.path == "v/\($0.commit)/" })
        let list = try show(r, "gh-pages:versions.html")
        #expect(list.contains("href=\"v/\(second)/\"") && list.contains("href=\"v/\(r.first)/\""))
        #expect(list.components(separatedBy: "<strong>latest</strong>").count == 2, "exactly one version is marked latest")
        let message = try r.git(["--git-dir", r.remote.path, "log", "-1", "--format=%B", "gh-pages"])
        #expect(message.contains(second) && message.contains("[skip ci]"))
        let modes = try r.git(["--git-dir", r.remote.path, "ls-tree", "-r", "gh-pages"])
        #expect(!modes.contains("120000"), "the site holds a symbolic link")
        // The second version carries its changes since the first; the first had nothing before it.
        #expect(files.contains("v/\(second)/diff/index.html") && files.contains("v/\(second)/status.html"))
        #expect(!files.contains { $0.hasPrefix("v/\(r.first)/diff/") })
        #expect(index.versions.map(\.diff) == ["v/\(second)/diff/", nil])
        #expect(list.contains("href=\"v/\(second)/diff/\">changes since the previous version</a>"))
        let changes = try show(r, "gh-pages:v/\(second)/diff/index.html")
        #expect(changes.contains("<ins class=\"review\">A newer paragraph.</ins>"))
    }

    @Test("Publishing the same commit twice makes no new commit")
    func republishIsANoOp() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        #expect(errorIDs(publish(r)).isEmpty)
        let tip = try remoteTip(r)
        let again = publish(r)
        #expect(errorIDs(again).isEmpty, "\(again.diagnostics.diagnostics)")
        #expect(again.branchCommit == nil)
        #expect(try remoteTip(r) == tip)
    }

    @Test("Files the branch already holds survive; the old root's files that the new version lacks go, its archive stays")
    func unrelatedFilesSurvive() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        // Someone set up Pages by hand first: a CNAME and a README on an orphan gh-pages.
        let other = r.repo.scratch.url.appendingPathComponent("other")
        try r.git(["clone", "-q", "-b", "main", r.remote.path, other.path])
        try r.git(["checkout", "-q", "--orphan", "gh-pages"], in: other)
        try r.git(["rm", "-rq", "--cached", "."], in: other)
        try Data("paper.example.org\n".utf8).write(to: other.appendingPathComponent("CNAME"))
        try r.git(["add", "CNAME"], in: other)
        try r.git(["commit", "-qm", "Pages domain"], in: other)
        try r.git(["push", "-q", "origin", "gh-pages"], in: other)

        // The first version has an extra figure.
        let conclusion = r.paper.appendingPathComponent("chapters/conclusion.md")
        let original = try String(contentsOf: conclusion, encoding: .utf8)
        try r.repo.scratch.writePNG("work/Paper/figures/extra.png")
        try Data((original + "\n![An extra figure.](figures/extra.png){#fig:extra}\n").utf8).write(to: conclusion)
        let first = try r.repo.commit("Add a figure")
        #expect(errorIDs(publish(r)).isEmpty)
        let files = try r.git(["--git-dir", r.remote.path, "ls-tree", "-r", "--name-only", "gh-pages"])
        #expect(files.contains("CNAME"))
        let figure = try #require(files.split(separator: "\n").first { !$0.hasPrefix("v/") && $0.hasSuffix("extra.png") }.map(String.init))

        // The next version drops it: the root loses it, the first version's archive keeps it.
        try Data(original.utf8).write(to: conclusion)
        try FileManager.default.removeItem(at: r.paper.appendingPathComponent("figures/extra.png"))
        let second = try r.repo.commit("Drop the figure")
        let two = publish(r)
        #expect(errorIDs(two).isEmpty, "\(two.diagnostics.diagnostics)")
        let after = try r.git(["--git-dir", r.remote.path, "ls-tree", "-r", "--name-only", "gh-pages"])
        #expect(after.contains("CNAME"))
        #expect(!after.split(separator: "\n").contains(Substring(figure)), "the old root's figure is still there")
        #expect(after.contains("v/\(first)/\(figure)"))
        #expect(after.contains("v/\(second)/index.html"))
    }

    @Test("Every link in the site is relative, so v/<commit>/ works under any sub-path")
    func linksAreRelative() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        try r.edit("See [the tiers figure](#fig-tiers) and <https://example.org/report>.", message: "Links")
        let site = r.repo.scratch.url.appendingPathComponent("site")
        let out = publish(r, branch: nil, remote: nil, site: site)
        #expect(errorIDs(out).isEmpty, "\(out.diagnostics.diagnostics)")
        let fm = FileManager.default
        let walker = try #require(fm.enumerator(at: site, includingPropertiesForKeys: [.isSymbolicLinkKey]))
        var pages: [URL] = []
        for case let url as URL in walker {
            #expect((try url.resourceValues(forKeys: [.isSymbolicLinkKey])).isSymbolicLink != true, "\(url.path) is a link")
            if url.pathExtension == "html" { pages.append(url) }
        }
        // index.html, versions.html and status.html at the top, and the version's index and status pages.
        #expect(pages.count == 5)
        #expect(fm.fileExists(atPath: site.appendingPathComponent("status.html").path))
        let siteFiles = Set(pages.map(\.lastPathComponent) + ["style.css", "paper.pdf", "versions.json"])
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            for attr in ["href=\"", "src=\""] {
                for piece in html.components(separatedBy: attr).dropFirst() {
                    let link = String(piece.prefix { $0 != "\"" })
                    #expect(!link.hasPrefix("/"), "\(page.lastPathComponent): \(link) is absolute")
                    if link.contains("://") {
                        let file = link.split(separator: "/").last.map(String.init) ?? ""
                        #expect(!siteFiles.contains(file) && !link.contains("/v/"), "\(page.lastPathComponent): \(link) names a host for a local file")
                    } else if !link.hasPrefix("#"), !link.hasPrefix("mailto:") {
                        let path = String(link.prefix { $0 != "#" })
                        let target = page.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                        #expect(fm.fileExists(atPath: target.path), "\(page.path): \(link) leads nowhere")
                    }
                }
            }
        }
        // A folder site republished unchanged is left alone.
        let again = publish(r, branch: nil, remote: nil, site: site)
        #expect(errorIDs(again).isEmpty && !again.changed)
    }

    @Test("Bad input is a clear error, and the branch and the outputs stay as they were")
    func badInput() throws {
        try Requirement.git.check()
        // Not a git repository.
        let plain = try Scratch()
        defer { plain.remove() }
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("papers/mini"), to: plain.url.appendingPathComponent("Paper"))
        var request = PublishPipeline.Request(paperDirectory: plain.url.appendingPathComponent("Paper").path,
                                              siteDirectory: plain.url.appendingPathComponent("site").path)
        request.pdf = false
        request.environment = [:]
        #expect(errorIDs(PublishPipeline.run(request)) == ["publish.not-git"])
        #expect(!FileManager.default.fileExists(atPath: plain.url.appendingPathComponent("site").path))
        // An unborn HEAD.
        _ = try ProcessRunner.run("/usr/bin/env", ["git", "init", "-q", plain.url.path], in: "/")
        #expect(errorIDs(PublishPipeline.run(request)) == ["publish.head"])

        let r = try PaperRepo()
        defer { r.remove() }
        // A detached HEAD.
        try r.git(["checkout", "-q", "--detach"])
        #expect(errorIDs(publish(r)) == ["publish.head"])
        try r.git(["checkout", "-q", "main"])
        // Uncommitted changes in the paper.
        try r.repo.write("Paper/chapters/needs.md", "# Needs\n\nNot committed.\n")
        #expect(errorIDs(publish(r)) == ["publish.dirty"])
        try r.git(["checkout", "-q", "--", "Paper"])
        // An unreachable remote.
        #expect(errorIDs(publish(r, remote: r.repo.scratch.url.appendingPathComponent("nowhere.git").path)) == ["publish.remote"])
        #expect(try remoteTip(r) == nil)

        // A remote that rejects the push: nothing moves, here or there.
        _ = try ProcessRunner.run("/usr/bin/env", ["git", "config", "receive.maxInputSize", "64"], in: r.remote.path)
        #expect(errorIDs(publish(r)) == ["publish.push"])
        #expect(try remoteTip(r) == nil)
        #expect((try ProcessRunner.run("/usr/bin/env", ["git", "rev-parse", "--verify", "--quiet", "refs/heads/gh-pages"], in: r.work.path)).status != 0)
        _ = try ProcessRunner.run("/usr/bin/env", ["git", "config", "--unset", "receive.maxInputSize"], in: r.remote.path)

        // An archived version that differs from what this commit builds.
        #expect(errorIDs(publish(r)).isEmpty)
        let other = r.repo.scratch.url.appendingPathComponent("other")
        try r.git(["clone", "-q", "-b", "gh-pages", r.remote.path, other.path])
        try Data("tampered\n".utf8).write(to: other.appendingPathComponent("v/\(r.first)/index.html"))
        try r.git(["commit", "-qam", "Tamper"], in: other)
        try r.git(["push", "-q", "origin", "gh-pages"], in: other)
        let tampered = try remoteTip(r)
        let conflict = publish(r)
        #expect(errorIDs(conflict) == ["publish.version-conflict"])
        #expect(conflict.diagnostics.diagnostics.first?.notes.contains { $0.message.contains("v/\(r.first)/index.html") } == true)
        #expect(try remoteTip(r) == tampered)

        // A local gh-pages with unrelated history.
        try r.git(["branch", "-f", "gh-pages", try r.git(["commit-tree", "-m", "unrelated", "4b825dc642cb6eb9a060e54bf8d69288fbee4904"])
            .trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(errorIDs(publish(r)) == ["publish.diverged"])
        #expect(try remoteTip(r) == tampered)

        // A versions.json that Folio did not write is never overwritten.
        let foreign = r.repo.scratch.url.appendingPathComponent("foreign")
        try r.git(["clone", "-q", "-b", "gh-pages", r.remote.path, foreign.path])
        try Data("[1, 2, 3]\n".utf8).write(to: foreign.appendingPathComponent("versions.json"))
        try r.git(["commit", "-qam", "Someone else's list"], in: foreign)
        try r.git(["push", "-q", "origin", "gh-pages"], in: foreign)
        try r.git(["branch", "-D", "gh-pages"])
        let foreignTip = try remoteTip(r)
        let refused = publish(r)
        #expect(errorIDs(refused) == ["publish.index"])
        #expect(refused.diagnostics.diagnostics.first?.range?.start.file == "gh-pages:versions.json")
        #expect(try remoteTip(r) == foreignTip)

        // The branch checked out in a worktree.
        try r.git(["worktree", "add", "-q", r.repo.scratch.url.appendingPathComponent("pages-tree").path, "gh-pages"])
        #expect(errorIDs(publish(r)) == ["publish.checked-out"])
    }

    @Test("--no-push leaves the commit on the local branch; the CLI names what it did")
    func noPushAndCLI() throws {
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let local = publish(r, push: false)
        #expect(errorIDs(local).isEmpty)
        #expect(try remoteTip(r) == nil)
        #expect(try r.git(["rev-parse", "gh-pages"]).trimmingCharacters(in: .whitespacesAndNewlines) == local.branchCommit)

        let cli = try CLI.run(["publish", "--paper", "Paper", "--branch", "gh-pages", "--remote", "origin", "--no-pdf"], in: r.work)
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(cli.stdout.contains("already has") && cli.stdout.contains("pushed it to origin"), "\(cli.stdout)")
        #expect(try remoteTip(r) == local.branchCommit, "the local commit was pushed as it was")
        let usage = try CLI.run(["publish", "--remote", "origin"], in: r.work)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--remote needs --branch"))
    }

    @Test("The published site has the PDF at the root and in v/<commit>/, linked from the banner", .requires(.tex))
    func withPDF() throws {
        try Requirement.tex.check()
        try Requirement.git.check()
        let r = try PaperRepo()
        defer { r.remove() }
        let site = r.repo.scratch.url.appendingPathComponent("site")
        let out = publish(r, branch: nil, remote: nil, pdf: true, site: site)
        #expect(errorIDs(out).isEmpty, "\(out.diagnostics.diagnostics)")
        let root = try Data(contentsOf: site.appendingPathComponent("paper.pdf"))
        #expect(try Data(contentsOf: site.appendingPathComponent("v/\(r.first)/paper.pdf")) == root)
        #expect(root.starts(with: Data("%PDF".utf8)))
        let html = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"paper.pdf\">PDF</a>"))
        let pages = try pdfPages(site.appendingPathComponent("paper.pdf"))
        #expect(pages.allSatisfy { $0.contains("commit \(r.first.prefix(7))") })
    }
}
