import ArgumentParser
import Foundation
import FolioKit

/// `folio check`: the governance checklist's coverage, as a table or a machine-readable report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the paper against its governance checklist.",
        discussion: "Exits with 1 when an error-severity item is unmet (in the final profile, any item)."
    )

    @Option(name: .long, help: "Report format: text, json, sarif, junit or markdown.")
    var format: CheckReportWriter.Format = .text

    @Option(name: .long, help: "Build profile: draft, or final (warnings become errors, status rules apply).")
    var profile: ProfileOption = .draft

    @OptionGroup var paper: PaperOption
    @OptionGroup var safety: UntrustedOption

    func run() throws {
        let (report, engine) = CheckPipeline.run(try paper.source(), profile: profile.value, untrusted: safety.untrusted)
        Console().report(engine, summary: true)
        if let report {
            let text = CheckReportWriter.render(report, diagnostics: engine.sorted, format: format, profile: profile.value)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if engine.hasErrors { throw ExitCode(1) }
    }
}

extension CheckReportWriter.Format: ExpressibleByArgument {}
