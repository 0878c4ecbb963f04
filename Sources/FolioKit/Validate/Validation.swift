/// The Validate stage: checks on the resolved paper that no single earlier stage can make.
public enum Validation {
    public static func run(_ paper: ResolvedPaper, jobs: Int = Parallel.defaultJobs) -> [Diagnostic] {
        // The checks only read the paper: they run side by side, and report in this order.
        let checks: [@Sendable (ResolvedPaper) -> [Diagnostic]] = [
            MathCheck.diagnostics(in:),
            RawContentCheck.diagnostics(in:),
            { $0.coverage.map(ChecklistCheck.diagnostics) ?? [] },
            unplaced,
        ]
        return Parallel.map(checks.count, jobs: jobs) { checks[$0](paper) }.flatMap { $0 }
    }

    /// A bibliography citation in a chapter title, which Resolve does not format there (titles are
    /// repeated in the contents and running heads): an error, never `@key` printed as text.
    /// (Cross-references in titles are resolved; an undefined one is `crossref.undefined`.)
    static func unplaced(_ paper: ResolvedPaper) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ch in paper.chapters { ch.title.forEachInline { node in
            guard case .citation(let g) = node.kind, Citations.isCitation(g) else { return }
            out.append(.error("citation.unplaced", "'\(g.source)' cannot be resolved here, so it would be printed as written",
                              at: node.range.start, notes: ["move the citation into the text of the chapter; a chapter title can hold cross-references but not citations"]))
        } }
        return out
    }
}
