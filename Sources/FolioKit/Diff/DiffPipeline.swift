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
        options.review = .accept
        let before = Analyzer.run(oldSource, options), after = Analyzer.run(newSource, options)
        for (analysis, name) in [(before, oldName), (after, newName)] where analysis.hasErrors || analysis.resolved == nil {
            engine.emit(contentsOf: analysis.diagnostics.filter { $0.severity == .error })
            engine.emit(.error("diff.build", "the paper at \(name) does not build, so it cannot be compared", at: nil,
                               notes: ["fix the errors above (they are in \(name)), or compare other revisions"]))
        }
        guard !engine.hasErrors, let oldPaper = before.paper, let oldResolved = before.resolved,
              let newPaper = after.paper, let newResolved = after.resolved else { return Outcome(diagnostics: engine) }
        let ids: (ResolvedPaper) -> [String: String] = { r in Dictionary(r.chapters.map { ($0.path, $0.id) }, uniquingKeysWith: { a, _ in a }) }
        let diff = PaperDiff.make(old: oldPaper, oldIDs: ids(oldResolved), new: newPaper, newIDs: ids(newResolved),
                                  newLabels: newResolved.labels, oldName: oldName, newName: newName)
        var outcome = Outcome(diagnostics: engine, diff: diff)
        guard !diff.isEmpty else { return outcome }
        switch request.format {
        case .html: writeRendered(diff, request: request, into: &outcome)
        case .critic: writeCritic(old: oldPaper, new: newPaper, oldIDs: ids(oldResolved), newIDs: ids(newResolved), request: request, into: &outcome)
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
        resolved.hyperTargets.formUnion(diff.changes.compactMap(\.anchor))
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

    /// Writes each chapter that changed as CriticMarkup under `critic/`, at its path in the paper.
    private static func writeCritic(old: Paper, new: Paper, oldIDs: [String: String], newIDs: [String: String],
                                    request: Request, into outcome: inout Outcome) {
        let oldByID = Dictionary(old.chapters.map { (oldIDs[$0.path] ?? $0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let out = URL(fileURLWithPath: request.outputDirectory).standardizedFileURL
        let staging = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        var written: [String] = []
        do {
            for ch in new.chapters {
                let before = oldByID[newIDs[ch.path] ?? ch.path]
                let oldText = before.map { text($0, old.provider) } ?? ""
                let newText = text(ch, new.provider)
                guard oldText != newText else { continue }
                let marked = CriticWriter.mark(old: oldText, new: newText, file: ch.path)
                outcome.diagnostics.emit(contentsOf: marked.notes)
                let file = staging.appendingPathComponent("critic/" + ch.manifestPath)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(marked.text.utf8).write(to: file)
                written.append("critic/" + ch.manifestPath)
            }
            try replace(out, with: staging)
        } catch {
            outcome.diagnostics.emit(.error("build.output", "cannot write the diff to '\(DisplayPath.of(out.path))': \(error.localizedDescription)", at: nil))
            return
        }
        outcome.written = written
    }

    private static func text(_ chapter: Chapter, _ provider: any SourceProvider) -> String {
        switch provider.read(chapter.manifestPath, maxBytes: 64 << 20, followLinks: true) {
        case .success(let bytes): String(decoding: bytes, as: UTF8.self)
        case .failure: ""
        }
    }

    /// Puts `folder` where `out` was, removing the old output only once the new one is complete.
    private static func replace(_ out: URL, with folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent)-old-\(UUID().uuidString)")
        if fm.fileExists(atPath: out.path) { try fm.moveItem(at: out, to: old) }
        try fm.moveItem(at: folder, to: out)
        try? fm.removeItem(at: old)
    }
}
