/// The Validate stage: checks on the resolved paper that no single earlier stage can make.
public enum Validation {
    public static func run(_ paper: ResolvedPaper) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ch in paper.chapters {
            out += MathCheck.diagnostics(in: ch.blocks + ch.footnotes.flatMap(\.content))
        }
        if let report = paper.coverage { out += ChecklistCheck.diagnostics(report) }
        return out
    }
}
