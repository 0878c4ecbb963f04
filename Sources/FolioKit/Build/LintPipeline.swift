/// `folio lint`: the analysis with the lint rules; every finding, from the stages and the rules,
/// under one engine (configuration, inline switches, `--since`, the profile).
public enum LintPipeline {
    public static func run(paperDirectory: String, profile: Profile, untrusted: Bool = false,
                           changedLines: [String: Set<Int>]? = nil) -> Analyzer.Result {
        run(DiskProvider(directory: paperDirectory), profile: profile, untrusted: untrusted, changedLines: changedLines)
    }

    public static func run(_ source: any SourceProvider, profile: Profile, untrusted: Bool = false,
                           changedLines: [String: Set<Int>]? = nil) -> Analyzer.Result {
        Analyzer.run(source, .init(profile: profile, untrusted: untrusted, lint: true, changedLines: changedLines))
    }
}
