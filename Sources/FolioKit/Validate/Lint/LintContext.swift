/// Everything rules read: the resolved paper, each chapter's source, the glossary, the options and
/// what the earlier stages reported.
public struct LintContext: Sendable {
    public var paper: ResolvedPaper
    public var sources: [LintSource]
    public var glossary: Glossary?
    public var config: LintConfig
    public var profile: Profile
    /// Diagnostics from Parse and Resolve; reference rules report these under their own ids.
    public var stageDiagnostics: [Diagnostic]

    /// An integer option of a rule, e.g. `max-words` of `prose.sentence-length`.
    func option(_ rule: String, _ key: String, default value: Int) -> Int {
        config.options[rule]?[key].flatMap { Int($0) } ?? value
    }
}
