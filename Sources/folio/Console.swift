import Foundation
import FolioKit

/// Prints diagnostics to standard error, in colour only on a terminal.
struct Console {
    let printer = DiagnosticPrinter(useColor: isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)

    func report(_ engine: DiagnosticEngine, summary: Bool) {
        for d in engine.sorted { FileHandleOutput.standardError(printer.format(d)) }
        if summary {
            FileHandleOutput.standardError(printer.summary(errors: engine.count(.error), warnings: engine.count(.warning),
                                                           notes: engine.count(.note)))
        }
    }
}

enum FileHandleOutput {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
