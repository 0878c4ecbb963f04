/// `folio check`: the analysis without writing outputs; returns the checklist coverage and every
/// finding under the profile's severities.
public enum CheckPipeline {
    public static func run(paperDirectory: String, profile: Profile, untrusted: Bool = false) -> (CoverageReport?, DiagnosticEngine) {
        run(DiskProvider(directory: paperDirectory), profile: profile, untrusted: untrusted)
    }

    public static func run(_ source: any SourceProvider, profile: Profile, untrusted: Bool = false) -> (CoverageReport?, DiagnosticEngine) {
        let analysis = Analyzer.run(source, .init(profile: profile, untrusted: untrusted))
        var engine = analysis.engine
        guard let paper = analysis.paper else { return (nil, engine) }
        guard paper.checklist != nil else {
            engine.emit(.error("check.no-checklist", "the manifest names no checklist", at: paper.manifest.location,
                               notes: ["add 'checklist: checklist.yaml' to folio.yaml (see docs/CHECKLIST.md)"]))
            return (nil, engine)
        }
        return (analysis.resolved?.coverage, engine)
    }
}
