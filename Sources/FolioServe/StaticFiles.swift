import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the preview serves from its output folder: only regular files inside it, never a path with
/// `..` (written or percent-encoded), never a link that leads out, with the right content type.
public enum StaticFiles {
    public enum Lookup: Equatable, Sendable {
        case file(URL, contentType: String)
        case notFound
        /// The request tried to leave the folder.
        case forbidden
    }

    /// Maps a request path ("/", "/assets/a.svg", "/%2e%2e/x") to a file under `root`.
    public static func lookup(_ requestPath: String, in root: URL) -> Lookup {
        let raw = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? requestPath
        guard let decoded = raw.removingPercentEncoding, !decoded.contains("\0") else { return .forbidden }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") }) { return .forbidden }
        var relative = parts.joined(separator: "/")
        if relative.isEmpty || decoded.hasSuffix("/") { relative += relative.isEmpty ? "index.html" : "/index.html" }
        guard let base = realPath(root.path) else { return .notFound }
        let candidate = root.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: candidate) else { return .notFound }
        // Links are resolved, and the result must still be inside the folder.
        guard let resolved = realPath(candidate) else { return .notFound }
        guard resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { return .forbidden }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else { return .notFound }
        return .file(URL(fileURLWithPath: resolved), contentType: contentType(of: resolved))
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
