import Foundation

/// Writes a build into a staging folder and swaps it into place only when everything succeeded,
/// so a failed build leaves the previous outputs untouched.
struct OutputStager {
    let outDir: URL
    let staging: URL
    private let fm = FileManager.default

    init(outDir: URL) throws {
        self.outDir = outDir
        try fm.createDirectory(at: outDir, withIntermediateDirectories: true)
        staging = outDir.appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// The staged path for `relative` (e.g. `html/index.html`), with its folder created.
    func url(_ relative: String) throws -> URL {
        let url = staging.appendingPathComponent(relative)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: try url(relative))
    }

    /// Moves each staged top-level folder over the old one, then removes the staging area.
    func commit(_ folders: [String]) throws {
        for folder in folders {
            let target = outDir.appendingPathComponent(folder)
            let staged = staging.appendingPathComponent(folder)
            guard fm.fileExists(atPath: staged.path) else { continue }
            let old = outDir.appendingPathComponent(".old-\(folder)-\(ProcessInfo.processInfo.processIdentifier)")
            if fm.fileExists(atPath: target.path) { try fm.moveItem(at: target, to: old) }
            try fm.moveItem(at: staged, to: target)
            if fm.fileExists(atPath: old.path) { try? fm.removeItem(at: old) }
        }
        discard()
    }

    func discard() {
        try? fm.removeItem(at: staging)
    }
}
