import ArgumentParser
import Foundation
import FolioKit

/// `folio build`: builds the paper into HTML, LaTeX and PDF.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the paper into HTML, LaTeX and PDF."
    )

    @Option(name: .long, help: "Comma-separated outputs: html, latex, pdf, or all.")
    var to = "html,latex"

    @Option(name: .long, help: "Output folder.")
    var out = "Build"

    @Option(name: .long, help: "Build profile: draft, or final (warnings become errors).")
    var profile: ProfileOption = .draft

    @Option(name: .long, help: "Review marks: show them (draft), or build as if every change were accepted or rejected.")
    var review: ReviewMode = .show

    @OptionGroup var paper: PaperOption
    @OptionGroup var stamp: StampOptions
    @OptionGroup var safety: UntrustedOption
    @OptionGroup var tools: ToolLimitOptions

    func run() throws {
        let formats: [OutputFormat]
        switch OutputFormat.parseList(to) {
        case .success(let list) where !list.isEmpty: formats = list
        case .success: throw ValidationError("--to needs at least one of html, latex, pdf or all")
        case .failure(let bad): throw ValidationError("unknown output format '\(bad.word)'; use html, latex, pdf or all")
        }
        var request = BuildPipeline.Request(source: try paper.source(), outputDirectory: out,
                                            formats: formats, profile: profile.value)
        request.untrusted = safety.untrusted
        request.review = review
        request.freeModel = false
        request.limits = tools.value
        request.findProvenance = stamp.lookup(paper: paper, profile: profile.value)
        let outcome = BuildPipeline.run(request)
        if outcome.provenanceFailure != nil {
            Console().report(outcome.diagnostics, summary: false)
            throw ExitCode(2)
        }
        Console().report(outcome.diagnostics, summary: true)
        if outcome.diagnostics.hasErrors { throw ExitCode(1) }
        for file in outcome.written { print("wrote \((out as NSString).appendingPathComponent(file))") }
    }
}

/// `--paper DIR` and `--revision REV`, shared by every command that works on the paper.
struct PaperOption: ParsableArguments {
    @Option(name: .long, help: "The paper folder (default: Paper).")
    var paper = "Paper"

    @Option(name: .long, help: "Read the paper as it is at this git revision (a commit, branch or tag), without a checkout.")
    var revision: String?

    @Option(name: .customLong("git-timeout"), help: "Seconds git may run (for --revision, and lint's --since) before it is stopped (default 60).")
    var gitTimeout: Double = ProcessRunner.Limits.git.seconds

    var directory: String { paper }

    var gitLimits: ProcessRunner.Limits { .init(seconds: gitTimeout, memoryBytes: ProcessRunner.Limits.git.memoryBytes) }

    func validate() throws {
        if !(gitTimeout > 0 && gitTimeout <= 86_400) { throw ValidationError("--git-timeout must be between 0 and 86400 seconds") }
    }

    /// The working tree, or the revision; a revision git cannot find is a clear error (exit 2).
    func source() throws -> any SourceProvider {
        guard let revision else { return DiskProvider(directory: paper) }
        switch GitRevisionProvider.open(directory: paper, revision: revision, limits: gitLimits) {
        case .success(let provider): return provider
        case .failure(let d):
            var engine = DiagnosticEngine()
            engine.emit(d)
            Console().report(engine, summary: false)
            throw ExitCode(2)
        }
    }
}

/// `--pull-request N`: what the stamps on the pages say about where the build came from.
struct StampOptions: ParsableArguments {
    @Option(name: .customLong("pull-request"), help: "Stamp the pages as a preview of this pull request (default: from GitHub's environment on a pull_request event).")
    var pullRequest: Int?

    func validate() throws {
        if let n = pullRequest, n <= 0 { throw ValidationError("--pull-request must be a positive number") }
    }

    /// Finds the commit, dates and pull request (git runs while the paper is analysed); a bad
    /// SOURCE_DATE_EPOCH or a failing git is a clear error (exit 2) before anything is written.
    func lookup(paper: PaperOption, profile: Profile) -> @Sendable () -> Result<Provenance?, Diagnostic> {
        let (directory, revision, pullRequest, limits) = (paper.directory, paper.revision, pullRequest, paper.gitLimits)
        return {
            GitProvenance.detect(paperDirectory: directory, revision: revision, profile: profile,
                                 pullRequest: pullRequest, limits: limits).map { $0 }
        }
    }
}

enum ProfileOption: String, ExpressibleByArgument, CaseIterable {
    case draft, final

    var value: Profile { self == .draft ? .draft : .final }
}

extension ReviewMode: ExpressibleByArgument {}
