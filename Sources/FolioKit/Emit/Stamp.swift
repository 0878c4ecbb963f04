/// The facts a build stamps on its pages, in the paper's words and in one order, so that the HTML
/// banner, the PDF footer and both title pages say the same thing:
/// "Draft · Version 0.3 · commit 3f2a9c1 · built 2026-12-06".
struct Stamp {
    /// "Draft", "Preview of pull request #12", or nil in a final build.
    var label: String?
    var version: String?
    /// "commit 3f2a9c1" and the short commit inside it.
    var commit: String?
    var shortCommit: String?
    var built: String

    init(_ p: Provenance, manifest m: Manifest) {
        let w = m.words
        if let n = p.pullRequest { label = w.phrase(.preview, String(n)) } else if p.profile == .draft { label = w.phrase(.draft) }
        version = m.version.map { w.phrase(.version, $0) }
        shortCommit = p.shortCommit
        commit = p.shortCommit.map { w.phrase(.commit, $0) }
        built = w.phrase(.builtOn, Provenance.day(p.built))
    }

    /// Whether the page carries the banner and the watermark: drafts and previews, never a final build.
    static func marksDraft(_ p: Provenance) -> Bool { p.profile == .draft || p.pullRequest != nil }

    /// Every fact, in order.
    var facts: [String] { [label, version, commit, built].compactMap { $0 } }

    /// The facts without the draft label (the title page's line).
    var provenanceFacts: [String] { [commit, built].compactMap { $0 } }
}
