import Foundation

/// `folio build`: Parse → Resolve → Validate → Emit, then writes the outputs all at once.
public enum BuildPipeline {
    public struct Request: Sendable {
        /// Where the paper is read from: the working tree, a git revision, edits in memory.
        public var source: any SourceProvider
        public var outputDirectory: String
        public var formats: [OutputFormat]
        public var profile: Profile
        /// Limits for the child processes (`--latex-timeout`, `--svg-timeout`, `--tool-memory`).
        public var limits = ToolLimits()
        /// Settings from the paper folder that weaken safety are ignored (`--untrusted`).
        public var untrusted = false
        /// The commit, dates and pull request stamped on the pages; nil prints no stamps.
        public var provenance: Provenance?
        /// Finds the provenance (git runs) while the paper is analysed, when `provenance` is nil, so the
        /// stamp costs a build nothing. A failure (a failing git, a bad SOURCE_DATE_EPOCH) stops the
        /// build before anything is written, as `Outcome.provenanceFailure`; a caller that can do
        /// without a stamp (the live preview) returns `.success(nil)` instead.
        public var findProvenance: (@Sendable () -> Result<Provenance?, Diagnostic>)?
        /// Parsed chapters kept between builds (`folio serve`).
        public var cache: ParseCache?
        /// Resolved chapters kept between builds (`folio serve`).
        public var resolveCache: ResolveCache?
        /// Chapters' findings kept between builds (`folio serve`).
        public var validationCache: ValidationCache?
        /// Written chapters kept between builds (`folio serve`).
        public var emitCache: EmitCache?
        /// Threads for parsing (`--jobs`).
        public var jobs = Parallel.defaultJobs
        /// Review marks shown, or every change accepted or rejected (`--review`).
        public var review = ReviewMode.show
        /// False when the process ends right after the build (`folio build`): the model is then left
        /// to the exit, as compilers do with `-disable-free`, since freeing it node by node costs
        /// as much as one resolve pass. A long-running caller (`folio serve`) keeps the default.
        public var freeModel = true

        public init(source: any SourceProvider, outputDirectory: String, formats: [OutputFormat], profile: Profile) {
            self.source = source
            self.outputDirectory = outputDirectory
            self.formats = formats
            self.profile = profile
        }

        public init(paperDirectory: String, outputDirectory: String, formats: [OutputFormat], profile: Profile) {
            self.init(source: DiskProvider(directory: paperDirectory), outputDirectory: outputDirectory, formats: formats,
                      profile: profile)
        }
    }

    /// Wall-clock and memory limits for the tools a build runs.
    public struct ToolLimits: Sendable {
        public var latex = ProcessRunner.Limits.latex
        public var svg = ProcessRunner.Limits.svg
        public init() {}
    }

    public struct Outcome: Sendable {
        public var diagnostics: DiagnosticEngine
        /// Files written, relative to the output folder.
        public var written: [String]
        /// The paper's manifest, once it was read.
        public var manifest: Manifest?
        /// The provenance stamped on the outputs (found by `Request.findProvenance`, or given).
        public var provenance: Provenance?
        /// Why `Request.findProvenance` failed; nothing was written.
        public var provenanceFailure: Diagnostic?
    }

    public static func run(_ request: Request) -> Outcome {
        var options = Analyzer.Options(profile: request.profile, untrusted: request.untrusted)
        options.cache = request.cache
        options.resolveCache = request.resolveCache
        options.validationCache = request.validationCache
        options.jobs = request.jobs
        options.keepsParsedPaper = false
        options.review = request.review
        let found = request.findProvenance.map(Background.init)
        let analysis = Analyzer.run(request.source, options)
        defer { if !request.freeModel { ProcessLifetime.keep(analysis) } }
        var request = request
        switch found?.value() {
        case .success(let p): request.provenance = request.provenance ?? p
        case .failure(let d):
            var failed = Outcome(diagnostics: DiagnosticEngine(), written: [])
            failed.diagnostics.emit(d)
            failed.provenanceFailure = d
            return failed
        case nil: break
        }
        var engine = analysis.engine
        if let provenance = request.provenance, request.profile == .final, provenance.isDirty {
            engine.emit(dirtyTree(provenance))
        }
        guard var resolved = analysis.resolved, !engine.hasErrors else { return Outcome(diagnostics: engine, written: []) }
        resolved.provenance = request.provenance
        var outcome = write(resolved, engine: engine, request: request)
        outcome.provenance = request.provenance
        return outcome
    }

    /// Emit: every requested writer over a resolved paper, staged and moved into place only when every
    /// format succeeded (the PDF included). `run` calls it after the analysis; `folio diff` with the
    /// paper it made of two revisions.
    public static func write(_ resolved: ResolvedPaper, engine: DiagnosticEngine, request: Request) -> Outcome {
        var engine = engine
        let manifest = resolved.manifest

        let outDir = URL(fileURLWithPath: request.outputDirectory).standardizedFileURL
        // A reproducible build fixes the dates every tool writes (cairo's and LuaTeX's PDF dates).
        let sourceDate = request.provenance.flatMap { $0.fixedDate ? $0.built : nil }
        let outDirExisted = FileManager.default.fileExists(atPath: outDir.path)
        let stager: OutputStager
        do {
            stager = try OutputStager(outDir: outDir)
        } catch {
            engine.emit(.error("build.output", "cannot write to '\(DisplayPath.of(outDir.path))': \(error.localizedDescription)", at: nil))
            return Outcome(diagnostics: engine, written: [])
        }
        /// A failed build leaves the output folder as it was: staged files go, and so does a folder it made.
        func discard() {
            stager.discard()
            if !outDirExisted { rmdir(outDir.path) }  // only when empty
        }

        // The writers only read the resolved paper, so they run side by side, each streaming its files
        // into the staging folder; their diagnostics are gathered in format order, as a sequential build would.
        let writers = OutputFormat.allCases.filter { request.formats.contains($0) }.compactMap { Writers.table[$0] }
        let open: Writers.Open = { path in try TextSink(file: try stager.url(path)) }
        let outputs = PhaseTimer.measure("emit") {
            Parallel.map(writers.count, jobs: request.jobs) { i in Result { try writers[i](resolved, open, request.emitCache, request.jobs) } }
        }
        var files: [String] = []
        for output in outputs {
            switch output {
            case .success(let o):
                files += o.files
                engine.emit(contentsOf: o.diagnostics)
            case .failure(let error):
                engine.emit(.error("build.output", "cannot write outputs: \(error.localizedDescription)", at: nil))
            }
        }
        guard !engine.hasErrors else {
            discard()
            return Outcome(diagnostics: engine, written: [])
        }

        do {
            if request.formats.contains(.html) {
                for asset in resolved.assets.values {
                    let target = try stager.url("html/" + asset.htmlPath)
                    if asset.needsSVGConversion {
                        let pdf = try stager.url(".pdf/" + asset.latexPath)
                        try asset.data.write(to: pdf)
                        engine.emit(contentsOf: FigureConversion.pdfToSVG(pdf.path, named: asset.sourcePath, to: target,
                                                                          limits: request.limits.svg))
                    } else {
                        try asset.data.write(to: target)
                    }
                }
            }
            if request.formats.contains(.latex) {
                for asset in resolved.assets.values {
                    let target = try stager.url("latex/" + asset.latexPath)
                    if asset.needsPDFConversion {
                        // rsvg-convert reads the sanitised SVG, never the file from the pull request.
                        let svg = try stager.url(".svg/" + asset.htmlPath)
                        try asset.data.write(to: svg)
                        if let d = FigureConversion.svgToPDF(svg.path, named: asset.sourcePath, to: target, limits: request.limits.svg,
                                                             sourceDate: sourceDate) { engine.emit(d) }
                    } else {
                        try asset.data.write(to: target)
                    }
                }
            }
        } catch {
            discard()
            engine.emit(.error("build.output", "cannot write outputs: \(error.localizedDescription)", at: nil))
            return Outcome(diagnostics: engine, written: [])
        }
        if request.formats.contains(.pdf) && !engine.hasErrors {
            engine.emit(contentsOf: PDFCompiler.compile(latexDir: stager.staging.appendingPathComponent("latex"),
                                                        logFile: outDir.appendingPathComponent(PDFCompiler.logName),
                                                        pdfDir: stager.staging.appendingPathComponent("pdf"),
                                                        limits: request.limits.latex,
                                                        sourceDate: sourceDate))
        }
        guard !engine.hasErrors else {
            discard()
            return Outcome(diagnostics: engine, written: [])
        }
        let folders = OutputFormat.allCases.filter(request.formats.contains).map(\.rawValue)
        do {
            try stager.commit(folders)
        } catch {
            engine.emit(.error("build.output", "cannot move outputs into place: \(error.localizedDescription)", at: nil))
            return Outcome(diagnostics: engine, written: [])
        }
        var written = files
        if request.formats.contains(.pdf) { written.append("pdf/paper.pdf") }
        return Outcome(diagnostics: engine, written: written, manifest: manifest)
    }

    /// A final build says exactly which commit it is: uncommitted changes in the paper folder refuse it.
    static func dirtyTree(_ p: Provenance, id: String = "build.dirty", what: String = "a final build") -> Diagnostic {
        let files = p.changedFiles
        let shown = files.prefix(20).map { Diagnostic.Note("uncommitted: \($0)", at: SourceLocation(file: DisplayPath.of($0), line: 1, column: 1)) }
        let more: [Diagnostic.Note] = files.count > 20 ? [.init("and \(files.count - 20) more")] : []
        return .error(id, "\(what) needs a clean tree, but \(files.count == 1 ? "1 file" : "\(files.count) files") of the paper differ from commit \(p.shortCommit?.prefix(7) ?? "HEAD")",
                      at: SourceLocation(file: DisplayPath.of(files.first ?? "."), line: 1, column: 1),
                      notes: shown + more + [.init("commit or stash them, or build with --profile draft")])
    }
}
