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

    /// The byte test the fast join uses says yes exactly where normalising changes nothing and stays inside.
    @Test func normalInsideAgreesWithNormalize() {
        let pieces = ["a", ".", "..", "...", ".a", "a.", "", "b c", "é", "x\\y", "\u{0}"]
        var checked = 0
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for path in ["\(a)/\(b)/\(c)", "\(a)/\(b)", a, "/\(a)", "\(a)/"] {
                        let expected = SourcePath.normalize(path) == path && !path.hasPrefix("../")
                        #expect(SourcePath.isNormalInside(path) == expected, "\(path.debugDescription)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 6000)
    }

    /// Containment resolves a file through its folder's real path, kept for the build: the answer is
    /// `realpath(3)`'s for plain files, links to files, files in linked folders and links out.
    @Test func resolvedPathsThroughFolderLinks() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("folio-real-\(UUID().uuidString)")
        let paper = root.appendingPathComponent("paper")
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: paper.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        for file in ["chapters/a.md", "b.md"] { try Data("x".utf8).write(to: paper.appendingPathComponent(file)) }
        try Data("x".utf8).write(to: root.appendingPathComponent("elsewhere/c.md"))
        try fm.createSymbolicLink(atPath: paper.appendingPathComponent("linked").path, withDestinationPath: "chapters")
        try fm.createSymbolicLink(atPath: paper.appendingPathComponent("out").path, withDestinationPath: "../elsewhere")
        try fm.createSymbolicLink(atPath: paper.appendingPathComponent("chapters/to-b.md").path, withDestinationPath: "../b.md")
        let provider = DiskProvider(directory: paper.path)
        for _ in 0..<2 {
            #expect(provider.resolvedPath("chapters/a.md") == "chapters/a.md")
            #expect(provider.resolvedPath("linked/a.md") == "chapters/a.md")
            #expect(provider.resolvedPath("chapters/to-b.md") == "b.md")
            #expect(provider.resolvedPath("out/c.md") == "../elsewhere/c.md")
            #expect(provider.inside("out/c.md") == nil, "a folder link out of the paper is refused")
            #expect(provider.inside("linked/a.md") == "linked/a.md")
            #expect(provider.resolvedPath("missing/x.md") == nil)
        }
    }
}
