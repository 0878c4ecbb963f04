import Foundation

/// Keeps file references from pull requests inside the paper folder.
public enum PathSafety {
    /// The URL of `relative` under `dir`, or nil if it is absolute, empty or escapes `dir` (via `..` or a symlink).
    public static func inside(_ dir: URL, relative: String) -> URL? {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0"), !relative.contains("\\") else { return nil }
        let root = dir.standardizedFileURL
        let url = root.appendingPathComponent(relative).standardizedFileURL
        guard url.path.hasPrefix(root.path + "/") else { return nil }
        if FileManager.default.fileExists(atPath: url.path) {
            let realRoot = root.resolvingSymlinksInPath().path
            guard url.resolvingSymlinksInPath().path.hasPrefix(realRoot + "/") else { return nil }
        }
        return url
    }

    /// Whether `url` (a settings file such as `folio.yaml`) resolves, through any symlinks, to a file inside `dir`.
    public static func resolvesInside(_ url: URL, dir: URL) -> Bool {
        let realRoot = dir.standardizedFileURL.resolvingSymlinksInPath().path
        return url.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(realRoot + "/")
    }
}

/// Paths as shown to users: relative to the working directory when below it.
public enum DisplayPath {
    public static func of(_ absolute: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
