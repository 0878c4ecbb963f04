import Foundation

/// Where a paper's files come from: the working tree (`DiskProvider`), a git revision
/// (`GitRevisionProvider`) or edits held in memory over another provider (`OverlayProvider`).
/// Every loader reads through one, so any command can analyse a paper from any of them.
///
/// Paths are relative to the paper folder, `/`-separated and normalised (`SourcePath.normalize`);
/// `../NAME` reaches the folder above it (for `.folio-lint.yaml`).
public protocol SourceProvider: Sendable {
    /// The paper folder in the working tree. Diagnostics name files by their place under it, whatever
    /// the provider, so an editor can open them.
    var directory: URL { get }
    /// What the files are read from, for messages: "the working tree", "revision 1a2b3c4".
    var origin: String { get }
    /// What is at `path`, without following a symbolic link.
    func kind(of path: String) -> SourceFileKind
    /// The bytes of the regular file at `path`, at most `maxBytes`. With `followLinks` false a
    /// symbolic link is refused.
    func read(_ path: String, maxBytes: Int, followLinks: Bool) -> Result<[UInt8], RegularFile.Problem>
    /// Where `path` leads once every symbolic link is followed, relative to the paper folder (it may
    /// start with `../`); nil when it leads out of the folder above the paper.
    func resolvedPath(_ path: String) -> String?
    /// `directory.path`, which a provider may keep rather than ask Foundation's URL for on every file.
    var directoryPath: String { get }
}

public enum SourceFileKind: Sendable, Hashable {
    case missing, file, directory, symlink, special
}

extension SourceProvider {
    public var isWorkingTree: Bool { self is DiskProvider }

    public var directoryPath: String { directory.path }

    /// The absolute path of `path` in the working tree.
    public func url(_ path: String) -> URL {
        directory.appendingPathComponent(path).standardizedFileURL
    }

    /// `url(path).path`. A path that is already normalised and inside the folder (every chapter's,
    /// on every rebuild of the preview) is joined to the folder's path as it is, without Foundation's
    /// URL work, which also asks the file system whether the path is a directory.
    public func absolutePath(_ path: String) -> String {
        guard SourcePath.isNormalInside(path) else { return url(path).path }
        let root = directoryPath
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }

    /// `path` as diagnostics show it: relative to the current directory when below it.
    public func display(_ path: String) -> String {
        DisplayPath.of(absolutePath(path))
    }

    public func exists(_ path: String) -> Bool { kind(of: path) != .missing }

    /// `relative` (as a manifest or an image writes it) normalised, if it stays inside the paper folder,
    /// also once symbolic links are followed.
    public func inside(_ relative: String) -> String? {
        guard let path = SourcePath.normalize(relative), !SourcePath.climbs(path) else { return nil }
        guard exists(path) else { return path }
        guard let real = resolvedPath(path), !SourcePath.climbs(real) else { return nil }
        return path
    }

    /// Reads and decodes a source file; problems are errors at `reference` (or unlocated).
    public func text(_ path: String, reference: SourceLocation? = nil) throws(Diagnostic) -> String {
        try SourceText.text(of: read(path, maxBytes: SourceText.maxBytes, followLinks: true), displayPath: display(path),
                            reference: reference)
    }
}

/// Normalised relative paths.
public enum SourcePath {
    /// `a/./b/../c` → `a/c`; nil for empty, absolute, NUL or backslash paths and for paths that climb
    /// more than one folder above the paper. A path that climbs one keeps a leading `../`.
    /// Read by bytes, not characters: a combining mark after a `/` makes one character of the two, and
    /// would hide the separator (and a climb out of the folder) from a character-based split.
    public static func normalize(_ path: String) -> String? {
        let bytes = path.utf8
        guard !bytes.isEmpty, bytes.first != UInt8(ascii: "/"), !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        var parts: [String] = []
        var up = 0
        for piece in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if piece.elementsEqual(".".utf8) { continue }
            if piece.elementsEqual("..".utf8) {
                if parts.isEmpty { up += 1 } else { parts.removeLast() }
                continue
            }
            // Split at an ASCII byte, so each piece is whole UTF-8.
            parts.append(String(decoding: piece, as: UTF8.self))
        }
        guard up <= 1, !parts.isEmpty else { return nil }
        return (up == 1 ? "../" : "") + parts.joined(separator: "/")
    }

    /// Whether a normalised path climbs to the folder above the paper (`../`), by its bytes.
    public static func climbs(_ path: String) -> Bool { path.utf8.starts(with: "../".utf8) }

    /// A climbing path without its `../`.
    static func besideFolder(_ path: String) -> String { String(decoding: path.utf8.dropFirst(3), as: UTF8.self) }

    /// Whether `normalize(path) == path` and `!climbs(path)`, read from the path's bytes
    /// without splitting it: no empty, `.` or `..` component, no leading `/`, NUL or backslash.
    public static func isNormalInside(_ path: String) -> Bool {
        var component = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                if component == 0 || component == dots && dots <= 2 { return false }
                component = 0
                dots = 0
                continue
            case 0, UInt8(ascii: "\\"): return false
            case UInt8(ascii: "."): dots += 1
            default: break
            }
            component += 1
        }
        return component > 0 && !(component == dots && dots <= 2)
    }
}
