import Foundation

/// `folio lint`: Parse and Resolve the paper, then run the lint rules over the resolved paper and the
/// chapter sources. Returns the findings and the sources (for carets and fixes).
public enum LintPipeline {
    public struct Outcome: Sendable {
        public var findings: [LintFinding]
        public var sources: [LintSource]
        /// Problems that stop linting (no manifest, unreadable chapters, a bad lint configuration).
        public var fatal: [Diagnostic]
    }

    public static func run(paperDirectory: String, profile: Profile, untrusted: Bool = false) -> Outcome {
        let (loaded, loadDiagnostics) = PaperLoader.load(directory: paperDirectory, untrusted: untrusted)
        guard let paper = loaded else {
            return Outcome(findings: [], sources: [], fatal: loadDiagnostics.filter { $0.severity == .error })
        }
        let (resolved, resolveDiagnostics) = Resolver.resolve(paper, profile: profile)
        let dir = URL(fileURLWithPath: paper.directory)
        let (config, configProblems) = LintConfig.find(manifest: paper.manifest, directory: dir)
        if configProblems.contains(where: { $0.severity == .error }) {
            return Outcome(findings: [], sources: [], fatal: configProblems)
        }
        var sources: [LintSource] = []
        for ch in paper.chapters {
            let url = dir.appendingPathComponent(ch.manifestPath)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            sources.append(LintSource(path: ch.path, url: url, text: String(decoding: data, as: UTF8.self)))
        }
        let stage = loadDiagnostics + resolveDiagnostics + Validation.run(resolved)
        let context = LintContext(paper: resolved, sources: sources, glossary: paper.glossary, config: config, profile: profile,
                                  stageDiagnostics: stage)
        var findings = Linter.run(context)
        // Errors no rule covers (unsafe math found by Validation, a broken manifest entry) still stop a clean lint.
        let covered = Set(StageRule.all.flatMap(\.sources))
        findings += stage.filter { ($0.severity == .error || $0.id == "untrusted.ignored") && !covered.contains($0.id) }.map { LintFinding($0) }
        findings += configProblems.map { LintFinding($0) }
        return Outcome(findings: findings, sources: sources, fatal: [])
    }
}
