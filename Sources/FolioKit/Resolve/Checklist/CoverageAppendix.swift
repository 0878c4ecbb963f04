/// The "Governance checklist coverage" appendix: a per-side summary, then a matrix of item × side ×
/// status × covering sections (as links) × evidence. Built as ordinary model blocks, so the HTML and
/// the PDF show the same table.
enum CoverageAppendix {
    static let title = "Governance checklist coverage"
    static let id = "sec:checklist-coverage"

    static func anchor(_ itemID: String) -> String { "item:" + itemID }

    static func blocks(_ report: CoverageReport, range: SourceRange) -> [Block] {
        func text(_ s: String) -> Inline { Inline(.text(s), range: range) }
        let c = report.checklist
        var intro = "This appendix is generated from the paper's governance checklist, \u{201C}\(c.title)\u{201D}"
        if let v = c.version { intro += " (version \(v))" }
        intro += "."
        if let s = c.source { intro += " It follows \(s)." }
        intro += " Each item lists the sections that claim it and the evidence found there: words, distinct sources cited, and any rule not yet met."
        var blocks = [Block(.paragraph([text(intro)]), range: range)]
        blocks.append(Block(.paragraph([Inline(.strong([text(report.summaryLine)]), range: range)]), range: range))
        let header = Table.Row(cells: ["Item", "Side", "Status", "Covered in", "Evidence"].map { [text($0)] }, range: range)
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
            var evidence = r.claims.isEmpty ? "—" : "\(r.words) words; \(r.citations) source\(r.citations == 1 ? "" : "s")"
            if !r.failures.isEmpty { evidence += "; " + r.failures.map(\.message).joined(separator: "; ") }
            let side = r.item.side.rawValue.prefix(1).uppercased() + r.item.side.rawValue.dropFirst()
            let status = r.status.rawValue.prefix(1).uppercased() + r.status.rawValue.dropFirst()
            return Table.Row(cells: [item, [text(side)], [text(status)], places, [text(evidence)]], range: range)
        }
        blocks.append(Block(.table(Table(alignments: [.left, .left, .left, .left, .left], header: header, rows: rows)), range: range))
        return blocks
    }
}
