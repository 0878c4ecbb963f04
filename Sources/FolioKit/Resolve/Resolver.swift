import Foundation

/// The Resolve stage: an ordered list of passes (`Passes/`) over the paper's chapters. It numbers parts,
/// chapters, sections and floats, gives every anchor a unique id, registers every target, turns
/// cross-references into links, formats citations, measures checklist coverage on the authors' own
/// words, marks abbreviations and adds the generated appendices. Writers only read what it produces.
public struct Resolver {
    var slugger = Slugger()
    var diagnostics: [Diagnostic] = []
    var catalog: AssetCatalog
    var labels = LabelRegistry()
    var floats = FloatCounters()
    /// The parsed paper; its chapters are dropped once the numbering pass has made the entries (`Paper.dropChapters`).
    var paper: Paper
    let profile: Profile
    /// Ids of bibliography entries, citation anchors and checklist items (LaTeX links to these with `\hyperlink`).
    var anchors: Set<String> = []
    var coverage: CoverageReport?
    var listedReferences: [String] = []
    /// Last build's chapter steps (`folio serve`); nil resolves every chapter afresh.
    let cache: ResolveCache?
    /// Threads for what each chapter gives alone (its explicit ids, its cited keys), gathered before
    /// the folds that need them: the folds run on one thread, so this work would otherwise too.
    var jobs = 1
    /// Where the targets registered by the chapter being numbered are written (collected for the cache).
    var placements: [LabelRegistry.Placement]?

    /// One step of the stage; each reads and rewrites the entries made so far.
    struct Pass: Sendable {
        let name: String
        let run: @Sendable (inout Resolver, inout [ResolvedPaper.Entry]) -> Void
    }

    /// The passes, in order. Coverage is measured before anything Folio inserts into the text
    /// (abbreviation expansions, generated appendices), so only the authors' words count as evidence.
    static let passes: [Pass] = [
        Pass(name: "numbering") { r, entries in
            entries = r.numberChapters()
            r.paper.dropChapters()
        },
        Pass(name: "math macros") { r, entries in r.expandMathMacros(&entries) },
        Pass(name: "cross-references") { r, entries in r.resolveCrossReferences(&entries) },
        Pass(name: "citations") { r, entries in r.resolveCitations(&entries) },
        Pass(name: "coverage") { r, entries in r.measureCoverage(&entries) },
        Pass(name: "abbreviations") { r, entries in r.markAbbreviations(&entries) },
        Pass(name: "appendices") { r, entries in r.appendGeneratedChapters(&entries) },
        Pass(name: "footnotes") { _, entries in numberFootnotes(&entries) },
    ]

    /// `profile` decides whether checklist `status` rules apply and whether review marks are errors
    /// (final only); `review` whether marks are shown or applied first (`ReviewDecision`).
    /// `cache` keeps chapter steps between builds; the result is the same with or without it.
    /// A caller that hands the paper over and keeps no copy (`Paper.handOver`) lets the parsed chapters
    /// go once the numbering pass has made the entries, so the parsed and resolved trees are not both
    /// held to the end.
    public static func resolve(_ paper: consuming Paper, profile: Profile = .draft, review: ReviewMode = .show,
                               cache: ResolveCache? = nil, jobs: Int = Parallel.defaultJobs) -> (ResolvedPaper, [Diagnostic]) {
        var decided = ReviewDecision.apply(review, to: paper, profile: profile)
        paper.dropChapters()
        var r = Resolver(paper: decided.paper, profile: profile, cache: cache)
        decided.paper.dropChapters()
        r.jobs = jobs
        r.diagnostics = decided.diagnostics
        var entries: [ResolvedPaper.Entry] = []
        for pass in passes { PhaseTimer.measure("resolve: \(pass.name)") { pass.run(&r, &entries) } }
        var resolved = ResolvedPaper(manifest: r.paper.manifest, directory: r.paper.directory, entries: entries,
                                     assets: r.catalog.assets, labels: r.labels, bibliography: r.paper.bibliography,
                                     hyperTargets: r.anchors, coverage: r.coverage)
        resolved.listedReferences = r.listedReferences
        resolved.reviewMarks = decided.shown
        return (resolved, r.diagnostics)
    }

    private init(paper: Paper, profile: Profile, cache: ResolveCache?) {
        self.paper = paper
        self.profile = profile
        self.cache = cache
        self.catalog = AssetCatalog(provider: paper.provider)
    }

    /// A chapter Folio writes itself (references, glossary, checklist coverage), located at the manifest
    /// line that asks for it: an unnumbered back-matter chapter, or the next appendix.
    mutating func generatedChapter(_ title: String, id base: String, matter: Chapter.Matter, entries: [ResolvedPaper.Entry],
                                           at location: SourceLocation, blocks: (SourceRange) -> [Block]) -> ResolvedChapter {
        let range = SourceRange(at: location)
        let id = slugger.unique(base)
        let titleInlines = [Inline(.text(title), range: range)]
        let appendices = entries.filter { if case .chapter(let c) = $0 { c.matter == .appendix } else { false } }.count
        let chapter = ResolvedChapter(title: titleInlines, ordinal: matter == .appendix ? appendices + 1 : nil, id: id, matter: matter,
                                      blocks: blocks(range), footnotes: [], footnotePrefix: "c\(entries.count)-",
                                      path: location.file, titleLocation: location, isGenerated: true, status: nil, owners: [],
                                      claims: [])
        register(id, matter == .appendix ? .appendix : .chapter, chapter.number, location, title: title)
        return chapter
    }

    mutating func register(_ id: String, _ kind: LabelRegistry.TargetKind, _ number: String?, _ location: SourceLocation,
                           title: String? = nil) {
        if let problem = labels.register(.init(id: id, kind: kind, number: number, location: location, title: title)) {
            diagnostics.append(problem)
        }
        placements?.append(.init(key: LabelRegistry.canonical(id), location: location))
    }

}
