import Foundation

/// The paper as it is in the working tree.
public struct DiskProvider: SourceProvider {
    public let directory: URL
    public var origin: String { "the working tree" }

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL
    }

    public func kind(of path: String) -> SourceFileKind {
        var st = stat()
        guard lstat(url(path).path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .special
        }
    }

    public func read(_ path: String, maxBytes: Int, followLinks: Bool) -> Result<[UInt8], RegularFile.Problem> {
        RegularFile.read(url(path).path, maxBytes: maxBytes, followLinks: followLinks).map { [UInt8]($0) }
    }

    public func resolvedPath(_ path: String) -> String? {
        let real = url(path).resolvingSymlinksInPath().path
        let root = directory.resolvingSymlinksInPath()
        if real.hasPrefix(root.path + "/") { return String(real.dropFirst(root.path.count + 1)) }
        let parent = root.deletingLastPathComponent().path
        let prefix = parent.hasSuffix("/") ? parent : parent + "/"
        if real.hasPrefix(prefix) { return "../" + real.dropFirst(prefix.count) }
        return nil
    }
}
