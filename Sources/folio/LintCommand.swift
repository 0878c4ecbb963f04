import ArgumentParser
import Foundation
import FolioKit

/// `folio lint`: located findings for reviewers, with configurable rules and safe fixes.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the paper's structure, references, prose, terminology and review state.",
        discussion: "Exits with 1 when an error-severity finding remains, 0 otherwise, 2 on usage errors. Rules: --list-rules and docs/lint-rules.md."
    )

    @Option(name: .long, help: "Output format: human, json, sarif, github or junit.")
    var format: LintReportWriter.Format = .human

    @Option(name: .long, help: "Profile: draft, or final (warnings become errors; chapters must be in review).")
    var profile: ProfileOption = .draft

    @Option(name: .long, help: "Report only findings on lines changed since this git revision.")
    var since: String?

    @Flag(name: .long, help: "Apply the safe fixes (repeated words, double spaces, discouraged terms, spelling variants).")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print the changes as a diff instead of writing them.")
    var dryRun = false

    @Flag(name: .long, help: "With --fix: also fix files that have findings --fix cannot repair.")
    var force = false

    @Flag(name: .customLong("list-rules"), help: "List every rule with its id, default severity and description.")
    var listRules = false

    @OptionGroup var paper: PaperOption
    @OptionGroup var safety: UntrustedOption

    @Option(name: .customLong("git-timeout"), help: "With --since: seconds git may run before it is stopped (default 60).")
    var gitTimeout: Double = ProcessRunner.Limits.git.seconds

    func validate() throws {
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
        if force && !fix { throw ValidationError("--force goes with --fix") }
        if !(gitTimeout > 0 && gitTimeout <= 86_400) { throw ValidationError("--git-timeout must be between 0 and 86400 seconds") }
    }

    func run() throws {
        if listRules {
            print(LintReportWriter.ruleList(), terminator: "")
            return
        }
        let console = Console()
        let outcome = LintPipeline.run(paperDirectory: paper.directory, profile: profile.value, untrusted: safety.untrusted)
        guard outcome.fatal.isEmpty else {
            var engine = DiagnosticEngine()
            engine.emit(contentsOf: outcome.fatal)
            console.report(engine, summary: true)
            throw ExitCode(1)
        }
        var findings = outcome.findings
        if fix {
            let plan = LintFixer.plan(findings, sources: outcome.sources, force: force)
            if dryRun {
                print(LintFixer.diff(plan), terminator: "")
            } else {
                try LintFixer.write(plan, sources: outcome.sources)
            }
            for r in plan {
                if let why = r.skipped {
                    FileHandleOutput.standardError("\(r.path): not changed: \(why)")
                } else if r.applied > 0 {
                    FileHandleOutput.standardError("\(r.path): \(dryRun ? "would fix" : "fixed") \(r.applied) finding\(r.applied == 1 ? "" : "s")")
                }
            }
            if !dryRun {
                // Report what is left after fixing.
                findings = LintPipeline.run(paperDirectory: paper.directory, profile: profile.value, untrusted: safety.untrusted).findings
            } else {
                return
            }
        }
        if let since {
            switch GitChanges.lines(since: since, in: paper.directory,
                                     limits: .init(seconds: gitTimeout, memoryBytes: ProcessRunner.Limits.git.memoryBytes)) {
            case .failure(let d):
                var engine = DiagnosticEngine()
                engine.emit(d)
                console.report(engine, summary: false)
                throw ExitCode(2)
            case .success(let changed):
                let paths = Dictionary(outcome.sources.map { ($0.path, $0.url.standardizedFileURL.path) }, uniquingKeysWith: { a, _ in a })
                findings = findings.filter { f in
                    guard let loc = f.diagnostic.location else { return false }
                    let absolute = paths[loc.file] ?? URL(fileURLWithPath: loc.file).standardizedFileURL.path
                    return GitChanges.contains(changed, file: absolute, line: loc.line)
                }
            }
        }
        // The profile raises severities (final: warnings are errors).
        findings = findings.map { f in
            var f = f
            f.diagnostic.severity = profile.value.effectiveSeverity(of: f.diagnostic.severity)
            return f
        }
        let text = LintReportWriter.render(findings, sources: outcome.sources, format: format, useColor: console.printer.useColor)
        FileHandle.standardOutput.write(Data(text.utf8))
        if findings.contains(where: { $0.diagnostic.severity == .error }) { throw ExitCode(1) }
    }
}

extension LintReportWriter.Format: ExpressibleByArgument {}
