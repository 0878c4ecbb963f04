/// Everything rules read: the resolved paper, each chapter's source, the glossary, the options and
/// what the earlier stages reported.
public struct LintContext: Sendable {
    public var paper: ResolvedPaper
    /// Where the paper was read from (links to files are checked there).
    public var provider: any SourceProvider
    public var sources: [LintSource]
    public var glossary: Glossary?
    public var config: LintConfig
    public var profile: Profile

    /// An integer option of a rule, e.g. `max-words` of `prose.sentence-length`.
    func option(_ rule: String, _ key: String, default value: Int) -> Int {
        config.options[rule]?[key].flatMap { Int($0) } ?? value
    }
}
