import ArgumentParser
import Foundation

// As in folio: usage errors exit with 2 (ArgumentParser's default is 64).
do {
    var command = try ServeCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = ServeCommand.exitCode(for: error)
    let message = ServeCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
}
