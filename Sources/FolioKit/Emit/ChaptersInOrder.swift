/// How the writers render a paper's chapters: side by side on `jobs` threads, a window of them at a
/// time, handed back in reading order, so a writer streams its file and holds only a window's text.
enum ChaptersInOrder {
    static func render<T: Sendable>(_ entries: [ResolvedPaper.Entry], jobs: Int, _ render: @Sendable (Int, ResolvedChapter) -> T,
                                    each: (Int, ResolvedPaper.Entry, T?) -> Void) {
        // Two chapters a thread keep the threads busy; eight added 1.5 MB to a 1x build's peak.
        let window = max(1, jobs * 2)
        for first in stride(from: 0, to: entries.count, by: window) {
            let range = first..<min(first + window, entries.count)
            let rendered = Parallel.map(range.count, jobs: jobs) { k -> T? in
                guard case .chapter(let ch) = entries[first + k] else { return nil }
                return render(first + k, ch)
            }
            for (index, made) in zip(range, rendered) { each(index, entries[index], made) }
        }
    }
}
