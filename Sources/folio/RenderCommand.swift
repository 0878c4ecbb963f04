import ArgumentParser
import Foundation
import FolioKit

/// `folio render FILE.md`: converts one Markdown file to standard output.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Convert one Markdown file to HTML or LaTeX on standard output."
    )

    @Argument(help: "The Markdown file to convert ('-' for standard input).")
    var file: String

    @Option(name: .long, help: "Output format: html or latex.")
    var to: RenderFormat = .html

    @Flag(name: .long, help: "Write a complete document rather than a fragment.")
    var standalone = false

    @Flag(name: .customLong("raw-html"), help: "Pass raw HTML through instead of escaping it.")
    var rawHTML = false

    @Option(name: .customLong("limit"), help: ArgumentHelp(
        "Raise an input limit, e.g. --limit quote-depth=64 (repeatable).",
        discussion: "Limits: \(InputLimits.names.joined(separator: ", "))."))
    var limitOptions: [String] = []

    func limits() throws -> InputLimits {
        var limits = InputLimits()
        for option in limitOptions {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Int(parts[1]), value > 0, limits.set(parts[0], to: value) else {
                throw ValidationError("--limit takes NAME=VALUE with NAME one of \(InputLimits.names.joined(separator: ", "))")
            }
        }
        return limits
    }

    func run() throws {
        let limits = try limits()
        let display = file == "-" ? "<stdin>" : file
        let console = Console()
        var engine = DiagnosticEngine()
        if let warning = CmarkParser.libraryWarning { engine.emit(warning) }
        do {
            let text: String
            if file == "-" {
                text = try SourceText.decode([UInt8](FileHandle.standardInput.readDataToEndOfFile()), file: display)
            } else {
                text = try SourceText.read(URL(fileURLWithPath: file), displayPath: display)
            }
            // A file whose front matter says what a paper's manifest would (pandoc's title, author,
            // bibliography) or uses pandoc-crossref's labels is a paper of one chapter, built as
            // `pandoc FILE.md --citeproc --filter pandoc-crossref` would.
            if file != "-", case let meta = try PandocMetadata.read(text, path: display),
               meta.describesAPaper || PandocMetadata.usesCrossReferences(text) {
                let output = singleFilePaper(meta, engine: &engine)
                if !engine.hasErrors, let output { FileHandle.standardOutput.write(Data(output.utf8)) }
            } else {
                let result = RenderPipeline.render(text, file: display, format: to.kind, standalone: standalone, rawHTML: rawHTML,
                                                   limits: limits)
                engine.emit(contentsOf: result.diagnostics)
                if !engine.hasErrors { FileHandle.standardOutput.write(Data(result.output.utf8)) }
            }
        } catch {
            engine.emit(error)
        }
        console.report(engine, summary: false)
        if engine.hasErrors { throw ExitCode(1) }
    }
}

extension RenderCommand {
    /// Builds the file's folder as a paper whose manifest comes from the file's front matter (nothing
    /// is written beside it); returns the complete HTML page or LaTeX document.
    func singleFilePaper(_ meta: PandocMetadata, engine: inout DiagnosticEngine) -> String? {
        let url = URL(fileURLWithPath: file)
        let provider = OverlayProvider(base: DiskProvider(directory: url.deletingLastPathComponent().path),
                                       files: ["folio.yaml": meta.manifest(chapter: url.lastPathComponent)])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("folio-render-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let format: OutputFormat = to == .html ? .html : .latex
        let outcome = BuildPipeline.run(.init(source: provider, outputDirectory: out.path, formats: [format], profile: .draft))
        engine.emit(contentsOf: outcome.diagnostics.diagnostics)
        guard !outcome.diagnostics.hasErrors else { return nil }
        guard to == .html else { return try? String(contentsOf: out.appendingPathComponent("latex/paper.tex"), encoding: .utf8) }
        // The page stands alone on standard output: its stylesheet goes inline (images stay links to `assets/`).
        guard let page = try? String(contentsOf: out.appendingPathComponent("html/index.html"), encoding: .utf8) else { return nil }
        let css = (try? String(contentsOf: out.appendingPathComponent("html/" + HTMLPage.stylesheetName), encoding: .utf8)) ?? ""
        return page.replacingOccurrences(of: "<link rel=\"stylesheet\" href=\"\(HTMLPage.stylesheetName)\" />",
                                         with: "<style>\n\(css)</style>")
    }
}

enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case html, latex

    var kind: RenderPipeline.Format { self == .html ? .html : .latex }
}
