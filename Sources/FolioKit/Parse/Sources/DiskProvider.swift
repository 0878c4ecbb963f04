import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The paper as it is in the working tree.
public struct DiskProvider: SourceProvider {
    public let directory: URL
    public var origin: String { "the working tree" }

    public let directoryPath: String
    /// The folder's own real path, resolved once per provider (a build makes one) rather than once
    /// per file: every chapter's containment check compares against it.
    private let rootRealPath: String?
    /// Real paths of the folders files were found in, during this provider's build.
    private let folders = RealFolders()

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL
        directoryPath = self.directory.path
        rootRealPath = Self.realpath(directoryPath)
    }

    public func kind(of path: String) -> SourceFileKind {
        var st = stat()
        guard lstat(absolutePath(path), &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .special
        }
    }

    public func read(_ path: String, maxBytes: Int, followLinks: Bool) -> Result<[UInt8], RegularFile.Problem> {
        RegularFile.read(absolutePath(path), maxBytes: maxBytes, followLinks: followLinks)
    }

    /// With `realpath(3)`, which fails (and so refuses the path) where Foundation's resolver would give
    /// up and return the path unresolved: too long, too many links, an unreadable link.
    public func resolvedPath(_ path: String) -> String? {
        guard let real = realPath(absolutePath(path)), let root = rootRealPath ?? Self.realpath(directoryPath) else { return nil }
        // Compared by bytes: characters would join a combining mark to the slash before it.
        let inRoot = (root + "/").utf8
        if real.utf8.starts(with: inRoot) { return String(decoding: real.utf8.dropFirst(inRoot.count), as: UTF8.self) }
        let parent = (root as NSString).deletingLastPathComponent
        let beside = (parent.hasSuffix("/") ? parent : parent + "/").utf8
        if real.utf8.starts(with: beside) { return "../" + String(decoding: real.utf8.dropFirst(beside.count), as: UTF8.self) }
        return nil
    }

    /// `realpath(3)` of `path`; a file that is no symbolic link is its folder's real path (asked once
    /// per folder in a build: a hundred chapters share two or three) and its own name.
    private func realPath(_ path: String) -> String? {
        // By bytes throughout: the cache is keyed by them (Swift's String equality would take `café`
        // and `cafe\u{301}`, two folders on disk, for one), and a name may start with a combining mark.
        let bytes = Array(path.utf8)
        var st = stat()
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), lstat(path, &st) == 0, st.st_mode & S_IFMT != S_IFLNK,
              case let name = bytes[(slash + 1)...], !name.isEmpty, !name.elementsEqual(".".utf8), !name.elementsEqual("..".utf8) else {
            return Self.realpath(path)
        }
        let folder = slash == 0 ? Array("/".utf8) : Array(bytes[..<slash])
        guard let real = folders.realPath(folder) else { return nil }
        let file = String(decoding: name, as: UTF8.self)
        return real.hasSuffix("/") ? real + file : real + "/" + file
    }

    private final class RealFolders: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [[UInt8]: String?] = [:]

        func realPath(_ folder: [UInt8]) -> String? {
            if let found = lock.withLock({ known[folder] }) { return found }
            let real = DiskProvider.realpath(String(decoding: folder, as: UTF8.self))
            lock.withLock { known[folder] = .some(real) }
            return real
        }
    }

    static func realpath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
