/// The last pass: each chapter's footnotes are numbered once, after citations in the notes style
/// have added theirs; both writers print these numbers.
extension Resolver {
    static func numberFootnotes(_ entries: inout [ResolvedPaper.Entry]) {
        entries = entries.map { entry in
            guard case .chapter(var ch) = entry else { return entry }
            ch.footnoteNumbers = MarkdownDocument.Footnote.numbers(ch.footnotes)
            return .chapter(ch)
        }
    }
}
