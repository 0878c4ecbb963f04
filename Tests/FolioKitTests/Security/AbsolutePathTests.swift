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
        let pieces = ["a", ".", "..", "...", ".a", "a.", "", "b c", "é", "x\\y", "\u{0}", "\u{301}", "\u{301}a"]
        var checked = 0
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for path in ["\(a)/\(b)/\(c)", "\(a)/\(b)", a, "/\(a)", "\(a)/"] {
                        let expected = SourcePath.normalize(path).map { Array($0.utf8) == Array(path.utf8) } == true
                            && !path.utf8.starts(with: "../".utf8)
                        #expect(SourcePath.isNormalInside(path) == expected, "\(path.debugDescription)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 10000)
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

    /// A combining mark after a slash makes one character of the two; paths are read by their bytes, so
    /// it hides neither a separator nor a climb out of the folder.
    @Test func combiningMarksHideNoSeparator() throws {
        #expect(SourcePath.normalize("../\u{301}x") == "../\u{301}x")
        #expect(SourcePath.climbs("../\u{301}x"))
        #expect(SourcePath.normalize("a/\u{301}/../b") == "a/b")
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("folio-mark-\(UUID().uuidString)")
        let paper = root.appendingPathComponent("paper")
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: paper, withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: root.appendingPathComponent("\u{301}x"))
        let provider = DiskProvider(directory: paper.path)
        #expect(provider.inside("../\u{301}x") == nil, "a file beside the paper folder is outside it")
    }

    /// `café` and `cafe\u{301}` are one String to Swift and two folders on disk: the link one of them
    /// is must still be seen when the other was resolved first.
    @Test func canonicallyEqualFoldersAreTwoFolders() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("folio-nfd-\(UUID().uuidString)")
        let paper = root.appendingPathComponent("paper")
        defer { try? fm.removeItem(at: root) }
        let (composed, decomposed) = ("caf\u{E9}", "cafe\u{301}")
        try fm.createDirectory(at: paper.appendingPathComponent(composed), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: paper.appendingPathComponent(composed).appendingPathComponent("a.md"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("outside/a.md"))
        #expect(symlink("../outside", paper.path + "/" + decomposed) == 0)
        let names = try fm.contentsOfDirectory(atPath: paper.path).map { Array($0.utf8) }
        #expect(names.count == 2, "the file system keeps both spellings")
        let provider = DiskProvider(directory: paper.path)
        #expect(provider.inside(composed + "/a.md") != nil)
        #expect(provider.inside(decomposed + "/a.md") == nil, "the link out of the paper is refused")
    }
}
