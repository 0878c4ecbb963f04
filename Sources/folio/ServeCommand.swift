import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `folio serve`: runs `folio-serve`, installed beside `folio`, with the same arguments. The live
/// preview is a program of its own so that its HTTP server, and the networking libraries that come
/// with it, are never loaded by the other commands (pull-request builds included).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a live preview of the paper: rebuilt on every change, reloaded in the browser, errors shown over the page.",
        discussion: "Options: folio serve --help shows them (--port, --host, --open, --pdf, --paper, --out, --untrusted)."
    )

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var arguments: [String] = []

    /// `folio-serve` beside this executable.
    static var program: String? {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = exe.appendingPathComponent("folio-serve").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    func run() throws { Self.exec(arguments) }

    /// Replaces this process with folio-serve; returns only by exiting with a clear error.
    static func exec(_ arguments: [String]) -> Never {
        guard let program else {
            FileHandle.standardError.write(Data("error: folio-serve is not installed beside folio; build it with 'make tool' (swift build -c release --product folio-serve)\n".utf8))
            Foundation.exit(1)
        }
        var cArgs = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, &cArgs)
        FileHandle.standardError.write(Data("error: cannot run \(program): \(String(cString: strerror(errno)))\n".utf8))
        Foundation.exit(1)
    }
}
