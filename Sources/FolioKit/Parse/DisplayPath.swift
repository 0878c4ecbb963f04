import Foundation

/// Paths as shown to users: relative to the working directory when below it.
public enum DisplayPath {
    public static func of(_ absolute: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
