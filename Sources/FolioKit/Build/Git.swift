import Foundation

/// One repository and the hardened way Folio runs git in it (`GitChanges.hardening`, no lazy fetch,
/// time and memory limits). Failures are diagnostics with the id the caller names.
struct Git {
    let executable: String
    let directory: String
    let limits: ProcessRunner.Limits
    /// What failures are reported as ("build.git", "publish.git"), and a timeout.
    let id: String
    let timeoutID: String
    /// Extra environment (a temporary index for plumbing).
    var environment: [String: String] = [:]

    init?(directory: String, limits: ProcessRunner.Limits = .git, id: String, timeoutID: String? = nil) {
        guard let git = ProcessRunner.which("git") else { return nil }
        self.executable = git
        self.directory = directory
        self.limits = limits
        self.id = id
        self.timeoutID = timeoutID ?? id
    }

    struct Output {
        var status: Int32
        var text: String
        var data: Data
        var ok: Bool { status == 0 }
        var trimmed: String { text.trimmingWhitespaceAndNewlines() }
    }

    /// Runs `git ARGS`; `data` keeps standard error out of the output (for blobs and -z listings).
    func run(_ args: [String], data: Bool = false) throws(Diagnostic) -> Output {
        var env = GitRevisionProvider.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_ASKPASS"] = "/bin/false"
        env["LC_ALL"] = "C"
        for (k, v) in environment { env[k] = v }
        let r: ProcessRunner.Output
        do {
            r = try ProcessRunner.run(executable, GitChanges.hardening + args, in: directory, limits: limits,
                                      environment: env, discardErrors: data)
        } catch {
            throw .error(id, "cannot run git: \(error)", at: nil)
        }
        if r.timedOut {
            throw .error(timeoutID, "git ran longer than \(Int(limits.seconds)) s and was stopped", at: nil,
                         notes: ["raise the limit with --git-timeout SECONDS"])
        }
        return Output(status: r.status, text: r.output, data: r.data)
    }

    /// Runs `git ARGS` and fails with `message` (and git's own words) when git does.
    func must(_ args: [String], _ message: @autoclosure () -> String, data: Bool = false) throws(Diagnostic) -> Output {
        let r = try run(args, data: data)
        guard r.ok else {
            let said = r.trimmed.split(separator: "\n").suffix(4).joined(separator: "\n")
            throw .error(id, message(), at: nil, notes: said.isEmpty ? [] : [.init("git: \(said)")])
        }
        return r
    }

    /// The repository's top folder, or nil when `directory` is not in one.
    func topLevel() throws(Diagnostic) -> String? {
        let r = try run(["rev-parse", "--show-toplevel"])
        return r.ok ? r.trimmed : nil
    }

    /// The commit a revision names, or nil.
    func commit(_ revision: String) throws(Diagnostic) -> String? {
        let r = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        let sha = r.trimmed
        return r.ok && sha.count >= 40 && sha.allSatisfy(\.isHexDigit) ? sha : nil
    }
}
