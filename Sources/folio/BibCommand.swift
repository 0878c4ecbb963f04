import ArgumentParser
import Foundation
import FolioKit

/// `folio bib`: work with the bibliography on its own.
struct BibCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bib",
        abstract: "Bibliography tools.",
        subcommands: [BibExportCommand.self]
    )
}

/// `folio bib export [FILE ...]`: the parsed bibliography as CSL-JSON or clean BibLaTeX.
struct BibExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the parsed bibliography as CSL-JSON (or BibLaTeX) on standard output.",
        discussion: "With no files, exports the bibliography the paper's manifest names."
    )

    @Argument(help: "BibTeX (.bib) or CSL-JSON (.json) files.")
    var files: [String] = []

    @Option(name: .long, help: "Output format: csljson or biblatex.")
    var to: BibFormat = .csljson

    @OptionGroup var paper: PaperOption

    func run() throws {
        var engine = DiagnosticEngine()
        let (bib, diagnostics): (Bibliography, [Diagnostic])
        if files.isEmpty {
            (bib, diagnostics) = BibliographyLoader.loadPaper(try paper.source())
        } else {
            (bib, diagnostics) = BibliographyLoader.load(files.map { (URL(fileURLWithPath: $0), nil) })
        }
        engine.emit(contentsOf: diagnostics)
        Console().report(engine, summary: false)
        // One bad entry never costs the rest: every entry that parsed is exported, and the exit
        // status still says that some did not.
        let text = to == .csljson ? CSLJSONWriter.json(bib.references) : BibLaTeXWriter.bib(bib.references)
        FileHandle.standardOutput.write(Data(text.utf8))
        if engine.hasErrors { throw ExitCode(1) }
    }
}

enum BibFormat: String, ExpressibleByArgument, CaseIterable {
    case csljson, biblatex
}
