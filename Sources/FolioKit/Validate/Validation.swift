/// The Validate stage: checks on the resolved paper that no single earlier stage can make.
public enum Validation {
    public static func run(_ paper: ResolvedPaper) -> [Diagnostic] {
        var out: [Diagnostic] = []
        out += MathCheck.diagnostics(in: paper)
        out += RawHTMLCheck.diagnostics(in: paper)
        if let report = paper.coverage { out += ChecklistCheck.diagnostics(report) }
        return out
    }
}
