import ArgumentParser
import Foundation
import FolioKit
import FolioServe

/// `folio serve`: a live preview of the paper's HTML. It is a program of its own (`folio-serve`,
/// which `folio serve` runs), so that the HTTP server and the libraries it loads stay out of every
/// other command, pull-request builds included.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio serve",
        abstract: "Serve a live preview of the paper: rebuilt on every change, reloaded in the browser, errors shown over the page.",
        discussion: "Listens on 127.0.0.1 only, unless --host names another address. Ctrl-C stops it."
    )

    @Option(name: .long, help: "The paper folder (default: Paper).")
    var paper = "Paper"

    @Option(name: .long, help: "Where the preview's HTML is written (default: Build/preview).")
    var out = "Build/preview"

    @Option(name: .long, help: "The port (default 8000; 0 picks a free one).")
    var port: Int = 8000

    @Option(name: .long, help: "The IPv4 address to listen on (default 127.0.0.1). Anything else exposes the draft to the network.")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Open the preview in the default browser (xdg-open).")
    var open = false

    @Flag(name: .long, help: "Also rebuild the PDF in the background after each change, served at /paper.pdf.")
    var pdf = false

    @Flag(name: .long, help: "Treat the paper folder as untrusted: ignore its raw-html and raised limits.")
    var untrusted = false

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    /// The server is async; the command waits for it on the main thread.
    func run() throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await serve() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    func serve() async throws {
        var options = PreviewServer.Options(session: .init(paperDirectory: paper, outputDirectory: out))
        options.session.untrusted = untrusted
        options.session.pdf = pdf
        options.host = host
        options.port = UInt16(port)
        let open = self.open
        do {
            try await PreviewServer.run(options, report: { engine, status in
                let printer = DiagnosticPrinter(useColor: isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
                for d in engine.sorted { FileHandle.standardError.write(Data((printer.format(d) + "\n").utf8)) }
                FileHandle.standardError.write(Data("folio serve: \(status)\n".utf8))
            }, announce: { url in
                FileHandle.standardOutput.write(Data("Serving the paper at \(url) (Ctrl-C to stop)\n".utf8))
                if open, let opener = ["/usr/bin/xdg-open", "/usr/bin/sensible-browser"].first(where: FileManager.default.isExecutableFile) {
                    let p = Process()
                    p.executableURL = URL(fileURLWithPath: opener)
                    p.arguments = [url]
                    try? p.run()
                }
            })
        } catch let failure as PreviewServer.Failure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data("Stopped.\n".utf8))
    }
}

/// The server's error, handed back to the main thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.withLock { stored } }
    func set(_ e: Error) { lock.withLock { stored = e } }
}
