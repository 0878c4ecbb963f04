/// Reference and structure rules whose facts the Parse and Resolve stages already establish: the
/// linter reports those findings under its own rule ids, so they can be configured like any other.
struct StageRule: LintRule {
    let info: LintRuleInfo
    /// The stage diagnostic ids this rule takes over.
    let sources: Set<String>

    func check(_ context: LintContext) -> [LintFinding] {
        context.stageDiagnostics.filter { sources.contains($0.id) }.map { d in
            var copy = d
            copy.id = info.id
            copy.severity = info.severity
            return LintFinding(copy)
        }
    }

    static let all: [StageRule] = [
        StageRule(info: .init(id: "structure.no-title", severity: .warning, category: .structure,
                              summary: "A chapter has no title.",
                              help: "Add 'title:' to the front matter or start the file with a '# Title' heading."),
                  sources: ["chapter.no-title"]),
        StageRule(info: .init(id: "refs.unknown-citation", severity: .error, category: .references,
                              summary: "A citation key has no bibliography entry.",
                              help: "Fix the key (the message suggests the nearest one) or add the entry to the bibliography."),
                  sources: ["citation.unknown-key"]),
        StageRule(info: .init(id: "refs.uncited-entry", severity: .warning, category: .references,
                              summary: "A bibliography entry is never cited.",
                              help: "Cite it where the text relies on it, list it under 'nocite' in folio.yaml, or remove it."),
                  sources: ["citation.uncited"]),
        StageRule(info: .init(id: "refs.undefined-label", severity: .error, category: .references,
                              summary: "A cross-reference names a label that does not exist.",
                              help: "Fix the label (the message suggests the nearest one) or add {#label} to the target."),
                  sources: ["crossref.undefined", "crossref.mixed-group"]),
        StageRule(info: .init(id: "refs.duplicate-label", severity: .error, category: .references,
                              summary: "Two targets share one label.",
                              help: "Rename one of them; the message names both places."),
                  sources: ["label.duplicate", "label.prefix-mismatch"]),
        StageRule(info: .init(id: "refs.unreferenced-float", severity: .warning, category: .references,
                              summary: "A figure, table or equation is never referenced.",
                              help: "Refer to it with @fig:…, @tbl:… or @eq:… where the text discusses it, or remove it."),
                  sources: ["crossref.unreferenced"]),
        StageRule(info: .init(id: "refs.missing-image", severity: .error, category: .references,
                              summary: "An image file does not exist or cannot be used.",
                              help: "Fix the path (relative to the chapter's paper folder) or add the file."),
                  sources: ["image.missing", "image.outside", "image.type"]),
    ]
}
