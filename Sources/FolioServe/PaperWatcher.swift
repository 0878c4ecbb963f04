import Foundation

/// Watches the paper folder for changes by comparing snapshots (path → size and modification time)
/// every `interval`: chapters, the manifest, bibliographies, the checklist, the glossary and figures
/// all live there. Polling works on every file system, including mounted and network folders where
/// inotify sees nothing; a snapshot of a paper (a few hundred files) costs well under a millisecond.
struct PaperWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Date
    }

    let root: URL
    /// Folders and files never watched (the output folder when it sits inside the paper).
    let excluded: [String]
    /// At most this many files are watched.
    let limit = 20_000

    func snapshot() -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey, .isDirectoryKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                          options: [.skipsHiddenFiles]) else { return out }
        for case let url as URL in walker {
            let path = url.standardizedFileURL.path
            if excluded.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
                walker.skipDescendants()
                continue
            }
            guard let v = try? url.resourceValues(forKeys: Set(keys)), v.isRegularFile == true else { continue }
            out[path] = Stamp(size: v.fileSize ?? 0, modified: v.contentModificationDate ?? .distantPast)
            if out.count >= limit { break }
        }
        return out
    }

    /// The paths that were added, removed or changed between two snapshots.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
