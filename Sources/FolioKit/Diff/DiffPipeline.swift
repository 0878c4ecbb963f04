import Foundation

/// `folio diff OLD [NEW]`: both revisions loaded through the source providers (NEW defaults to the
/// working tree) and analysed as every build is, review marks accepted; the resolved papers compared
/// (`PaperDiff`); then the new paper with its changes marked written as `index.html` (with its
/// stylesheet and assets) and `diff.pdf`, or the changes as CriticMarkup sources (`--format critic`).
public enum DiffPipeline {
    public enum Format: String, Sendable, CaseIterable {
        /// The rendered diff: HTML, and the PDF unless `pdf` is off.
        case html
        /// Chapter files with the changes as CriticMarkup, under `critic/`.
        case critic
    }

    public struct Request: Sendable {
        public var paperDirectory: String
        public var old: String
        /// nil: the working tree.
        public var new: String?
        public var outputDirectory: String
        public var format = Format.html
        public var pdf = true
        public var gitLimits = ProcessRunner.Limits.git
        public var limits = BuildPipeline.ToolLimits()

        public init(paperDirectory: String, old: String, new: String?, outputDirectory: String) {
            self.paperDirectory = paperDirectory
            self.old = old
            self.new = new
            self.outputDirectory = outputDirectory
        }
    }

    public struct Outcome: Sendable {
        public var diagnostics: DiagnosticEngine
        public var diff: PaperDiff?
        /// Files written, relative to the output folder.
        public var written: [String] = []
    }

    public static func run(_ request: Request) -> Outcome {
        var engine = DiagnosticEngine(profile: .draft)
        func fail(_ d: Diagnostic) -> Outcome {
            engine.emit(d)
            return Outcome(diagnostics: engine)
        }
        let oldSource: GitRevisionProvider
        switch GitRevisionProvider.open(directory: request.paperDirectory, revision: request.old, limits: request.gitLimits) {
        case .success(let p): oldSource = p
        case .failure(let d): return fail(d)
        }
        var newSource: any SourceProvider = DiskProvider(directory: request.paperDirectory)
        var newName = "the working tree"
        if let rev = request.new {
            switch GitRevisionProvider.open(directory: request.paperDirectory, revision: rev, limits: request.gitLimits) {
            case .success(let p):
                newSource = p
                newName = "\(rev) (\(p.commit.prefix(7)))"
            case .failure(let d): return fail(d)
            }
        }
        let oldName = "\(request.old) (\(oldSource.commit.prefix(7)))"
        var options = Analyzer.Options()
        options.splitOneFilePapers = false
        options.review = .accept
        let before = Analyzer.run(oldSource, options), after = Analyzer.run(newSource, options)
        for (analysis, name) in [(before, oldName), (after, newName)] where analysis.hasErrors || analysis.resolved == nil {
            engine.emit(contentsOf: analysis.diagnostics.filter { $0.severity == .error })
            engine.emit(.error("diff.build", "the paper at \(name) does not build, so it cannot be compared", at: nil,
                               notes: ["fix the errors above (they are in \(name)), or compare other revisions"]))
        }
        guard !engine.hasErrors, let oldParsed = before.paper, let oldResolved = before.resolved,
              let newParsed = after.paper, let newResolved = after.resolved else { return Outcome(diagnostics: engine) }
        // The papers as readers get them: every review mark accepted, on both sides.
        let oldPaper = ReviewDecision.apply(.accept, to: oldParsed, profile: .draft).paper
        let newPaper = ReviewDecision.apply(.accept, to: newParsed, profile: .draft).paper
        let diff = PaperDiff.make(old: oldPaper, oldIDs: oldResolved.chapterIDs, new: newPaper, newIDs: newResolved.chapterIDs,
                                  newLabels: newResolved.labels, oldName: oldName, newName: newName)
        var outcome = Outcome(diagnostics: engine, diff: diff)
        guard !diff.isEmpty else { return outcome }
        let out = URL(fileURLWithPath: request.outputDirectory).standardizedFileURL
        if let problem = unsafeOutput(out, paper: URL(fileURLWithPath: request.paperDirectory).standardizedFileURL) {
            outcome.diagnostics.emit(problem)
            return outcome
        }
        switch request.format {
        case .html: writeRendered(diff, request: request, into: &outcome)
        case .critic: writeCritic(old: oldPaper, new: newPaper, oldIDs: oldResolved.chapterIDs, newIDs: newResolved.chapterIDs,
                                 request: request, into: &outcome)
        }
        return outcome
    }

    /// Resolves the marked paper and writes it through the build's writers into a fresh folder, which
    /// then replaces the output folder.
    private static func writeRendered(_ diff: PaperDiff, request: Request, into outcome: inout Outcome) {
        var (resolved, diagnostics) = Resolver.resolve(diff.paper, profile: .draft, review: .show)
        // The comparison already reported the papers' own warnings; only errors stop the diff.
        outcome.diagnostics.emit(contentsOf: diagnostics.filter { $0.severity == .error })
        guard !outcome.diagnostics.hasErrors else { return }
        // The changes' own anchors; chapter-level changes link to the chapter's label.
        resolved.hyperTargets.formUnion(diff.changes.compactMap(\.anchor).filter { $0.hasPrefix("change-") })
        let out = URL(fileURLWithPath: request.outputDirectory).standardizedFileURL
        let staging = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        var build = BuildPipeline.Request(source: diff.paper.provider, outputDirectory: staging.appendingPathComponent("build").path,
                                          formats: request.pdf ? [.html, .latex, .pdf] : [.html, .latex], profile: .draft)
        build.limits = request.limits
        let built = BuildPipeline.write(resolved, engine: outcome.diagnostics, request: build)
        outcome.diagnostics = built.diagnostics
        guard !built.diagnostics.hasErrors else { return }
        let fm = FileManager.default
        let result = staging.appendingPathComponent("result")
        do {
            try fm.moveItem(at: staging.appendingPathComponent("build/html"), to: result)
            try Data().write(to: result.appendingPathComponent(marker))
            try fm.moveItem(at: staging.appendingPathComponent("build/latex"), to: result.appendingPathComponent("latex"))
            if request.pdf {
                try fm.moveItem(at: staging.appendingPathComponent("build/pdf/paper.pdf"), to: result.appendingPathComponent("diff.pdf"))
            }
            try replace(out, with: result)
        } catch {
            outcome.diagnostics.emit(.error("build.output", "cannot write the diff to '\(DisplayPath.of(out.path))': \(error.localizedDescription)", at: nil))
            return
        }
        outcome.written = ["index.html"] + (request.pdf ? ["diff.pdf"] : []) + ["latex/paper.tex"]
    }

    /// Writes each chapter that changed as CriticMarkup under `critic/`, at its path in the paper
    /// (a removed chapter with every line marked removed), with review marks of either side accepted.
    private static func writeCritic(old: Paper, new: Paper, oldIDs: [String: String], newIDs: [String: String],
                                    request: Request, into outcome: inout Outcome) {
        let oldByID = PaperDiff.byID(old, oldIDs)
        let newIDSet = Set(new.chapters.map { newIDs[$0.path] ?? $0.path })
        let out = URL(fileURLWithPath: request.outputDirectory).standardizedFileURL
        let staging = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        var pairs: [(path: String, manifestPath: String, old: String, new: String)] = []
        for ch in new.chapters {
            let before = oldByID[newIDs[ch.path] ?? ch.path]
            pairs.append((ch.path, ch.manifestPath, before.map { text($0, old, into: &outcome) } ?? "", text(ch, new, into: &outcome)))
        }
        for ch in old.chapters where !newIDSet.contains(oldIDs[ch.path] ?? ch.path) {
            pairs.append((ch.path, ch.manifestPath, text(ch, old, into: &outcome), ""))
        }
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(marker))
            for pair in pairs where pair.old != pair.new {
                let marked = CriticWriter.mark(old: pair.old, new: pair.new, file: pair.path)
                outcome.diagnostics.emit(contentsOf: marked.notes)
                let file = staging.appendingPathComponent("critic/" + pair.manifestPath)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(marked.text.utf8).write(to: file)
                written.append("critic/" + pair.manifestPath)
            }
            try replace(out, with: staging)
        } catch {
            outcome.diagnostics.emit(.error("build.output", "cannot write the diff to '\(DisplayPath.of(out.path))': \(error.localizedDescription)", at: nil))
            return
        }
        outcome.written = written
    }

    /// A chapter file's text as the paper reads it: review marks accepted.
    private static func text(_ chapter: Chapter, _ paper: Paper, into outcome: inout Outcome) -> String {
        switch paper.provider.read(chapter.manifestPath, maxBytes: 64 << 20, followLinks: true) {
        case .success(let bytes):
            return ReviewRewriter.resolved(String(decoding: bytes, as: UTF8.self), path: chapter.path, accept: true,
                                           limits: paper.manifest.limits)
        case .failure:
            outcome.diagnostics.emit(.error("diff.build", "cannot read \(chapter.path) from \(paper.provider.origin)", at: nil))
            return ""
        }
    }

    /// The file in every folder `folio diff` writes, so that it only ever replaces its own output.
    static let marker = ".folio-diff"

    /// Why the output folder may not be replaced: it holds the paper, or files `folio diff` did not write.
    private static func unsafeOutput(_ out: URL, paper: URL) -> Diagnostic? {
        let fm = FileManager.default
        let o = out.resolvingSymlinksInPath().path, p = paper.resolvingSymlinksInPath().path
        if p == o || p.hasPrefix(o.hasSuffix("/") ? o : o + "/") {
            return .error("diff.output", "--out '\(DisplayPath.of(out.path))' holds the paper; the diff replaces its output folder, so give it a folder of its own (default Build/diff)", at: nil)
        }
        guard fm.fileExists(atPath: out.path) else { return nil }
        let entries = (try? fm.contentsOfDirectory(atPath: out.path)) ?? ["?"]
        if entries.isEmpty || entries.contains(marker) { return nil }
        return .error("diff.output", "--out '\(DisplayPath.of(out.path))' already holds files folio diff did not write; it replaces its output folder whole, so give it a new or empty folder (default Build/diff)", at: nil)
    }

    /// Puts `folder` where `out` was, removing the old output only once the new one is in place (and
    /// putting it back if the move fails).
    private static func replace(_ out: URL, with folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent)-old-\(UUID().uuidString)")
        let hadOld = fm.fileExists(atPath: out.path)
        if hadOld { try fm.moveItem(at: out, to: old) }
        do {
            try fm.moveItem(at: folder, to: out)
        } catch {
            if hadOld { try? fm.moveItem(at: old, to: out) }
            throw error
        }
        try? fm.removeItem(at: old)
    }
}
