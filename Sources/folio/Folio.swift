import ArgumentParser
import FolioKit

/// The `folio` command: a thin layer over FolioKit.
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Build and render Markdown white papers: HTML, LaTeX and PDF from one document model.",
        version: "folio \(FolioVersion.string) (libcmark-gfm \(CmarkParser.libraryVersion))",
        subcommands: [BuildCommand.self, CheckCommand.self, LintCommand.self, RenderCommand.self, BibCommand.self, PublishCommand.self, ServeCommand.self, ReviewCommand.self, StatusCommand.self, DiffCommand.self, InitCommand.self],
        defaultSubcommand: nil
    )
}
