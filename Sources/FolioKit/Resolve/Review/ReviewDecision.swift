/// Before numbering: review marks are kept as marks (`show`), or applied as if every change were
/// accepted or rejected, so that numbers, citations and words follow the text a reader would get.
/// Under the final profile every mark is an error (`review.unresolved`): a final paper carries none.
enum ReviewDecision {
    struct Outcome {
        var paper: Paper
        /// Marks left in the paper for the writers to show.
        var shown: Int
        var diagnostics: [Diagnostic]
    }

    static func apply(_ mode: ReviewMode, to paper: Paper, profile: Profile) -> Outcome {
        var marks: [(ReviewMark, SourceRange)] = []
        guard paper.chapters.contains(where: { $0.document.reviewMarks > 0 }) else {
            return Outcome(paper: paper, shown: 0, diagnostics: [])
        }
        var out = paper
        func chapter(_ ch: Chapter) -> Chapter {
            guard ch.document.reviewMarks > 0 else { return ch }
            var ch = ch
            ch.title = ch.title.mapInlines { decide($0, mode: mode, marks: &marks) }
            let doc = ch.document
            let blocks = doc.blocks.map { $0.mapInlines { decide($0, mode: mode, marks: &marks) } }
            let notes = doc.footnotes.map { $0.mapInlines { decide($0, mode: mode, marks: &marks) } }
            ch.document = MarkdownDocument(file: doc.file, blocks: blocks, footnotes: notes)
            ch.document.reviewMarks = mode == .show ? doc.reviewMarks : 0
            return ch
        }
        out = paper.mapChapters(chapter)
        var diagnostics: [Diagnostic] = []
        if profile == .final {
            diagnostics = marks.map { mark, range in
                Diagnostic(.error, "review.unresolved", "\(describe(mark)) is still in the text; a final build carries no review marks",
                           range: range, notes: ["accept or reject it with 'folio review accept|reject \(range.start.file):\(range.start.line)', or edit the text"])
            }
        }
        return Outcome(paper: out, shown: mode == .show ? marks.count : 0, diagnostics: diagnostics)
    }

    /// "an insertion by @alice", "a comment".
    static func describe(_ mark: ReviewMark) -> String {
        let article = mark.kind == .insertion ? "an" : "a"
        return "\(article) \(mark.kind.rawValue)" + (mark.author.map { " by @\($0)" } ?? "")
    }

    /// One list of inlines (its children already decided): each mark recorded, then kept or applied.
    private static func decide(_ list: [Inline], mode: ReviewMode, marks: inout [(ReviewMark, SourceRange)]) -> [Inline] {
        guard list.contains(where: { if case .review = $0.kind { true } else { false } }) else { return list }
        var out: [Inline] = []
        for (i, node) in list.enumerated() {
            guard case .review(let mark, let old, let new) = node.kind else {
                out.append(node)
                continue
            }
            marks.append((mark, node.range))
            let kept: [Inline]
            switch mode {
            case .show:
                out.append(node)
                continue
            case .accept: kept = new
            case .reject: kept = mark.kind == .highlight ? new : old
            }
            out += kept
            // A mark that leaves nothing takes one of the spaces around it along ("a {-- b --} c" is "a c").
            if kept.isEmpty, i + 1 < list.count, PlaceholderExpansion.startsWithSpace(list[i + 1]),
               let last = out.indices.last, case .text(let t) = out[last].kind, t.hasSuffix(" ") {
                out[last].kind = .text(String(t.dropLast()))
            }
        }
        return out
    }
}
