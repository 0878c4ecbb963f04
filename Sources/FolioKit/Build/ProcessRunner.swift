import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an external tool and captures its output. Tools that read pull-request input (rsvg-convert,
/// latexmk, biber, git) run with `Limits`: with a memory ceiling and CPU-time limit (`prlimit`), killed
/// with their parent (`setpriv --pdeathsig`), and killed as a process group (`ChildProcess` starts every
/// child as the leader of its own group) when the wall-clock timeout passes or Folio is interrupted.
public enum ProcessRunner {
    struct Output {
        var status: Int32
        var output: String
        /// The same output as bytes (a git blob need not be UTF-8).
        var data = Data()
        /// The wall-clock limit passed and the process group was killed.
        var timedOut = false
    }

    /// Wall-clock seconds and address-space bytes for one tool run.
    public struct Limits: Sendable, Hashable {
        public var seconds: Double
        public var memoryBytes: Int

        public init(seconds: Double, memoryBytes: Int) {
            self.seconds = seconds
            self.memoryBytes = memoryBytes
        }

        public static let svg = Limits(seconds: 60, memoryBytes: 2 << 30)
        public static let latex = Limits(seconds: 600, memoryBytes: 6 << 30)
        public static let git = Limits(seconds: 60, memoryBytes: 2 << 30)
    }

    /// The full path of `name` on PATH, if it is installed.
    static func which(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        // Only absolute folders: a relative one would be read against the tool's folder, not Folio's.
        for dir in path.split(separator: ":") where dir.hasPrefix("/") {
            let candidate = "\(dir)/\(name)"
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// `discardErrors` sends standard error to /dev/null, for output that is data (a git blob).
    /// `input` is written to the tool's standard input while its output is read, so neither side blocks.
    static func run(_ executable: String, _ arguments: [String], in directory: String,
                    limits: Limits? = nil, environment: [String: String]? = nil, discardErrors: Bool = false,
                    input: Data? = nil) throws -> Output {
        var exe = executable, args = arguments
        if let limits {
            (exe, args) = wrapped(executable, arguments, limits)
        }
        let child = try ChildProcess(exe, args, in: directory, environment: environment, discardErrors: discardErrors,
                                     feedsInput: input != nil, tool: executable)
        let pid = child.pid
        if limits != nil { ChildGroups.shared.add(pid) }
        let ended = child.run(input.map { [UInt8]($0) } ?? [], until: limits.map { ChildProcess.now() + $0.seconds },
                              killGroupOnExit: limits != nil)
        if limits != nil {
            // Anything the tool left running in its group goes with it.
            kill(-pid, SIGKILL)
            ChildGroups.shared.remove(pid)
        }
        return Output(status: ended.status, output: String(decoding: ended.output, as: UTF8.self), data: Data(ended.output),
                      timedOut: ended.timedOut)
    }

    /// `setpriv --pdeathsig KILL prlimit --as=… --cpu=… -- TOOL ARGS`, each wrapper used only where it is
    /// installed (both are in util-linux, which every Debian system has). They exec, so the tool keeps
    /// the child's pid and process group.
    static func wrapped(_ executable: String, _ arguments: [String], _ limits: Limits) -> (String, [String]) {
        var chain: [String] = []
        if let setpriv = which("setpriv") { chain += [setpriv, "--pdeathsig", "KILL", "--"] }
        if let prlimit = which("prlimit") {
            chain += [prlimit, "--as=\(limits.memoryBytes)", "--cpu=\(Int(limits.seconds.rounded(.up)))", "--"]
        }
        guard let first = chain.first else { return (executable, arguments) }
        return (first, Array(chain.dropFirst()) + [executable] + arguments)
    }
}

/// Process groups of running tools; SIGINT and SIGTERM kill them all before Folio exits.
final class ChildGroups: @unchecked Sendable {
    static let shared = ChildGroups()
    private let lock = NSLock()
    private var installed = false

    func add(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        if !installed {
            installed = true
            signal(SIGINT, childGroupsSignalHandler)
            signal(SIGTERM, childGroupsSignalHandler)
        }
        for i in 0..<childGroupSlots where activeChildGroups[i] == 0 {
            activeChildGroups[i] = pid
            return
        }
    }

    func remove(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<childGroupSlots where activeChildGroups[i] == pid { activeChildGroups[i] = 0 }
    }
}

private let childGroupSlots = 16
/// A fixed table the signal handler can read without locks or allocation.
nonisolated(unsafe) private let activeChildGroups: UnsafeMutablePointer<pid_t> = {
    let p = UnsafeMutablePointer<pid_t>.allocate(capacity: childGroupSlots)
    p.initialize(repeating: 0, count: childGroupSlots)
    return p
}()

private func childGroupsSignalHandler(_ signal: Int32) {
    for i in 0..<childGroupSlots where activeChildGroups[i] > 0 { kill(-activeChildGroups[i], SIGKILL) }
    _exit(128 + signal)
}
