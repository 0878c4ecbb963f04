import Foundation

/// The paper as it was at a git revision, read from git's objects (`git ls-tree`, `git cat-file`):
/// no checkout, and the working tree, the index and `git status` stay as they were. git runs with the
/// same hardening and limits as `lint --since` (`GitChanges.hardening`).
public struct GitRevisionProvider: SourceProvider {
    struct Entry: Sendable {
        var mode: String
        var object: String
        var size: Int
    }

    public let directory: URL
    /// The revision as the user wrote it, and the commit it names.
    public let revision: String
    public let commit: String
    public var origin: String { "revision \(revision) (\(commit.prefix(12)))" }
    /// The paper folder's path in the repository ("" at the top, else "Paper/").
    let prefix: String
    let entries: [String: Entry]
    let folders: Set<String>
    let git: String
    let root: String
    let limits: ProcessRunner.Limits
    /// Blobs read so far: the first read fetches every file of the paper with one `git cat-file --batch`.
    let blobs = BlobCache()

    /// Opens `revision` of the repository that holds `directory`; a clear error when git is missing,
    /// the folder is not in a repository, or the revision names no commit.
    public static func open(directory: String, revision: String,
                            limits: ProcessRunner.Limits = .git) -> Result<GitRevisionProvider, Diagnostic> {
        let dir = URL(fileURLWithPath: directory).standardizedFileURL
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            return .failure(.error("source.revision", "'\(revision)' is not a revision", at: nil))
        }
        guard let runner = Git(directory: dir.path, limits: limits, id: "source.revision", timeoutID: "source.git-timeout") else {
            return .failure(.error("source.revision", "--revision needs git, which is not installed", at: nil))
        }
        let git = runner.executable
        func run(_ args: [String], data: Bool = false) throws(Diagnostic) -> Git.Output { try runner.run(args, data: data) }
        do throws(Diagnostic) {
            guard FileManager.default.fileExists(atPath: dir.path) else {
                throw .error("source.revision", "'\(DisplayPath.of(dir.path))' does not exist in the working tree", at: nil,
                             notes: ["--revision reads the paper folder's place in the repository from the working tree"])
            }
            let top = try run(["rev-parse", "--show-toplevel", "--show-prefix"])
            let lines = top.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard top.status == 0, let root = lines.first, !root.isEmpty else {
                throw .error("source.revision", "'\(DisplayPath.of(dir.path))' is not in a git repository", at: nil)
            }
            let prefix = lines.count > 1 ? lines[1] : ""
            let verify = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
            let commit = verify.text.trimmingWhitespaceAndNewlines()
            guard verify.status == 0, commit.count >= 40, commit.allSatisfy(\.isHexDigit) else {
                throw .error("source.revision", "unknown revision '\(revision)'", at: nil,
                             notes: ["name a commit, branch or tag: 'git log --oneline' lists commits"])
            }
            // The paper folder and the folder above it (for .folio-lint.yaml), nothing else.
            let parent = Self.parent(of: prefix)
            let specs = [prefix.isEmpty ? "." : prefix, parent + ".folio-lint.yaml"]
            let tree = try run(["--literal-pathspecs", "ls-tree", "-r", "-t", "-l", "-z", "--full-tree", commit, "--"] + specs, data: true)
            guard tree.status == 0 else {
                throw .error("source.revision", "git cannot list revision '\(revision)': \(tree.text.prefix(200))", at: nil)
            }
            var entries: [String: Entry] = [:]
            var folders: Set<String> = []
            for record in tree.data.split(separator: 0) {
                // "<mode> <type> <object> <size>\t<path>"
                guard let tab = record.firstIndex(of: 0x09) else { continue }
                let head = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
                let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
                guard head.count == 4 else { continue }
                if head[1] == "tree" { folders.insert(path); continue }
                entries[path] = Entry(mode: String(head[0]), object: String(head[2]), size: Int(head[3]) ?? 0)
            }
            return .success(GitRevisionProvider(directory: dir, revision: revision, commit: commit, prefix: prefix,
                                                entries: entries, folders: folders, git: git, root: root, limits: limits))
        } catch {
            return .failure(error)
        }
    }

    /// git's environment, without fetching missing objects of a partial clone over the network.
    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["GIT_NO_LAZY_FETCH"] = "1"
        return env
    }

    static func parent(of prefix: String) -> String {
        var parts = prefix.split(separator: "/")
        if !parts.isEmpty { parts.removeLast() }
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    /// The repository path of a paper-relative path (`../x` is beside the paper folder).
    func repositoryPath(_ path: String) -> String? {
        guard SourcePath.climbs(path) else { return prefix + path }
        if prefix.isEmpty { return nil }
        return Self.parent(of: prefix) + SourcePath.besideFolder(path)
    }

    func lookup(_ path: String) -> SourceFileKind {
        guard let repo = repositoryPath(path) else { return .missing }
        if folders.contains(repo) { return .directory }
        guard let e = entries[repo] else { return .missing }
        switch e.mode {
        case "100644", "100755": return .file
        case "120000": return .symlink
        default: return .special
        }
    }

    public func kind(of path: String) -> SourceFileKind { lookup(path) }

    public func read(_ path: String, maxBytes: Int, followLinks: Bool) -> Result<[UInt8], RegularFile.Problem> {
        var current = path
        for _ in 0..<8 {
            switch lookup(current) {
            case .missing: return .failure(.missing)
            case .directory: return .failure(.directory)
            case .special: return .failure(.special)
            case .symlink:
                guard followLinks, let next = linkTarget(current) else { return .failure(followLinks ? .missing : .symlink) }
                current = next
                continue
            case .file:
                guard let repo = repositoryPath(current), let e = entries[repo] else { return .failure(.missing) }
                guard e.size <= maxBytes else { return .failure(.tooLarge(e.size)) }
                guard let bytes = blob(e.object), bytes.count <= maxBytes else { return .failure(.missing) }
                return .success(bytes)
            }
        }
        return .failure(.missing)
    }

    public func resolvedPath(_ path: String) -> String? {
        var current = path
        for _ in 0..<8 {
            guard lookup(current) == .symlink else { return current }
            guard let next = linkTarget(current) else { return nil }
            current = next
        }
        return nil
    }

    /// Where the symbolic link at `path` points, relative to the paper folder; nil when it leaves the
    /// folder above the paper.
    func linkTarget(_ path: String) -> String? {
        guard let repo = repositoryPath(path), let e = entries[repo], e.size < 4096, let bytes = blob(e.object) else { return nil }
        let target = String(decoding: bytes, as: UTF8.self)
        guard !target.hasPrefix("/") else { return nil }
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        return SourcePath.normalize(folder.isEmpty ? target : folder + "/" + target)
    }

    func blob(_ object: String) -> [UInt8]? {
        blobs.get(object) { prefetch() } ?? single(object)
    }

    /// One blob by itself (what the batch could not hold).
    private func single(_ object: String) -> [UInt8]? {
        guard let r = try? ProcessRunner.run(git, GitChanges.hardening + ["cat-file", "blob", object], in: root, limits: limits,
                                             environment: Self.environment, discardErrors: true),
              r.status == 0, !r.timedOut else { return nil }
        return [UInt8](r.data)
    }

    /// Every regular file of the listing, up to `BlobCache.batchBytes` in all, from one git process
    /// (a paper of 100 chapters would otherwise start 100).
    private func prefetch() -> [String: [UInt8]] {
        var wanted: [String] = []
        var total = 0
        for e in entries.values where e.mode == "100644" || e.mode == "100755" {
            guard total + e.size <= BlobCache.batchBytes else { continue }
            total += e.size
            wanted.append(e.object)
        }
        guard !wanted.isEmpty,
              let r = try? ProcessRunner.run(git, GitChanges.hardening + ["cat-file", "--batch"], in: root, limits: limits,
                                             environment: Self.environment, discardErrors: true,
                                             input: Data((wanted.joined(separator: "\n") + "\n").utf8)),
              r.status == 0, !r.timedOut else { return [:] }
        return BlobCache.parseBatch([UInt8](r.data))
    }
}

/// The blobs of one revision, fetched once; safe to read from the threads that parse chapters.
final class BlobCache: @unchecked Sendable {
    static let batchBytes = 256 << 20
    private let lock = NSLock()
    private var blobs: [String: [UInt8]]?

    func get(_ object: String, fill: () -> [String: [UInt8]]) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        if blobs == nil { blobs = fill() }
        return blobs?[object]
    }

    /// `git cat-file --batch` output: "<object> <type> <size>\n<bytes>\n" per object ("<object> missing\n"
    /// for one it lacks).
    static func parseBatch(_ b: [UInt8]) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        var i = 0
        while i < b.count {
            guard let nl = b[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: b[i..<nl], as: UTF8.self).split(separator: " ")
            i = nl + 1
            guard header.count == 3, let size = Int(header[2]), size >= 0, i + size <= b.count else { continue }
            if header[1] == "blob" { out[String(header[0])] = Array(b[i..<(i + size)]) }
            i += size + 1
        }
        return out
    }
}
