/// What the catalogue says about one diagnostic id: its default severity, a category, a one-line
/// summary and how to fix it. `DiagnosticCatalog` lists every id Folio can report; `--list-rules`
/// and `docs/lint-rules.md` are drawn from it.
public struct DiagnosticInfo: Sendable, Hashable {
    public enum Category: String, Sendable, CaseIterable {
        // Reported by the stages (build, check and lint all see them).
        case source, manifest, markdown, references, citations, checklist, safety, output
        // Reported by the lint rules.
        case structure, prose, terminology, review
    }

    public var id: String
    public var severity: Diagnostic.Severity
    public var category: Category
    public var summary: String
    /// How to fix a finding, for SARIF help text and `--list-rules`.
    public var help: String
    /// Whether `--fix` can repair it without changing meaning.
    public var fixable: Bool = false
    /// Whether `lint: rules:` may change its severity. Errors that guard safety or stop the build
    /// from producing correct output (unsafe math, unreadable sources) may not be lowered.
    public var configurable: Bool = true

    public init(id: String, severity: Diagnostic.Severity, category: Category, summary: String, help: String,
                fixable: Bool = false, configurable: Bool = true) {
        self.id = id
        self.severity = severity
        self.category = category
        self.summary = summary
        self.help = help
        self.fixable = fixable
        self.configurable = configurable
    }
}
