import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The paper as it is in the working tree.
public struct DiskProvider: SourceProvider {
    public let directory: URL
    public var origin: String { "the working tree" }

    /// The folder's own real path, resolved once per provider (a build makes one) rather than once
    /// per file: every chapter's containment check compares against it.
    private let rootRealPath: String?

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL
        rootRealPath = Self.realpath(self.directory.path)
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
        RegularFile.read(absolutePath(path), maxBytes: maxBytes, followLinks: followLinks).map { [UInt8]($0) }
    }

    /// With `realpath(3)`, which fails (and so refuses the path) where Foundation's resolver would give
    /// up and return the path unresolved: too long, too many links, an unreadable link.
    public func resolvedPath(_ path: String) -> String? {
        guard let real = Self.realpath(absolutePath(path)), let root = rootRealPath ?? Self.realpath(directory.path) else { return nil }
        if real.hasPrefix(root + "/") { return String(real.dropFirst(root.count + 1)) }
        let parent = (root as NSString).deletingLastPathComponent
        let prefix = parent.hasSuffix("/") ? parent : parent + "/"
        if real.hasPrefix(prefix) { return "../" + real.dropFirst(prefix.count) }
        return nil
    }

    static func realpath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
