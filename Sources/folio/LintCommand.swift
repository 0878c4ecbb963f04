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

    @Option(name: .long, help: "Output format: human, json, sarif, github, junit or markdown (a summary table).")
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

    func validate() throws {
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
        if force && !fix { throw ValidationError("--force goes with --fix") }
        if since != nil && paper.revision != nil {
            throw ValidationError("--since compares the working tree with a revision; it cannot be used with --revision")
        }
    }

    func run() throws {
        if listRules {
            print(LintReportWriter.ruleList(), terminator: "")
            return
        }
        let console = Console()
        let source = try paper.source()
        var changed: [String: Set<Int>]?
        if let since {
            switch GitChanges.lines(since: since, in: paper.directory, limits: paper.gitLimits) {
            case .failure(let d):
                var engine = DiagnosticEngine()
                engine.emit(d)
                console.report(engine, summary: false)
                throw ExitCode(2)
            case .success(let lines): changed = lines
            }
        }
        var analysis = LintPipeline.run(source, profile: profile.value, untrusted: safety.untrusted, changedLines: changed)
        if fix {
            guard source.isWorkingTree else { throw ValidationError("--fix changes files in the working tree; it cannot be used with --revision") }
            let plan = LintFixer.plan(analysis.diagnostics, sources: analysis.sources, force: force)
            if dryRun {
                print(LintFixer.diff(plan), terminator: "")
            } else {
                try LintFixer.write(plan, sources: analysis.sources)
            }
            for r in plan {
                if let why = r.skipped {
                    FileHandleOutput.standardError("\(r.path): not changed: \(why)")
                } else if r.applied > 0 {
                    FileHandleOutput.standardError("\(r.path): \(dryRun ? "would fix" : "fixed") \(r.applied) finding\(r.applied == 1 ? "" : "s")")
                }
            }
            guard !dryRun else { return }
            // Report what is left: the fixed texts, analysed from memory.
            var edited = OverlayProvider(base: source)
            for r in plan where r.skipped == nil && r.applied > 0 {
                if let file = analysis.paper?.chapters.first(where: { $0.path == r.path }) { edited.set(file.manifestPath, r.newText) }
            }
            analysis = LintPipeline.run(edited, profile: profile.value, untrusted: safety.untrusted, changedLines: changed)
        }
        let text = LintReportWriter.render(analysis.diagnostics, sources: analysis.sources, format: format, useColor: console.printer.useColor)
        FileHandle.standardOutput.write(Data(text.utf8))
        if analysis.hasErrors { throw ExitCode(1) }
    }
}

extension LintReportWriter.Format: ExpressibleByArgument {}
