import Foundation

/// Files edited in memory over another provider (the live preview, an editor): a path in `files`
/// reads its edited bytes, every other path reads from `base`. Nothing touches the disk.
public struct OverlayProvider: SourceProvider {
    public var base: any SourceProvider
    /// Edited files by normalised path.
    public private(set) var files: [String: [UInt8]] = [:]

    public init(base: any SourceProvider, files: [String: String] = [:]) {
        self.base = base
        for (path, text) in files { set(path, text) }
    }

    public var directory: URL { base.directory }
    public var origin: String { "unsaved edits over \(base.origin)" }

    /// Replaces the text of `path` (relative to the paper folder).
    public mutating func set(_ path: String, _ text: String) {
        guard let p = SourcePath.normalize(path) else { return }
        files[p] = Array(text.utf8)
    }

    public func kind(of path: String) -> SourceFileKind {
        files[path] != nil ? .file : base.kind(of: path)
    }

    public func read(_ path: String, maxBytes: Int, followLinks: Bool) -> Result<[UInt8], RegularFile.Problem> {
        guard let bytes = files[path] else { return base.read(path, maxBytes: maxBytes, followLinks: followLinks) }
        return bytes.count <= maxBytes ? .success(bytes) : .failure(.tooLarge(bytes.count))
    }

    public func resolvedPath(_ path: String) -> String? {
        files[path] != nil ? path : base.resolvedPath(path)
    }
}
