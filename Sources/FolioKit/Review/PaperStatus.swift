import Foundation

/// `folio status`: the paper at a glance, one row per chapter the authors wrote: who owns and reviews
/// it, its status, its prose words, its open review marks, its lint findings, the checklist items it
/// claims and how many are covered, and its last commit.
public struct PaperStatus: Sendable {
    public struct Change: Sendable, Hashable {
        public var commit: String
        public var date: String
        public var author: String
    }

    public struct Row: Sendable {
        public var id: String
        public var title: String
        public var path: String
        /// demand, supply, or nil (front matter, back matter, appendices).
        public var side: String?
        public var owners: [String]
        public var reviewers: [String]
        public var status: Chapter.Status
        public var words: Int
        /// Suggested changes (insertions, deletions, substitutions) and comments still in the text.
        public var suggestions: Int
        public var comments: Int
        public var errors: Int
        public var warnings: Int
        public var notes: Int
        public var items: [String]
        public var covered: Int
        public var lastChange: Change?
    }

    public var title: String
    public var lang = "en"
    public var rows: [Row]

    /// Builds the rows from one analysis with the lint rules, and each chapter's last commit.
    public static func make(_ analysis: Analyzer.Result, history: [String: Change]) -> PaperStatus? {
        guard let paper = analysis.paper, let resolved = analysis.resolved else { return nil }
        var side: [String: String] = [:]
        for part in paper.parts { for ch in part.chapters { side[ch.path] = part.side.rawValue } }
        let covered = Set(resolved.coverage?.results.filter { $0.status == .covered }.map(\.item.id) ?? [])
        var claimed: [String: [String]] = [:]
        for result in resolved.coverage?.results ?? [] {
            for c in result.claims where !(claimed[c.claim.location.file]?.contains(result.item.id) ?? false) {
                claimed[c.claim.location.file, default: []].append(result.item.id)
            }
        }
        var findings: [String: [Diagnostic.Severity: Int]] = [:]
        for d in analysis.diagnostics { if let f = d.location?.file { findings[f, default: [:]][d.severity, default: 0] += 1 } }
        let ids = resolved.chapterIDs
        let rows = paper.chapters.map { ch -> Row in
            var marks = ReviewCount()
            marks.walk(ch.title)
            marks.walk(ch.document.blocks + ch.document.footnotes.flatMap(\.content))
            var words = ProseWordCount()
            words.walk(ch.document.blocks + ch.document.footnotes.flatMap(\.content))
            let items = claimed[ch.path] ?? []
            let f = findings[ch.path] ?? [:]
            return Row(id: ids[ch.path] ?? ch.explicitID ?? ch.path, title: ch.title.plainText, path: ch.path, side: side[ch.path],
                       owners: ch.owners, reviewers: ch.reviewers, status: ch.status ?? .draft, words: words.count,
                       suggestions: marks.suggestions, comments: marks.comments, errors: f[.error] ?? 0, warnings: f[.warning] ?? 0,
                       notes: f[.note] ?? 0, items: items, covered: items.filter(covered.contains).count, lastChange: history[ch.path])
        }
        return PaperStatus(title: paper.manifest.plainTitle, lang: paper.manifest.lang, rows: rows)
    }

    /// `folio status` and the status page `folio publish` writes: one lint analysis of the paper
    /// (returned too, for its diagnostics) and each chapter's last commit, up to `revision` or HEAD.
    public static func collect(_ provider: any SourceProvider, directory: String, revision: String? = nil, profile: Profile,
                               untrusted: Bool = false, gitLimits: ProcessRunner.Limits = .git) -> (PaperStatus?, Analyzer.Result) {
        let analysis = LintPipeline.run(provider, profile: profile, untrusted: untrusted)
        let files = analysis.paper?.chapters.map { ($0.path, provider.url($0.manifestPath)) } ?? []
        let history = ChapterHistory.lastChanges(files, directory: directory, revision: revision, limits: gitLimits)
        return (make(analysis, history: history), analysis)
    }

    /// The chapters whose status is below `needed`.
    public func below(_ needed: Chapter.Status) -> [Row] { rows.filter { $0.status < needed } }

    /// The totals of some rows (all, or one side's).
    public struct Totals: Sendable {
        public var chapters = 0, words = 0, suggestions = 0, comments = 0, errors = 0, warnings = 0, notes = 0
        public var statuses: [Chapter.Status: Int] = [:]

        init(_ rows: [Row]) {
            for r in rows {
                chapters += 1
                words += r.words
                suggestions += r.suggestions
                comments += r.comments
                errors += r.errors
                warnings += r.warnings
                notes += r.notes
                statuses[r.status, default: 0] += 1
            }
        }
    }

    public var totals: Totals { Totals(rows) }

    /// Totals per side, demand and supply first, then the chapters outside the parts.
    public var sides: [(name: String, totals: Totals)] {
        [("demand", Totals(rows.filter { $0.side == "demand" })), ("supply", Totals(rows.filter { $0.side == "supply" })),
         ("other", Totals(rows.filter { $0.side == nil }))].filter { $0.totals.chapters > 0 }
    }
}

/// Open review marks in a chapter: suggested changes, and comments (alone or on a mark).
private struct ReviewCount: MarkupWalker {
    var suggestions = 0, comments = 0

    mutating func visitInline(_ inline: InPlace<Inline>) {
        if case .review(let mark, _, _) = inline.kind {
            if mark.kind != .comment && mark.kind != .highlight { suggestions += 1 }
            if mark.comment != nil { comments += 1 }
        }
        descend(into: inline)
    }
}

/// Words of prose: text as if every change were accepted; no code, math, raw HTML or citation keys.
private struct ProseWordCount: MarkupWalker {
    var count = 0

    mutating func visitBlock(_ block: InPlace<Block>) {
        switch block.kind {
        case .codeBlock, .html, .equation: return
        default: descend(into: block)
        }
    }

    mutating func visitInline(_ inline: InPlace<Inline>) {
        switch inline.kind {
        case .text(let s): count += s.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
        case .code, .math, .html, .citation, .formattedCitation: return
        case .review(_, _, let new): walk(new)
        default: descend(into: inline)
        }
    }
}
