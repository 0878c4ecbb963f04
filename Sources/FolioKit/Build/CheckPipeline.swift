/// `folio check`: Parse → Resolve → Validate, without writing outputs; returns the checklist coverage
/// and every finding under the profile's severities.
public enum CheckPipeline {
    public static func run(paperDirectory: String, profile: Profile, untrusted: Bool = false) -> (CoverageReport?, DiagnosticEngine) {
        var engine = DiagnosticEngine(profile: profile)
        let (loaded, loadDiagnostics) = PaperLoader.load(directory: paperDirectory, untrusted: untrusted)
        engine.emit(contentsOf: loadDiagnostics)
        guard let paper = loaded else { return (nil, engine) }
        guard paper.checklist != nil else {
            engine.emit(.error("check.no-checklist", "the manifest names no checklist", at: paper.manifest.location,
                               notes: ["add 'checklist: checklist.yaml' to folio.yaml (see docs/CHECKLIST.md)"]))
            return (nil, engine)
        }
        let (resolved, resolveDiagnostics) = Resolver.resolve(paper, profile: profile)
        engine.emit(contentsOf: resolveDiagnostics)
        engine.emit(contentsOf: Validation.run(resolved))
        return (resolved.coverage, engine)
    }
}
