import ArgumentParser
import Foundation
import FolioKit

// `folio serve ...` is the program folio-serve, with its own options and help.
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "serve" {
    ServeCommand.exec(Array(CommandLine.arguments.dropFirst(2)))
}

// Usage errors exit with 2 (ArgumentParser's default is 64); other failures carry their own codes.
do {
    var command = try Folio.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Folio.exitCode(for: error)
    let message = Folio.fullMessage(for: error)
    if code == .success {
        print(message)
        Foundation.exit(0)
    }
    FileHandleOutput.standardError(message)
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
}
