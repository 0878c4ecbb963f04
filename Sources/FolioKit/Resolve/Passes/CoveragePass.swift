/// Checklist claims are measured on the authors' own words: after citations are formatted (their
/// text is left out of the word count) and before abbreviations are expanded or appendices added.
extension Resolver {
    mutating func measureCoverage(_ entries: inout [ResolvedPaper.Entry]) {
        var measure = Coverage(checklist: paper.checklist, words: paper.manifest.words)
        entries = measure.collect(entries, memo: cache?.coverage, jobs: jobs)
        coverage = measure.report(enforceStatus: profile == .final)
        diagnostics += measure.diagnostics
        anchors.formUnion((paper.checklist?.items ?? []).map { CoverageAppendix.anchor($0.id) })
    }
}
