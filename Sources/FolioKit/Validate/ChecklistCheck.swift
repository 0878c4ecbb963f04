/// Turns checklist coverage into findings: an unmet item is reported at its line in the checklist,
/// with the item's own severity (the final profile makes warnings errors).
enum ChecklistCheck {
    static func diagnostics(_ report: CoverageReport) -> [Diagnostic] {
        report.results.compactMap { r in
            switch r.status {
            case .covered:
                return nil
            case .missing:
                return Diagnostic(r.item.severity, "check.not-covered", "\(r.item.id) '\(r.item.title)' is not covered",
                                  at: r.item.location,
                                  notes: ["claim it with covers=\"\(r.item.id)\" on the heading of the section that covers it"])
            case .partial:
                let places = r.claims.map { "\($0.label) (\($0.claim.location))" }.joined(separator: ", ")
                return Diagnostic(r.item.severity, "check.partial",
                                  "\(r.item.id) '\(r.item.title)' is partially covered: " + r.failures.map(\.message).joined(separator: "; "),
                                  at: r.item.location, notes: [.init("claimed in " + places)])
            }
        }
    }
}
