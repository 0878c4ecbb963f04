/// The one analysis behind every command: Parse → Resolve → Validate (→ the lint rules), over a paper
/// read from any `SourceProvider`, with every diagnostic admitted by one `DiagnosticEngine`.
/// `build`, `check`, `lint` and the preview call it; a command loads and resolves a paper once.
public enum Analyzer {
    public struct Options: Sendable {
        public var profile: Profile
        /// Settings from the paper folder that weaken safety are ignored (`--untrusted`).
        public var untrusted: Bool
        /// Also run the lint rules (`folio lint`); builds skip them.
        public var lint: Bool
        /// `--since`: only findings on these lines (changed lines by absolute path).
        public var changedLines: [String: Set<Int>]?
        /// Parsed chapters kept from the last analysis (the live preview).
        public var cache: ParseCache?
        /// Resolved chapters kept from the last analysis (the live preview).
        public var resolveCache: ResolveCache?
        /// Chapters' findings kept from the last analysis (the live preview).
        public var validationCache: ValidationCache?
        /// Threads that parse chapters (`--jobs`; 1 is sequential, with the same result).
        public var jobs = Parallel.defaultJobs
        /// Review marks shown, or every change accepted or rejected (`--review`).
        public var review = ReviewMode.show
        /// A one-file paper's level-1 headings open chapters (`OneFilePaper`); `folio diff`, which
        /// matches chapters by file, compares such a paper as the one file it is.
        public var splitOneFilePapers = true
        /// The parsed paper is kept in the result (`Result.paper`). A build, which writes from the
        /// resolved paper alone, hands it to the resolver instead, which lets the parsed chapters go once
        /// the numbering pass has made the entries; the lint rules keep it whatever this says.
        public var keepsParsedPaper = true

        public init(profile: Profile = .draft, untrusted: Bool = false, lint: Bool = false,
                    changedLines: [String: Set<Int>]? = nil) {
            self.profile = profile
            self.untrusted = untrusted
            self.lint = lint
            self.changedLines = changedLines
        }
    }

    /// What the analysis found. `resolved` is nil when the paper could not be loaded.
    public struct Result: Sendable {
        public var paper: Paper?
        public var resolved: ResolvedPaper?
        /// Each chapter as the lint rules and `--fix` see it (only when the lint rules ran).
        public var sources: [LintSource] = []
        public var engine: DiagnosticEngine

        /// Every diagnostic, in location order, under the profile.
        public var diagnostics: [Diagnostic] { engine.sorted }
        public var hasErrors: Bool { engine.hasErrors }
    }

    public static func run(_ provider: any SourceProvider, _ options: Options = Options()) -> Result {
        var engine = DiagnosticEngine(profile: options.profile)
        if let warning = CmarkParser.libraryWarning { engine.emit(warning) }
        var (loaded, loadDiagnostics) = PhaseTimer.measure("load") {
            PaperLoader.load(provider, untrusted: options.untrusted, keepText: options.lint, cache: options.cache, jobs: options.jobs,
                             splitOneFilePapers: options.splitOneFilePapers)
        }
        options.cache?.endBuild()
        guard var paper = loaded.take() else {
            engine.emit(contentsOf: loadDiagnostics)
            return Result(paper: nil, resolved: nil, engine: engine)
        }
        // Configuration first, so that it applies to what every stage reports.
        let (config, configProblems) = LintConfig.find(manifest: paper.manifest, provider: provider)
        engine.trustsSettings = !options.untrusted
        let switchProblems = engine.configure(config, chapters: paper.chapters, changed: options.changedLines)
        // Broken settings are reported whatever --since says: they change what every line reports.
        for d in configProblems { engine.emit(d, whateverChanged: true) }
        engine.emit(contentsOf: loadDiagnostics)
        if options.lint { engine.emit(contentsOf: switchProblems) }

        let keep = options.keepsParsedPaper || options.lint
        let (resolved, resolveDiagnostics) = PhaseTimer.measure("resolve") {
            Resolver.resolve(keep ? paper : paper.handOver(), profile: options.profile, review: options.review,
                             cache: options.resolveCache, jobs: options.jobs)
        }
        engine.emit(contentsOf: resolveDiagnostics)
        engine.emit(contentsOf: PhaseTimer.measure("validate") { Validation.run(resolved, jobs: options.jobs, cache: options.validationCache) })
        var result = Result(paper: keep ? paper : nil, resolved: resolved, engine: engine)
        guard options.lint else { return result }

        // One source per file: a one-file paper is several chapters of one file.
        var seen = Set<String>()
        let files = paper.chapters.filter { seen.insert($0.path).inserted }.map { ($0.path, provider.url($0.manifestPath), $0.text) }
        // Each file's lines, masks and words are read on all cores.
        let sources = Parallel.map(files.count, jobs: options.jobs) { i in LintSource(path: files[i].0, url: files[i].1, text: files[i].2) }
        let context = LintContext(paper: resolved, provider: provider, sources: sources, glossary: paper.glossary,
                                  config: config, profile: options.profile)
        let findings = Linter.run(context, jobs: options.jobs) { id in
            if case .off? = config.levels[id] { true } else { false }
        }
        result.engine.emit(contentsOf: findings)
        result.engine.reportUnusedSwitches()
        result.sources = sources
        return result
    }
}
