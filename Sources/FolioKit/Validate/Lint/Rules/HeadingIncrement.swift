/// `structure.heading-increment`: a heading more than one level below the one before it (`##` then `####`).
struct HeadingIncrement: LintRule {
    let info = DiagnosticInfo(id: "structure.heading-increment", severity: .warning, category: .structure,
                            summary: "A heading skips a level.",
                            help: "Use the next level down (## for a section, ### for a subsection).")

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ch in context.paper.chapters where !ch.isGenerated {
            var previous = 1
            for block in ch.blocks {
                block.forEachBlock { b in
                    guard case .heading(let h) = b.kind else { return }
                    if h.writtenLevel > previous + 1 {
                        out.append(finding("heading level \(h.writtenLevel) follows level \(previous); a level is skipped",
                                           at: b.range.start, length: h.writtenLevel,
                                           notes: ["use \(String(repeating: "#", count: previous + 1)) here"]))
                    }
                    previous = h.writtenLevel
                }
            }
        }
        return out
    }
}
