import Foundation

/// Each chapter's findings from the last build (`folio serve`): a chapter equal to last time's, under the
/// same raw-content settings, is not checked again.
public final class ValidationCache: @unchecked Sendable {
    let chapters = ChapterMemo<ResolvedChapter, [Diagnostic]>()
    private var settings: (html: Bool, latex: Bool)?
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// Chapters checked in the last build (tests count them).
    public var checks: Int { lock.withLock { count } }

    func begin(html: Bool, latex: Bool) {
        if let settings, settings != (html, latex) { chapters.removeAll() }
        settings = (html, latex)
        lock.withLock { count = 0 }
    }

    func checked() { lock.withLock { count += 1 } }
}
