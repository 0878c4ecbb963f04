/// One rule. Rules read the resolved paper, the sources and the glossary through `LintContext`, and
/// declare their id, default severity, category and help (`DiagnosticInfo`, in the catalogue).
/// `docs/lint-rules.md` has a page per rule with a bad and a good example.
protocol LintRule: Sendable {
    var info: DiagnosticInfo { get }
    func check(_ context: LintContext) -> [Diagnostic]
}

extension LintRule {
    /// A finding of this rule spanning `length` bytes from `location`, with an optional safe fix.
    func finding(_ message: String, at location: SourceLocation?, length: Int = 1, notes: [Diagnostic.Note] = [],
                 fix: TextEdit? = nil) -> Diagnostic {
        let range = location.map { SourceRange(start: $0, endLine: $0.line, endColumn: $0.column + max(length, 1) - 1) }
        return Diagnostic(info.severity, info.id, message, range: range, notes: notes, fixes: fix.map { [$0] } ?? [])
    }
}
