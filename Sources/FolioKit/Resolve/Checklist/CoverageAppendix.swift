/// The "Governance checklist coverage" appendix: a per-side summary, then a matrix of item × side ×
/// status × covering sections (as links) × evidence. Built as ordinary model blocks, so the HTML and
/// the PDF show the same table.
enum CoverageAppendix {
    static let id = "sec:checklist-coverage"

    static func anchor(_ itemID: String) -> String { "item:" + itemID }

    static func blocks(_ report: CoverageReport, words w: PaperWords, range: SourceRange) -> [Block] {
        func text(_ s: String) -> Inline { Inline(.text(s), range: range) }
        let c = report.checklist
        var name = "\u{201C}\(c.title)\u{201D}"
        if let v = c.version { name += " (" + w.phrase(.coverageVersion, v) + ")" }
        var intro = w.phrase(.coverageIntro, name)
        if let s = c.source { intro += " " + w.phrase(.coverageSource, s) }
        intro += " " + w.phrase(.coverageExplain)
        var blocks = [Block(.paragraph([text(intro)]), range: range)]
        blocks.append(Block(.paragraph([Inline(.strong([text(report.summaryLine(w))]), range: range)]), range: range))
        let header = Table.Row(cells: [w.phrase(.coverageItem), w.phrase(.coverageSide), w.phrase(.coverageStatus), w.phrase(.coverageWhere), w.phrase(.coverageEvidence)].map { [text($0)] }, range: range)
        let rows = report.results.map { r -> Table.Row in
            var attrs = Attributes()
            attrs.id = anchor(r.item.id)
            let item: [Inline] = [Inline(.span(attrs, [Inline(.strong([text(r.item.id)]), range: range)]), range: range),
                                  text(" " + r.item.title)]
            var places: [Inline] = []
            var seen: Set<String> = []
            for claim in r.claims where seen.insert(claim.anchor).inserted {
                if !places.isEmpty { places.append(text(", ")) }
                places.append(Inline(.link(destination: "#" + claim.anchor, title: "", content: [text(claim.label)]), range: range))
            }
            if places.isEmpty { places = [text("—")] }
            var evidence = r.claims.isEmpty ? "—"
                : w.phrase(.coverageWords, "\(r.words)") + "; " + w.phrase(r.citations == 1 ? .coverageSource1 : .coverageSources, "\(r.citations)")
            if !r.failures.isEmpty { evidence += "; " + r.failures.map(\.message).joined(separator: "; ") }
            let side = w.phrase(PaperWords.Phrase(rawValue: r.item.side.rawValue) ?? .both)
            let status = w.phrase(r.status == .covered ? .covered : r.status == .partial ? .partial : .notCovered)
            return Table.Row(cells: [item, [text(side)], [text(status)], places, [text(evidence)]], range: range)
        }
        blocks.append(Block(.table(Table(alignments: [.left, .left, .left, .left, .left], header: header, rows: rows)), range: range))
        return blocks
    }
}
