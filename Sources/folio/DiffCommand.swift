import ArgumentParser
import Foundation
import FolioKit

/// `folio diff OLD [NEW]`: what changed between two revisions of the paper, rendered.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two git revisions of the paper (NEW defaults to the working tree).",
        discussion: "Writes OUT/index.html and OUT/diff.pdf with every change marked, behind a summary that links to each; with --format critic, the changed chapters as CriticMarkup under OUT/critic/."
    )

    @Argument(help: "The old revision: a commit, branch or tag.")
    var old: String

    @Argument(help: "The new revision (default: the working tree).")
    var new: String?

    @Option(name: .long, help: "Output folder (default Build/diff).")
    var out = "Build/diff"

    @Option(name: .long, help: "html (the rendered diff and its PDF) or critic (CriticMarkup sources).")
    var format: DiffPipeline.Format = .html

    @Flag(name: .customLong("no-pdf"), help: "Write the HTML and LaTeX only, without running LaTeX.")
    var noPDF = false

    @OptionGroup var paper: PaperOption
    @OptionGroup var tools: ToolLimitOptions

    func validate() throws {
        if paper.revision != nil { throw ValidationError("name the revisions as arguments: folio diff OLD [NEW]") }
    }

    func run() throws {
        var request = DiffPipeline.Request(paperDirectory: paper.directory, old: old, new: new, outputDirectory: out)
        request.format = format
        request.pdf = !noPDF
        request.gitLimits = paper.gitLimits
        request.limits = tools.value
        let outcome = DiffPipeline.run(request)
        Console().report(outcome.diagnostics, summary: false)
        if outcome.diagnostics.hasErrors { throw ExitCode(1) }
        guard let diff = outcome.diff, !diff.isEmpty else {
            print("no changes")
            return
        }
        print("\(diff.chaptersChanged) chapter\(diff.chaptersChanged == 1 ? "" : "s") changed, \(diff.wordsAdded) words added, "
              + "\(diff.wordsRemoved) removed, \(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s")")
        for file in outcome.written { print("wrote \((out as NSString).appendingPathComponent(file))") }
    }
}

extension DiffPipeline.Format: ExpressibleByArgument {}
