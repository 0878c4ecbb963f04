/// The Validate stage: checks on the resolved paper that no single earlier stage can make.
public enum Validation {
    /// The chapters are checked side by side; findings are reported chapter by chapter, then the checklist's.
    /// `cache` keeps each chapter's findings between builds; the result is the same with or without it.
    public static func run(_ paper: ResolvedPaper, jobs: Int = Parallel.defaultJobs, cache: ValidationCache? = nil) -> [Diagnostic] {
        let (html, latex) = (paper.manifest.rawHTML, paper.manifest.rawLaTeX)
        let chapters = paper.chapters
        cache?.begin(html: html, latex: latex)
        let found = Parallel.map(chapters.count, jobs: jobs) { i in
            let ch = chapters[i]
            let check = {
                cache?.checked()
                return MathCheck.diagnostics(in: ch) + RawContentCheck.diagnostics(in: ch, html: html, latex: latex) + unplaced(ch)
            }
            return cache?.chapters.value(i, ch, check) ?? check()
        }
        return found.flatMap { $0 } + (paper.coverage.map(ChecklistCheck.diagnostics) ?? [])
    }

    /// A bibliography citation in a chapter title, which Resolve does not format there (titles are
    /// repeated in the contents and running heads): an error, never `@key` printed as text.
    /// (Cross-references in titles are resolved; an undefined one is `crossref.undefined`.)
    static func unplaced(_ ch: ResolvedChapter) -> [Diagnostic] {
        var out: [Diagnostic] = []
        ch.title.forEachInline { node in
            guard case .citation(let g) = node.kind, Citations.isCitation(g) else { return }
            out.append(.error("citation.unplaced", "'\(g.source)' cannot be resolved here, so it would be printed as written",
                              at: node.range.start, notes: ["move the citation into the text of the chapter; a chapter title can hold cross-references but not citations"]))
        }
        return out
    }
}
