import ArgumentParser
import Foundation
import FolioKit

/// `folio init --from FILE.md`: a manifest for a paper written as one pandoc Markdown file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write folio.yaml for a paper written as one pandoc Markdown file, from its front matter."
    )

    @Option(name: .long, help: "The Markdown file whose front matter (title, author, affiliations, bibliography…) the manifest takes.")
    var from: String

    @Flag(name: .long, help: "Replace an existing folio.yaml.")
    var force = false

    func run() throws {
        let console = Console()
        var engine = DiagnosticEngine()
        let url = URL(fileURLWithPath: from)
        let manifest = url.deletingLastPathComponent().appendingPathComponent("folio.yaml")
        do {
            let text = try SourceText.read(url, displayPath: from)
            let meta = try PandocMetadata.read(text, path: from)
            if FileManager.default.fileExists(atPath: manifest.path), !force {
                engine.emit(.error("init.exists", "\(DisplayPath.of(manifest.path)) already exists", at: nil,
                                   notes: ["keep it, or replace it with 'folio init --from \(from) --force'"]))
            } else {
                try Data(meta.manifest(chapter: url.lastPathComponent).utf8).write(to: manifest, options: .atomic)
                print("wrote \(DisplayPath.of(manifest.path)); build with 'folio build --paper \(DisplayPath.of(url.deletingLastPathComponent().path))'")
            }
        } catch let d as Diagnostic {
            engine.emit(d)
        } catch {
            engine.emit(.error("init.write", "cannot write \(DisplayPath.of(manifest.path)): \(error.localizedDescription)", at: nil))
        }
        console.report(engine, summary: false)
        if engine.hasErrors { throw ExitCode(1) }
    }
}
