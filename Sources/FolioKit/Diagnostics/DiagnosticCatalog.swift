/// Every diagnostic id Folio can report, in one place: the stages' ids (`StageDiagnostics.swift`), the
/// lint rules' (each rule declares its own) and the linter's comments about its switches.
/// `folio lint --list-rules`, SARIF rule metadata, configuration checks and `docs/lint-rules.md` all
/// read it, and a test keeps it in step with the sources.
public enum DiagnosticCatalog {
    /// Every entry, by category (stage categories first) and then id.
    public static let all: [DiagnosticInfo] = {
        let order = Dictionary(uniqueKeysWithValues: DiagnosticInfo.Category.allCases.enumerated().map { ($1, $0) })
        return (stage + Linter.rules.map(\.info) + Linter.metaRules).sorted {
            (order[$0.category] ?? 0, $0.id) < (order[$1.category] ?? 0, $1.id)
        }
    }()

    private static let byID: [String: DiagnosticInfo] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// Names that earlier versions of `folio lint` used for findings the stages make. Configuration and
    /// `folio-lint` comments that use them still work; findings carry the stage's id.
    public static let aliases: [String: [String]] = [
        "structure.no-title": ["chapter.no-title"],
        "refs.unknown-citation": ["citation.unknown-key"],
        "refs.uncited-entry": ["citation.uncited"],
        "refs.undefined-label": ["crossref.undefined", "crossref.mixed-group"],
        "refs.duplicate-label": ["label.duplicate", "label.prefix-mismatch"],
        "refs.unreferenced-float": ["crossref.unreferenced"],
        "refs.missing-image": ["image.missing", "image.outside", "image.type"],
    ]

    /// Every id and alias, sorted (for "did you mean").
    public static let ids: [String] = (all.map(\.id) + aliases.keys).sorted()

    public static func info(_ id: String) -> DiagnosticInfo? { byID[id] }

    public static func isKnown(_ id: String) -> Bool { byID[id] != nil || aliases[id] != nil }

    /// The ids a name in the configuration stands for: itself, or an alias's ids.
    public static func expand(_ id: String) -> [String] { aliases[id] ?? [id] }

    /// Whether configuration may change the severity of `id` (unknown ids, from tests or plug-ins, may).
    public static func isConfigurable(_ id: String) -> Bool { byID[id]?.configurable ?? true }
}
