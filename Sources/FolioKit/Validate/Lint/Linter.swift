/// The lint rules. `Analyzer` runs them after Validate when a command asks for them (`folio lint`);
/// the diagnostic engine then applies configuration, inline switches, `--since` and the profile to
/// their findings as to every other diagnostic.
public enum Linter {
    static let rules: [any LintRule] = [
        HeadingIncrement(), EmptySection(), DuplicateHeading(), BrokenLink(), ImageAlt(),
        RepeatedWord(), SentenceLength(), TodoMarker(), BareURL(), DoubleSpace(), SpellingVariant(),
        AcronymBeforeDefinition(), AcronymDefinedTwice(), UndefinedAcronym(), DiscouragedTerm(), ReviewStatus(), NoOwner(), OpenComment(),
    ]

    /// The linter's own findings about its comments.
    static let metaRules: [DiagnosticInfo] = [
        .init(id: "lint.unused-disable", severity: .warning, category: .review,
              summary: "A folio-lint disable comment suppresses nothing.",
              help: "Remove it, or put it next to the finding it is meant for."),
        .init(id: "lint.bad-directive", severity: .warning, category: .review,
              summary: "A folio-lint comment is malformed or names an unknown rule.",
              help: "Write <!-- folio-lint disable RULE -->, enable, disable-next-line or disable-file, with rule ids from --list-rules."),
    ]

    /// Every rule's findings, unfiltered; rules configured `off` do not run.
    /// The rules only read the context, so they run side by side; findings come in the rules' order.
    static func run(_ context: LintContext, jobs: Int = Parallel.defaultJobs, skipping off: (String) -> Bool) -> [Diagnostic] {
        let active = rules.filter { !off($0.info.id) }
        return Parallel.map(active.count, jobs: jobs) { active[$0].check(context) }.flatMap { $0 }
    }
}
