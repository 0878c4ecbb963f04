/// `structure.empty-section`: a heading with nothing under it before the next heading of the same or a higher level.
struct EmptySection: LintRule {
    let info = DiagnosticInfo(id: "structure.empty-section", severity: .warning, category: .structure,
                            summary: "A section has no content.",
                            help: "Write the section, or remove the heading until there is something to say.")

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ch in context.paper.chapters where !ch.isGenerated {
            let blocks = ch.blocks
            for (i, block) in blocks.enumerated() {
                guard case .heading(let h) = block.kind else { continue }
                let next = i + 1 < blocks.count ? blocks[i + 1] : nil
                var empty = next == nil
                if let next, case .heading(let n) = next.kind, n.writtenLevel <= h.writtenLevel { empty = true }
                if empty {
                    out.append(finding("section '\(h.content.plainText)' is empty", at: block.range.start, length: h.writtenLevel))
                }
            }
        }
        return out
    }
}
