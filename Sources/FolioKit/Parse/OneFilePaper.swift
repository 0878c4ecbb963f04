/// A paper written as one pandoc Markdown file (`folio init --from`, `folio render`): its front matter
/// names the paper, and each level-1 heading opens a chapter, as it opens a top-level section in pandoc.
/// The loader reads the file as one chapter; this cuts it at those headings, so "# Statement of need"
/// is a chapter of its own rather than a second title inside the first chapter. A file whose
/// manifest lists it alone (`folio init --from` writes that) is such a paper even without a title.
enum OneFilePaper {
    static func chapters(_ whole: Chapter) -> [Chapter] {
        guard whole.wholePaper else { return [whole] }
        let blocks = whole.document.blocks
        let cuts = blocks.indices.filter { if case .heading(let h) = blocks[$0].kind { h.level == 1 } else { false } }
        guard !cuts.isEmpty else { return [whole] }
        // Each footnote goes with the chapter that first refers to it; unreferenced ones stay with the first.
        let pieces = [0..<(cuts.first ?? blocks.count)] + cuts.indices.map { k in
            (cuts[k] + 1)..<(k + 1 < cuts.count ? cuts[k + 1] : blocks.count)
        }
        var owner: [String: Int] = [:]
        for (p, range) in pieces.enumerated() {
            for b in blocks[range] {
                b.forEachInline { if case .footnoteReference(let label) = $0.kind, owner[label] == nil { owner[label] = p } }
            }
        }
        var out: [Chapter] = []
        for (p, range) in pieces.enumerated() {
            var ch = whole
            if p > 0, case .heading(let h) = blocks[cuts[p - 1]].kind {
                ch.title = h.content
                ch.titleLocation = blocks[cuts[p - 1]].range.start
                ch.explicitID = h.attributes.id
                ch.claims = []
                ch.unnumbered = h.attributes.classes.contains("unnumbered")
            } else if !whole.titledByHeading {
                // What stands before the first `#` is not a section in pandoc, so it takes no number.
                guard !range.isEmpty else { continue }
                ch.unnumbered = true
            }
            let notes = whole.document.footnotes.filter { (owner[$0.label] ?? 0) == p }
            var doc = MarkdownDocument(file: whole.document.file, blocks: Array(blocks[range]), footnotes: notes)
            var marks = 0
            for b in doc.blocks { b.forEachInline { if case .review = $0.kind { marks += 1 } } }
            doc.reviewMarks = marks
            ch.document = doc
            ch.wholePaper = false
            out.append(ch)
        }
        return out
    }
}
