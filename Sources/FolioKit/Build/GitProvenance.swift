import Foundation

/// Finds a build's provenance: the commit of the paper's repository, the paper folder's uncommitted
/// changes, the dates (`SOURCE_DATE_EPOCH`) and the pull request (a flag, or GitHub's environment).
public enum GitProvenance {
    /// With `revision`, the stamp names that commit and the working tree's changes do not matter.
    public static func detect(paperDirectory: String, revision: String? = nil, profile: Profile, pullRequest: Int? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              limits: ProcessRunner.Limits = .git, now: Date = Date()) -> Result<Provenance, Diagnostic> {
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
            guard let top = try git.topLevel(), let commit = try git.commit(revision ?? "HEAD") else { return .success(p) }
            p.commit = commit
            let log = try git.must(["log", "-1", "--format=%ct%x00%s", commit], "git cannot read commit \(commit)")
            let parts = log.text.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
            if let seconds = parts.first.flatMap({ Double($0) }) { p.commitDate = Date(timeIntervalSince1970: seconds) }
            if parts.count > 1 { p.subject = parts[1].trimmingCharacters(in: .whitespacesAndNewlines) }
            if revision == nil {
                p.changedFiles = try changedFiles(git).map { URL(fileURLWithPath: top).appendingPathComponent($0).path }
            }
        } catch {
            return .failure(error)
        }
        if let server = environment["GITHUB_SERVER_URL"], let repo = environment["GITHUB_REPOSITORY"], let commit = p.commit,
           server.hasPrefix("https://"), !repo.isEmpty, repo.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) {
            p.links.commit = "\(server)/\(repo)/commit/\(commit)"
        }
        return .success(p)
    }

    /// The paper folder's files that differ from HEAD, repository-relative (`git status`, ignored files left out).
    static func changedFiles(_ git: Git) throws(Diagnostic) -> [String] {
        let status = try git.must(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", "."],
                                  "git cannot list the paper folder's changes", data: true)
        // "XY path\0" records.
        return status.data.split(separator: 0).compactMap { record in
            guard record.count > 3 else { return nil }
            return String(decoding: record.dropFirst(3), as: UTF8.self)
        }.sorted()
    }

    /// The pull request number from GitHub's environment (`refs/pull/N/merge` on a pull_request event).
    static func pullRequestNumber(_ env: [String: String]) -> Int? {
        guard let event = env["GITHUB_EVENT_NAME"], event.hasPrefix("pull_request"), let ref = env["GITHUB_REF"] else { return nil }
        let parts = ref.split(separator: "/")
        guard parts.count == 4, parts[0] == "refs", parts[1] == "pull", let n = Int(parts[2]), n > 0 else { return nil }
        return n
    }
}
