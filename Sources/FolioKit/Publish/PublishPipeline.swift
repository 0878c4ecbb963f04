import Foundation

/// `folio publish`: builds the paper at the checked-out commit (HTML and PDF) and lays it out as a
/// static site — the latest version at the top, every version under `v/<commit>/`, `versions.json`,
/// `versions.html` and `.nojekyll` — in a folder, or as a new commit on a branch (`gh-pages`),
/// pushed to a remote. Everything is checked before anything changes.
public enum PublishPipeline {
    public struct Request: Sendable {
        public var paperDirectory: String
        /// Where a site folder is written (`--site`); ignored when `branch` is set.
        public var siteDirectory: String
        /// Publish onto this branch instead of a folder.
        public var branch: String?
        /// The remote (name or URL) to fetch the branch from and push it to.
        public var remote: String?
        public var push = true
        /// Build the PDF too (the default; `--no-pdf` for machines without TeX Live).
        public var pdf = true
        public var profile: Profile = .draft
        public var limits = BuildPipeline.ToolLimits()
        public var gitLimits = ProcessRunner.Limits.git
        public var environment = ProcessInfo.processInfo.environment

        public init(paperDirectory: String, siteDirectory: String) {
            self.paperDirectory = paperDirectory
            self.siteDirectory = siteDirectory
        }
    }

    public struct Outcome: Sendable {
        public var diagnostics = DiagnosticEngine()
        /// The source commit published.
        public var commit: String?
        /// The branch's new commit; nil when nothing changed (the version was already published).
        public var branchCommit: String?
        /// Files written into the site.
        public var written: [String] = []
        /// Whether the site changed at all.
        public var changed = false
        /// Whether the branch was pushed (a new commit, or a local one the remote did not have yet).
        public var pushed = false
    }

    public static func run(_ request: Request) -> Outcome {
        var outcome = Outcome()
        do throws(Diagnostic) {
            try publish(request, into: &outcome)
        } catch {
            outcome.diagnostics.emit(error)
        }
        return outcome
    }

    private static func publish(_ request: Request, into outcome: inout Outcome) throws(Diagnostic) {
        let paper = URL(fileURLWithPath: request.paperDirectory).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: paper) else {
            throw .error("publish.paper", "the paper folder '\(DisplayPath.of(paper))' does not exist", at: nil)
        }
        guard let git = Git(directory: paper, limits: request.gitLimits, id: "publish.git") else {
            throw .error("publish.not-git", "publishing needs git, which is not installed", at: nil)
        }
        guard let top = try git.topLevel() else {
            throw .error("publish.not-git", "'\(DisplayPath.of(paper))' is not in a git repository; each published version is named by its commit", at: nil,
                         notes: ["run 'git init' and commit the paper, or build without publishing ('folio build')"])
        }
        guard try git.commit("HEAD") != nil else {
            throw .error("publish.head", "HEAD has no commit yet, so there is nothing to publish", at: nil,
                         notes: ["commit the paper first"])
        }
        guard try git.run(["symbolic-ref", "--quiet", "HEAD"]).ok else {
            throw .error("publish.head", "HEAD is detached; publish from a branch, so the version is part of its history", at: nil,
                         notes: ["check out the branch to publish ('git switch main')"])
        }
        var provenance: Provenance
        switch GitProvenance.detect(paperDirectory: paper, profile: request.profile, environment: request.environment,
                                    limits: request.gitLimits) {
        case .success(let p): provenance = p
        case .failure(let d): throw d
        }
        guard let commit = provenance.commit, let commitDate = provenance.commitDate else {
            throw .error("publish.head", "git cannot say which commit HEAD is", at: nil)
        }
        if provenance.isDirty {
            throw BuildPipeline.dirtyTree(provenance, id: "publish.dirty", what: "publishing")
        }
        // The same commit always builds the same bytes: its date stands in for "now".
        if !provenance.fixedDate {
            provenance.built = commitDate
            provenance.fixedDate = true
        }
        outcome.commit = commit
        let pages = try request.branch.map { branch throws(Diagnostic) in
            // Plumbing runs at the top, where index paths are the site's paths.
            try PagesBranch(git: Git(directory: top, limits: request.gitLimits, id: "publish.git") ?? git, branch: branch,
                            remote: request.remote, push: request.push)
        }

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("folio-publish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var built = try build(request, provenance: provenance, commit: commit, in: scratch, engine: &outcome.diagnostics)
        let store: SiteStore = pages?.site ?? FolderSite(root: URL(fileURLWithPath: request.siteDirectory).standardizedFileURL)
        let previous = try previousVersion(before: commit, in: store)
        if let previous, let files = changes(since: previous, to: commit, request: request, in: scratch, engine: &outcome.diagnostics) {
            for (path, data) in files { built.archived[diffFolder + path] = data }
        }

        let entry = SiteIndex.Version(commit: commit, date: Provenance.timestamp(commitDate), version: built.manifest.version,
                                      subject: provenance.subject ?? "", path: "v/\(commit)/",
                                      pdf: request.pdf ? "v/\(commit)/paper.pdf" : nil,
                                      status: built.archived[statusPageName] == nil ? nil : "v/\(commit)/\(statusPageName)",
                                      diff: built.archived[diffFolder + "index.html"] == nil ? nil : "v/\(commit)/\(diffFolder)")
        let plan = try SitePlan.make(commit: commit, entry: entry, archived: built.archived, root: built.root,
                                     title: built.manifest.plainTitle, lang: built.manifest.lang, words: built.manifest.words,
                                     existing: store)
        if let pages {
            let staged = scratch.appendingPathComponent("site")
            for (path, data) in plan.writes {
                let url = staged.appendingPathComponent(path)
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url)
                } catch {
                    throw .error("publish.site", "cannot stage the site: \(error.localizedDescription)", at: nil)
                }
            }
            let short = String(commit.prefix(7))
            let branchName = (try? git.run(["symbolic-ref", "--quiet", "--short", "HEAD"]))?.trimmed ?? "HEAD"
            let message = "Publish \(short) from \(branchName)\n\n\(provenance.subject ?? "")\n\nSource commit: \(commit)\n[skip ci]\n"
            let next = try pages.commit(plan, staged: staged, message: message)
            outcome.branchCommit = next
            outcome.changed = next != nil
            if let tip = next ?? pages.parent { outcome.pushed = try pages.advance(to: tip) }
        } else {
            let folder = FolderSite(root: URL(fileURLWithPath: request.siteDirectory).standardizedFileURL)
            var unchanged = plan.deletes.isEmpty
            for (path, data) in plan.writes where unchanged {
                if try folder.read(path) != data { unchanged = false }
            }
            if !unchanged { try folder.apply(plan) }
            outcome.changed = !unchanged
        }
        outcome.written = plan.writes.keys.sorted()
    }

    struct Built {
        var manifest: Manifest
        /// The version's folder, and the copy for the site's top, by relative path.
        var archived: [String: Data]
        var root: [String: Data]
    }

    /// Two builds of the same analysis inputs: the archived copy (links relative to `v/<commit>/`)
    /// with the PDF, and the root copy (links into `v/<commit>/`), HTML only; the PDF is shared.
    private static func build(_ request: Request, provenance: Provenance, commit: String, in scratch: URL,
                              engine: inout DiagnosticEngine) throws(Diagnostic) -> Built {
        func run(_ folder: String, formats: [OutputFormat], links: Provenance.Links) throws(Diagnostic) -> (Manifest, [String: Data]) {
            var p = provenance
            p.links = links
            var build = BuildPipeline.Request(paperDirectory: request.paperDirectory,
                                              outputDirectory: scratch.appendingPathComponent(folder).path,
                                              formats: formats, profile: request.profile)
            build.limits = request.limits
            build.provenance = p
            let outcome = BuildPipeline.run(build)
            // The first build's findings are the paper's; the second reads the same inputs.
            if folder == "archive" { engine = outcome.diagnostics }
            guard !outcome.diagnostics.hasErrors, let manifest = outcome.manifest else {
                throw .error("publish.build", "the paper did not build, so nothing was published", at: nil)
            }
            let out = scratch.appendingPathComponent(folder)
            var files = try collect(out.appendingPathComponent("html"))
            if formats.contains(.pdf) {
                files["paper.pdf"] = try? Data(contentsOf: out.appendingPathComponent("pdf/paper.pdf"))
            }
            return (manifest, files)
        }
        let pdfLink = request.pdf ? "paper.pdf" : nil
        // Both copies keep the forge's commit link; they differ in where the archive and the list are.
        var archiveLinks = provenance.links
        archiveLinks.archive = "./"
        archiveLinks.versions = "../../\(SiteIndex.pageName)"
        archiveLinks.pdf = pdfLink
        var rootLinks = provenance.links
        rootLinks.archive = "v/\(commit)/"
        rootLinks.versions = SiteIndex.pageName
        rootLinks.pdf = pdfLink
        let (manifest, archived) = try run("archive", formats: request.pdf ? [.html, .latex, .pdf] : [.html], links: archiveLinks)
        var (_, root) = try run("root", formats: [.html], links: rootLinks)
        if let pdf = archived["paper.pdf"] { root["paper.pdf"] = pdf }
        if request.pdf && archived["paper.pdf"] == nil {
            throw .error("publish.build", "the PDF was not made, so nothing was published", at: nil)
        }
        // The version's status page (`folio status --format html`), beside its paper.
        var archivedFiles = archived
        if let page = statusPage(request) {
            archivedFiles[statusPageName] = page
            root[statusPageName] = page
        }
        return Built(manifest: manifest, archived: archivedFiles, root: root)
    }

    static let statusPageName = "status.html"
    static let diffFolder = "diff/"

    /// The version published before `commit`: the newest other one, or the one after it in the list
    /// when `commit` is already published (so that publishing it again gives the same bytes).
    private static func previousVersion(before commit: String, in store: SiteStore) throws(Diagnostic) -> String? {
        guard let data = try store.read(SiteIndex.fileName),
              case .success(let index) = SiteIndex.parse(data, file: store.display(SiteIndex.fileName)) else { return nil }
        if let i = index.versions.firstIndex(where: { $0.commit == commit }) {
            return index.versions.dropFirst(i + 1).first?.commit
        }
        return index.versions.first?.commit
    }

    /// `folio diff PREVIOUS COMMIT` as HTML (no PDF), by relative path; nil, with a warning, when it
    /// cannot be made (the previous commit is not in this clone, or that version does not build).
    private static func changes(since previous: String, to commit: String, request: Request, in scratch: URL,
                                engine: inout DiagnosticEngine) -> [String: Data]? {
        var diff = DiffPipeline.Request(paperDirectory: request.paperDirectory, old: previous, new: commit,
                                        outputDirectory: scratch.appendingPathComponent("diff").path)
        diff.pdf = false
        diff.gitLimits = request.gitLimits
        let outcome = DiffPipeline.run(diff)
        guard !outcome.diagnostics.hasErrors else {
            engine.emit(.warning("publish.no-diff", "no changes page for this version: the version published before it (\(previous.prefix(7))) could not be compared with it",
                                 at: nil, notes: outcome.diagnostics.sorted.filter { $0.severity == .error }.prefix(3).map { .init($0.message) }
                                    + ["a clone needs the full history for this (actions/checkout with fetch-depth: 0)"]))
            return nil
        }
        guard let result = outcome.diff, !result.isEmpty,
              var files = try? collect(scratch.appendingPathComponent("diff")) else { return nil }
        files = files.filter { !$0.key.hasPrefix("latex/") && $0.key != DiffPipeline.marker }
        return files
    }

    private static func statusPage(_ request: Request) -> Data? {
        let (status, _) = PaperStatus.collect(DiskProvider(directory: request.paperDirectory), directory: request.paperDirectory,
                                              profile: request.profile, gitLimits: request.gitLimits)
        return status.map { Data(StatusReportWriter.render($0, format: .html).utf8) }
    }


    /// Every regular file under `folder`, by relative path; links are never followed or published.
    static func collect(_ folder: URL) throws(Diagnostic) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else {
            return out
        }
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isSymbolicLink != true, values?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            do { out[String(path.dropFirst(base.count))] = try Data(contentsOf: url) } catch {
                throw .error("publish.build", "cannot read the built '\(path)': \(error.localizedDescription)", at: nil)
            }
        }
        return out
    }
}
