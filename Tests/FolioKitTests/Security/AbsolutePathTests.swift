import Foundation
import Testing
@testable import FolioKit

/// The preview joins a normalised path to the paper folder itself; the result must be the path
/// Foundation's URL gives, for every kind of name, so that containment checks and reads see the
/// same file either way.
@Suite struct AbsolutePathTests {
    @Test(arguments: ["chapters/01.md", "a b/c%20d.md", "é/ü.md", "x", "../outside.md", "a/./b/../c.md", "a//b.md", "dir/"])
    func joinedPathMatchesFoundation(_ path: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-abs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("dir"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for base in [root.path, root.path + "/"] {
            let provider = DiskProvider(directory: base)
            #expect(provider.absolutePath(path) == provider.url(path).path, "\(base) + \(path)")
        }
    }
}
