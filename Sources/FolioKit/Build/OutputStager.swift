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
        Self.removeStale(in: outDir)
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

    /// Staging and old-output folders of builds that were killed, and the LaTeX work folder of Folio
    /// before 0.3 (which LaTeX reused between builds, so planted files there could run).
    static func removeStale(in outDir: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: outDir.path) else { return }
        for name in names {
            if name == ".latex-work" {
                try? fm.removeItem(at: outDir.appendingPathComponent(name))
                continue
            }
            let pid: Int32?
            if name.hasPrefix(".staging-") {
                pid = Int32(name.dropFirst(".staging-".count))
            } else if name.hasPrefix(".old-"), let dash = name.lastIndex(of: "-") {
                pid = Int32(name[name.index(after: dash)...])
            } else {
                continue
            }
            if let pid, pid != getpid(), !StaleFolders.isRunning(pid) {
                try? fm.removeItem(at: outDir.appendingPathComponent(name))
            }
        }
    }

    func discard() {
        try? fm.removeItem(at: staging)
    }
}
