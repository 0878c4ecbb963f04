/// Runs the lint rules over a paper and applies the configuration (severities, ignored paths) and the
/// inline `folio-lint` comments.
public enum Linter {
    static let rules: [any LintRule] = StageRule.all + [
        HeadingIncrement(), EmptySection(), DuplicateHeading(), BrokenLink(), ImageAlt(),
        RepeatedWord(), SentenceLength(), TodoMarker(), BareURL(), DoubleSpace(), SpellingVariant(),
        AcronymBeforeDefinition(), AcronymDefinedTwice(), DiscouragedTerm(), ReviewStatus(), NoOwner(),
    ]

    /// The linter's own findings about its comments.
    static let metaRules: [LintRuleInfo] = [
        .init(id: "lint.unused-disable", severity: .warning, category: .review,
              summary: "A folio-lint disable comment suppresses nothing.",
              help: "Remove it, or put it next to the finding it is meant for."),
        .init(id: "lint.bad-directive", severity: .warning, category: .review,
              summary: "A folio-lint comment is malformed or names an unknown rule.",
              help: "Write <!-- folio-lint disable RULE -->, enable, disable-next-line or disable-file, with rule ids from --list-rules."),
    ]

    /// Every rule, in the order `--list-rules` prints them.
    public static let catalog: [LintRuleInfo] =
        (rules.map(\.info) + metaRules).sorted { ($0.category.rawValue, $0.id) < ($1.category.rawValue, $1.id) }

    public static let ruleIDs: [String] = catalog.map(\.id)

    public static func run(_ context: LintContext) -> [LintFinding] {
        let known = Set(ruleIDs)
        var directives: [String: LintDirectives] = [:]
        var findings: [LintFinding] = []
        for src in context.sources {
            let d = LintDirectives(src, knownRules: known)
            directives[src.path] = d
            findings += d.problems.map { LintFinding($0) }
        }
        let ignoredFiles = Set(context.paper.chapters.filter { context.config.isIgnored($0.source.manifestPath) }.map(\.source.path))
        for rule in rules {
            let level = context.config.levels[rule.info.id]
            if level == .off { continue }
            for var f in rule.check(context) {
                if case .severity(let s)? = level { f.diagnostic.severity = s }
                if let loc = f.diagnostic.location {
                    if ignoredFiles.contains(loc.file) { continue }
                    if directives[loc.file]?.suppresses(rule.info.id, line: loc.line) == true { continue }
                }
                findings.append(f)
            }
        }
        if context.config.levels["lint.unused-disable"] != .off {
            for d in directives.values { findings += d.unused.map { LintFinding($0) } }
        }
        return findings.sorted { a, b in
            switch (a.diagnostic.location, b.diagnostic.location) {
            case let (x?, y?): return x == y ? a.diagnostic.id < b.diagnostic.id : x < y
            case (nil, _?): return true
            default: return false
            }
        }
    }
}
