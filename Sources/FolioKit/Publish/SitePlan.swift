import Foundation

/// What publishing one version changes in a site: the version's own folder `v/<commit>/`, the root
/// copy of the latest version, `versions.json`, `versions.html` and `.nojekyll`. Files the site holds
/// for other reasons (a CNAME, older versions, a README) are left alone.
struct SitePlan {
    /// Path → bytes to write.
    var writes: [String: Data] = [:]
    /// Paths to remove: root files of the previous latest version that this one does not have.
    var deletes: [String] = []
    var index: SiteIndex

    /// Files publishing always rewrites; never deleted as an old root file.
    static let reserved: Set<String> = [SiteIndex.fileName, SiteIndex.pageName, ".nojekyll"]

    /// `existing` reads a file of the site as it is; `archived` is the version's folder as built,
    /// `root` the copy for the site's top; both keyed by path relative to their folder.
    static func make(commit: String, entry: SiteIndex.Version, archived: [String: Data], root: [String: Data],
                     title: String, lang: String, words: PaperWords,
                     existing: SiteStore) throws(Diagnostic) -> SitePlan {
        let folder = "v/\(commit)/"
        var index = SiteIndex(generator: "", latest: commit, root: [], versions: [])
        if let data = try existing.read(SiteIndex.fileName) {
            switch SiteIndex.parse(data, file: existing.display(SiteIndex.fileName)) {
            case .success(let found): index = found
            case .failure(let d): throw d
            }
        }
        var plan = SitePlan(index: index)
        // An archived version is permanent: the same bytes again are a no-op, different bytes an error.
        let present = try existing.files(under: folder)
        if present.isEmpty {
            for (path, data) in archived { plan.writes[folder + path] = data }
        } else {
            let differing = Set(present.keys).union(archived.keys).filter { present[$0] != archived[$0] }.sorted()
            if !differing.isEmpty {
                throw Diagnostic.error("publish.version-conflict",
                    "\(existing.display(folder)) is already published with different content; an archived version is never overwritten",
                    at: nil, notes: differing.prefix(10).map { .init("differs: \(folder)\($0)") }
                        + ["the same commit built again should give the same bytes: was it built with another Folio (\(FolioVersion.string) now), or outside the commit?",
                           "to replace it on purpose, delete \(folder) from the site first"])
            }
        }
        let rootPaths = Set(root.keys)
        if let clash = rootPaths.first(where: { reserved.contains($0) || $0.hasPrefix("v/") }) {
            throw Diagnostic.error("publish.layout", "the built paper has a file named '\(clash)', which the site keeps for itself", at: nil)
        }
        for (path, data) in root { plan.writes[path] = data }
        plan.deletes = plan.index.root.filter { !rootPaths.contains($0) && !reserved.contains($0) && !$0.hasPrefix("v/") && safe($0) }.sorted()
        plan.index.publish(entry, root: Array(rootPaths))
        plan.writes[SiteIndex.fileName] = plan.index.json
        plan.writes[SiteIndex.pageName] = Data(plan.index.page(title: title, lang: lang, words: words).utf8)
        plan.writes[".nojekyll"] = Data()
        return plan
    }

    /// A relative path with no `..`, no empty or hidden-escape parts: the only kind a plan touches.
    static func safe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false)
            .contains { $0.isEmpty || $0 == "." || $0 == ".." || $0 == ".git" }
    }
}

/// A published site as it is now: a folder on disk, or the tree of a branch's commit.
protocol SiteStore {
    /// A file's bytes, or nil when the site does not have it.
    func read(_ path: String) throws(Diagnostic) -> Data?
    /// Every file under `prefix` ("v/<commit>/"), keyed by path relative to it.
    func files(under prefix: String) throws(Diagnostic) -> [String: Data]
    /// How a path is named in messages.
    func display(_ path: String) -> String
}

/// A site folder (`--site DIR`).
struct FolderSite: SiteStore {
    let root: URL

    func read(_ path: String) throws(Diagnostic) -> Data? {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return try Data(contentsOf: url) } catch {
            throw .error("publish.site", "cannot read '\(display(path))': \(error.localizedDescription)", at: nil)
        }
    }

    func files(under prefix: String) throws(Diagnostic) -> [String: Data] {
        let base = root.appendingPathComponent(prefix)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var out: [String: Data] = [:]
        let basePath = base.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(basePath) else { continue }
            out[String(path.dropFirst(basePath.count))] = try read(prefix + String(path.dropFirst(basePath.count)))
        }
        return out
    }

    func display(_ path: String) -> String { DisplayPath.of(root.appendingPathComponent(path).path) }

    /// Writes the plan: each file through a temporary name and a rename, then the removals.
    func apply(_ plan: SitePlan) throws(Diagnostic) {
        let fm = FileManager.default
        do {
            for (path, data) in plan.writes.sorted(by: { $0.key < $1.key }) {
                let url = root.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            }
            for path in plan.deletes {
                let url = root.appendingPathComponent(path)
                if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
            }
        } catch {
            throw .error("publish.site", "cannot write the site in '\(DisplayPath.of(root.path))': \(error.localizedDescription)", at: nil)
        }
    }
}
