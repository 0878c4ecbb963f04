import Foundation

/// Publishing onto a branch (`gh-pages`) with git plumbing only: a temporary index, `commit-tree`,
/// a compare-and-swap `update-ref` and a push that can only fast-forward. The working tree, the
/// real index and the checked-out branch are never touched.
struct PagesBranch {
    let git: Git
    let branch: String
    /// A remote name or URL; nil publishes locally only.
    let remote: String?
    let push: Bool

    /// Where the new commit starts: the branch as the remote has it, or as it is here, whichever is
    /// newer; nil when neither exists yet.
    private(set) var parent: String?
    private(set) var localTip: String?
    private(set) var remoteTip: String?

    var ref: String { "refs/heads/\(branch)" }
    var remoteName: String { remote ?? "" }

    init(git: Git, branch: String, remote: String?, push: Bool) throws(Diagnostic) {
        self.git = git
        self.branch = branch
        self.remote = remote
        self.push = push
        guard !branch.hasPrefix("-"), try git.run(["check-ref-format", "--branch", branch]).ok else {
            throw .error("publish.branch", "'\(branch)' is not a valid branch name", at: nil)
        }
        if let remote, remote.isEmpty || remote.hasPrefix("-") {
            throw .error("publish.remote", "'\(remote)' is not a remote name or URL", at: nil)
        }
        try refuseCheckedOut()
        localTip = try git.commit(ref)
        if let remote { remoteTip = try fetch(remote) }
        parent = try startingPoint()
    }

    /// A branch checked out in some worktree would be left behind by its own files: refuse.
    private func refuseCheckedOut() throws(Diagnostic) {
        let list = try git.must(["worktree", "list", "--porcelain"], "git cannot list the worktrees")
        for line in list.text.split(separator: "\n") where line == "branch \(ref)" {
            throw .error("publish.checked-out", "the branch '\(branch)' is checked out in a worktree, so publishing onto it would leave that checkout stale", at: nil,
                         notes: ["switch that worktree to another branch first ('git worktree list' shows where)"])
        }
    }

    /// The remote's tip of the branch, fetched so its tree can be read; nil when the remote has no such branch.
    private func fetch(_ remote: String) throws(Diagnostic) -> String? {
        let heads = try git.run(["ls-remote", "--heads", "--end-of-options", remote, ref])
        guard heads.ok else {
            throw .error("publish.remote", "cannot reach the remote '\(remote)'", at: nil,
                         notes: heads.trimmed.isEmpty ? [] : [.init("git: \(heads.trimmed.split(separator: "\n").suffix(3).joined(separator: " "))")])
        }
        guard let sha = heads.text.split(separator: "\n").first(where: { $0.hasSuffix("\t\(ref)") })?.split(separator: "\t").first else {
            return nil
        }
        _ = try git.must(["fetch", "--quiet", "--no-tags", "--no-recurse-submodules", "--end-of-options", remote, ref],
                         "cannot fetch '\(branch)' from '\(remote)'")
        guard let tip = try git.commit(String(sha)) else {
            throw .error("publish.remote", "the remote's '\(branch)' (\(sha.prefix(12))) could not be fetched", at: nil)
        }
        return tip
    }

    /// The newer of the two tips; tips that do not descend from one another cannot be published onto.
    private func startingPoint() throws(Diagnostic) -> String? {
        switch (localTip, remoteTip) {
        case (nil, nil): return nil
        case (let l?, nil): return l
        case (nil, let r?): return r
        case (let l?, let r?):
            if l == r { return r }
            if try isAncestor(l, of: r) { return r }
            if try isAncestor(r, of: l) { return l }
            throw .error("publish.diverged", "the local '\(branch)' and the one on '\(remoteName)' have unrelated or diverged histories", at: nil,
                         notes: ["publishing only ever fast-forwards '\(branch)'; reconcile the two (or delete the local branch to start from the remote's)"])
        }
    }

    func isAncestor(_ a: String, of b: String) throws(Diagnostic) -> Bool {
        try git.run(["merge-base", "--is-ancestor", a, b]).status == 0
    }

    /// The published site as the starting commit has it.
    var site: SiteStore { BranchSite(git: git, commit: parent, display: branch) }

    /// Commits `plan` (files already on disk under `staged`) on top of the starting point. Returns the
    /// new commit, or nil when the tree would not change.
    func commit(_ plan: SitePlan, staged: URL, message: String) throws(Diagnostic) -> String? {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("folio-index-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var plumbing = git
        plumbing.environment["GIT_INDEX_FILE"] = scratch.path
        if let parent {
            _ = try plumbing.must(["read-tree", parent], "git cannot read \(branch)'s tree")
        } else {
            _ = try plumbing.must(["read-tree", "--empty"], "git cannot start an empty tree")
        }
        let paths = plan.writes.keys.sorted()
        for chunk in paths.chunked(200) {
            let hashed = try plumbing.must(["hash-object", "-w", "--no-filters", "--"] + chunk.map { staged.appendingPathComponent($0).path },
                                           "git cannot store the site's files")
            let ids = hashed.text.split(separator: "\n").map(String.init)
            guard ids.count == chunk.count else { throw .error("publish.git", "git stored \(ids.count) of \(chunk.count) files", at: nil) }
            let infos = zip(chunk, ids).flatMap { ["--cacheinfo", "100644,\($1),\($0)"] }
            _ = try plumbing.must(["update-index", "--add"] + infos, "git cannot stage the site's files")
        }
        if !plan.deletes.isEmpty {
            _ = try plumbing.must(["update-index", "--force-remove", "--"] + plan.deletes, "git cannot drop the old root files")
        }
        let tree = try plumbing.must(["write-tree"], "git cannot write the site's tree").trimmed
        if let parent, try git.must(["rev-parse", parent + "^{tree}"], "git cannot read \(branch)'s tree").trimmed == tree {
            return nil
        }
        var committer = git
        if !(try git.run(["var", "GIT_COMMITTER_IDENT"]).ok) {
            for who in ["AUTHOR", "COMMITTER"] {
                committer.environment["GIT_\(who)_NAME"] = "Folio"
                committer.environment["GIT_\(who)_EMAIL"] = "folio@localhost"
            }
        }
        let args = ["commit-tree", tree] + (parent.map { ["-p", $0] } ?? []) + ["-m", message]
        return try committer.must(args, "git cannot commit the site").trimmed
    }

    /// Moves the branch to `commit` (pushing first when asked): only ever a fast-forward, and the
    /// local branch moves only after the remote accepted it. Returns whether it pushed.
    @discardableResult
    func advance(to commit: String) throws(Diagnostic) -> Bool {
        var pushed = false
        if push, let remote, commit != remoteTip {
            let result = try git.run(["push", "--porcelain", "--no-verify", "--end-of-options", remote, "\(commit):\(ref)"])
            guard result.ok else {
                let said = result.trimmed.split(separator: "\n").suffix(4).joined(separator: "\n")
                throw .error("publish.push", "the remote '\(remote)' did not accept '\(branch)'; nothing was changed", at: nil,
                             notes: [.init("git: \(said)"), "publishing never force-pushes; if someone published meanwhile, run it again"])
            }
            pushed = true
        }
        guard commit != localTip else { return pushed }
        let old = localTip ?? String(repeating: "0", count: 40)
        _ = try git.must(["update-ref", "-m", "folio publish", ref, commit, old],
                         "git cannot move '\(branch)' (was it changed meanwhile?)")
        return pushed
    }
}

/// The site in a commit's tree.
struct BranchSite: SiteStore {
    let git: Git
    let commit: String?
    let display: String

    func read(_ path: String) throws(Diagnostic) -> Data? {
        guard let commit else { return nil }
        let r = try git.run(["cat-file", "blob", "\(commit):\(path)"], data: true)
        return r.ok ? r.data : nil
    }

    func files(under prefix: String) throws(Diagnostic) -> [String: Data] {
        guard let commit else { return [:] }
        let list = try git.must(["ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix], "git cannot list \(display)", data: true)
        var out: [String: Data] = [:]
        for record in list.data.split(separator: 0) {
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let fields = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: record[(tab + 1)...], as: UTF8.self)
            guard fields.count == 3, path.hasPrefix(prefix) else { continue }
            let blob = try git.must(["cat-file", "blob", String(fields[2])], "git cannot read \(display):\(path)", data: true)
            out[String(path.dropFirst(prefix.count))] = blob.data
        }
        return out
    }

    func display(_ path: String) -> String { "\(display):\(path)" }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
