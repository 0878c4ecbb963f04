import Foundation

/// Finds a build's provenance: the commit of the paper's repository, the paper folder's uncommitted
/// changes, the dates (`SOURCE_DATE_EPOCH`) and the pull request (a flag, or GitHub's environment).
public enum GitProvenance {
    /// With `revision`, the stamp names that commit and the working tree's changes do not matter.
    public static func detect(paperDirectory: String, revision: String? = nil, profile: Profile, pullRequest: Int? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              limits: ProcessRunner.Limits = .git, now: Date = Date(),
                              memo: Memo? = nil) -> Result<Provenance, Diagnostic> {
        var built = now, fixed = false
        switch Provenance.sourceDateEpoch(environment) {
        case .success(let date)?: built = date; fixed = true
        case .failure(let d)?: return .failure(d)
        case nil: break
        }
        var p = Provenance(built: built, profile: profile)
        p.fixedDate = fixed
        p.pullRequest = pullRequest ?? pullRequestNumber(environment)
        let dir = URL(fileURLWithPath: paperDirectory).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: dir), let git = Git(directory: dir, id: "build.git") else { return .success(p) }
        do throws(Diagnostic) {
            let top = if let memo { try memo.topLevel(git) } else { try git.topLevel() }
            guard let top else { return .success(p) }
            // Without a revision, one `git status` names HEAD and the changes.
            var changed: [String] = []
            let commit: String?
            if let revision {
                commit = try git.commit(revision)
            } else {
                (commit, changed) = try status(git)
            }
            guard let commit else { return .success(p) }
            p.commit = commit
            let described = if let memo { try memo.described(commit, git) } else { try describe(commit, git) }
            p.commitDate = described.date
            p.subject = described.subject
            p.changedFiles = changed.map { URL(fileURLWithPath: top).appendingPathComponent($0).path }
        } catch {
            return .failure(error)
        }
        if let server = environment["GITHUB_SERVER_URL"], let repo = environment["GITHUB_REPOSITORY"], let commit = p.commit,
           server.hasPrefix("https://"), !repo.isEmpty, repo.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) {
            p.links.commit = "\(server)/\(repo)/commit/\(commit)"
        }
        return .success(p)
    }

    /// HEAD (nil before the first commit) and the paper folder's files that differ from it,
    /// repository-relative: `git status` with the branch header, ignored files left out.
    static func status(_ git: Git) throws(Diagnostic) -> (head: String?, changed: [String]) {
        let status = try git.must(["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all", "--no-renames", "--", "."],
                                  "git cannot list the paper folder's changes", data: true)
        return parseStatus(status.data)
    }

    /// Reads `git status --porcelain=v2 --branch -z`: "# branch.oid SHA" (or "(initial)"), then one record per
    /// path: "1 XY sub mH mI mW hH hI path", "u XY sub m1 m2 m3 mW h1 h2 h3 path", "? path" (renames, "2", are not asked for).
    static func parseStatus(_ data: Data) -> (head: String?, changed: [String]) {
        var head: String?
        var changed: [String] = []
        let oid = Array("# branch.oid ".utf8)
        for record in data.split(separator: 0) {
            guard let kind = record.first else { continue }
            let fieldsBeforePath: Int
            switch kind {
            case UInt8(ascii: "#"):
                if record.starts(with: oid) {
                    let sha = String(decoding: record.dropFirst(oid.count), as: UTF8.self)
                    if sha.count >= 40, sha.allSatisfy(\.isHexDigit) { head = sha }
                }
                continue
            case UInt8(ascii: "1"): fieldsBeforePath = 8
            case UInt8(ascii: "u"): fieldsBeforePath = 10
            case UInt8(ascii: "?"), UInt8(ascii: "!"): fieldsBeforePath = 1
            default: continue
            }
            var spaces = 0
            guard let start = record.firstIndex(where: { byte in
                if byte == UInt8(ascii: " ") { spaces += 1 }
                return spaces == fieldsBeforePath
            }) else { continue }
            let path = record[record.index(after: start)...]
            if !path.isEmpty { changed.append(String(decoding: path, as: UTF8.self)) }
        }
        return (head, changed.sorted())
    }

    /// A commit's date and subject.
    static func describe(_ commit: String, _ git: Git) throws(Diagnostic) -> (date: Date?, subject: String?) {
        let log = try git.must(["log", "-1", "--format=%ct%x00%s", commit], "git cannot read commit \(commit)")
        let parts = log.text.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
        return (parts.first.flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) },
                parts.count > 1 ? parts[1].trimmingWhitespaceAndNewlines() : nil)
    }

    /// What stays the same between the preview's rebuilds: the repository's top folder, and each
    /// commit's date and subject. With it a rebuild runs git once (`git status`), not four times.
    public final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        /// Kept once found: a folder outside any repository is asked again, in case it becomes one.
        private var top: String?
        private var commits: [String: (date: Date?, subject: String?)] = [:]
        /// git runs for the repository's folder and for commits (tests count them).
        public private(set) var lookups = 0

        public init() {}

        func topLevel(_ git: Git) throws(Diagnostic) -> String? {
            if let top = lock.withLock({ top }) { return top }
            let found = try git.topLevel()
            lock.withLock { top = found; lookups += 1 }
            return found
        }

        func described(_ commit: String, _ git: Git) throws(Diagnostic) -> (date: Date?, subject: String?) {
            if let known = lock.withLock({ commits[commit] }) { return known }
            let found = try describe(commit, git)
            lock.withLock { commits[commit] = found; lookups += 1 }
            return found
        }
    }

    /// The pull request number from GitHub's environment (`refs/pull/N/merge` on a pull_request event).
    static func pullRequestNumber(_ env: [String: String]) -> Int? {
        guard let event = env["GITHUB_EVENT_NAME"], event.hasPrefix("pull_request"), let ref = env["GITHUB_REF"] else { return nil }
        let parts = ref.split(separator: "/")
        guard parts.count == 4, parts[0] == "refs", parts[1] == "pull", let n = Int(parts[2]), n > 0 else { return nil }
        return n
    }
}
