import ArgumentParser
import Foundation
import FolioKit

/// `folio status`: each chapter's owners, status, words, open review marks, findings, checklist items
/// and last change, with totals per side.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The paper at a glance: each chapter's owners, status, words, review marks, findings, checklist items and last change.",
        discussion: "With --require-status, exits 1 and lists the chapters below that status (for CI on release branches)."
    )

    @Option(name: .long, help: "Output format: text, json, markdown or html.")
    var format: StatusReportWriter.Format = .text

    @Option(name: .customLong("require-status"), help: "Fail unless every chapter is at least this status: review or approved.")
    var requireStatus: Chapter.Status?

    @Option(name: .long, help: "Profile for the findings: draft, or final (warnings become errors).")
    var profile: ProfileOption = .draft

    @OptionGroup var paper: PaperOption
    @OptionGroup var safety: UntrustedOption

    func run() throws {
        let (collected, analysis) = PaperStatus.collect(try paper.source(), directory: paper.directory, revision: paper.revision,
                                                        profile: profile.value, untrusted: safety.untrusted, gitLimits: paper.gitLimits)
        guard let status = collected else {
            Console().report(analysis.engine, summary: true)
            throw ExitCode(1)
        }
        print(StatusReportWriter.render(status, format: format), terminator: "")
        if let needed = requireStatus {
            let below = status.below(needed)
            for r in below {
                FileHandleOutput.standardError("\(r.path): chapter '\(r.title)' is \(r.status.rawValue); \(needed.rawValue) or later is required")
            }
            if !below.isEmpty { throw ExitCode(1) }
        }
    }
}

extension StatusReportWriter.Format: ExpressibleByArgument {}
extension Chapter.Status: ExpressibleByArgument {}
