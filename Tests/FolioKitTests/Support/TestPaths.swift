import Foundation
import Testing

/// Locations the tests need: the package root, fixtures, the built `folio` binary and `../shared`.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/FolioKitTests/Fixtures")

    /// The `folio` executable built next to the test bundle.
    static var folioBinary: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for dir in [exe, exe.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("folio")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/folio")
    }

    /// `../shared` beside the checkout, as CI provides it; nil when absent.
    static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// `../shared`, failing the test when it is absent (tests that need it carry `.requires(.shared)`).
    static func requireShared(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> URL {
        try Requirement.shared.check(sourceLocation: sourceLocation)
        return try #require(shared, sourceLocation: sourceLocation)
    }

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Re-record golden files instead of comparing (`FOLIO_RECORD=1 swift test`).
    static var recording: Bool { ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1" }
}
