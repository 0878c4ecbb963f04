#if canImport(Glibc)
import Glibc
#endif
import CSpawn

/// One external tool, started with `posix_spawn`: in its own process group (so `kill(-pid)` reaches
/// everything it starts), with default signal handling, only descriptors 0–2 open, standard input
/// from a pipe or /dev/null, and standard output (and error, unless discarded) into one pipe.
/// `run` feeds the input and reads the output on the calling thread, watching the tool's exit
/// (a pidfd) and its deadline. Foundation's `Process` did this with a run-loop thread and two
/// reader threads per tool, and paged much of Foundation in (docs/PERFORMANCE.md).
struct ChildProcess: ~Copyable {
    struct SpawnError: Error, CustomStringConvertible {
        /// The tool as the caller named it (not the `setpriv`/`prlimit` wrapper in front of it).
        var tool: String
        var directory: String
        var code: Int32
        var description: String {
            "cannot start '\(tool)' in '\(directory)': \(String(cString: strerror(code)))"
        }
    }

    struct Ended {
        var output: [UInt8]
        /// The exit status, or the number of the signal that ended the tool.
        var status: Int32
        /// The deadline passed and the process group was killed.
        var timedOut: Bool
    }

    let pid: pid_t
    private let output: Int32
    private var input: Int32
    /// Readable once the tool has ended; -1 where the kernel has no pidfds (then `run` polls).
    private let exit: Int32

    /// `executable` is an absolute path or one relative to Folio's working folder (not the tool's).
    init(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String]?,
         discardErrors: Bool, feedsInput: Bool, tool: String) throws(SpawnError) {
        func fail(_ code: Int32) -> SpawnError { SpawnError(tool: tool, directory: directory, code: code) }
        var path = executable
        if !path.hasPrefix("/") {
            guard let cwd = getcwd(nil, 0) else { throw fail(errno) }
            path = String(cString: cwd) + "/" + path
            free(cwd)
        }
        var out: [Int32] = [-1, -1], inp: [Int32] = [-1, -1]
        guard folio_pipe_cloexec(&out) == 0 else { throw fail(errno) }
        guard !feedsInput || folio_pipe_cloexec(&inp) == 0 else {
            let code = errno
            close(out[0]); close(out[1])
            throw fail(code)
        }
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer {
            close(out[1])
            if feedsInput { close(inp[0]) }
            if null >= 0 { close(null) }
        }
        func abandon(_ code: Int32) -> SpawnError {
            close(out[0])
            if feedsInput { close(inp[1]) }
            return fail(code)
        }
        guard null >= 0 else { throw abandon(errno) }

        var actions = posix_spawn_file_actions_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { throw abandon(ENOMEM) }
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Every action must hold: a tool that inherited Folio's descriptors, or ran in the wrong
        // folder, would be worse than one that did not start.
        for code in [posix_spawn_file_actions_adddup2(&actions, feedsInput ? inp[0] : null, 0),
                     posix_spawn_file_actions_adddup2(&actions, out[1], 1),
                     posix_spawn_file_actions_adddup2(&actions, discardErrors ? null : out[1], 2),
                     folio_spawn_addclosefrom(&actions, 3),
                     folio_spawn_addchdir(&actions, directory)] where code != 0 {
            throw abandon(code)
        }

        var attributes = posix_spawnattr_t()
        guard posix_spawnattr_init(&attributes) == 0 else { throw abandon(ENOMEM) }
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        for code in [posix_spawnattr_setsigdefault(&attributes, &all),
                     posix_spawnattr_setsigmask(&attributes, &none),
                     posix_spawnattr_setpgroup(&attributes, 0),
                     posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))]
            where code != 0 {
            throw abandon(code)
        }

        let argv = ([path] + arguments).map { strdup($0) }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var spawned: pid_t = 0
        let code = (argv + [nil]).withUnsafeBufferPointer { args -> Int32 in
            guard let args = args.baseAddress else { return EINVAL }
            guard let envp else { return posix_spawn(&spawned, path, &actions, &attributes, args, environ) }
            return (envp + [nil]).withUnsafeBufferPointer { env in
                env.baseAddress.map { posix_spawn(&spawned, path, &actions, &attributes, args, $0) } ?? EINVAL
            }
        }
        guard code == 0 else { throw abandon(code) }
        pid = spawned
        output = out[0]
        input = feedsInput ? inp[1] : -1
        exit = folio_pidfd_open(spawned)
    }

    /// Writes `bytes` to the tool's standard input (if it has the pipe) and reads its output, until
    /// the tool has ended and its output is closed. Past `deadline` (monotonic seconds) the process
    /// group is killed; once the tool has ended, so is its group if `killGroupOnExit`. Either way,
    /// reading goes on for two seconds at most, in case something outside the group holds the pipe.
    consuming func run(_ bytes: [UInt8], until deadline: Double?, killGroupOnExit: Bool) -> Ended {
        // A tool that exits without reading its input must not take Folio down with SIGPIPE.
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var now = timespec()
                sigtimedwait(&pipeSignal, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        let (pid, output, exit) = (self.pid, self.output, self.exit)
        var input = self.input
        if input >= 0 { _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK) }

        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var written = 0, timedOut = false, outputOpen = true
        var status: Int32?, graceEnds: Double?
        func ended(_ raw: Int32) {
            status = Self.status(raw)
            if killGroupOnExit { kill(-pid, SIGKILL) }
            graceEnds = min(graceEnds ?? .infinity, Self.now() + 2)
        }
        while outputOpen || status == nil {
            let now = Self.now()
            if status == nil, !timedOut, let deadline, now >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                graceEnds = now + 2
            }
            if let graceEnds, now >= graceEnds { break }

            var fds: [pollfd] = []
            if outputOpen { fds.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
            if input >= 0 { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            if status == nil, exit >= 0 { fds.append(pollfd(fd: exit, events: Int16(POLLIN), revents: 0)) }
            var wake = graceEnds ?? .infinity
            if status == nil, !timedOut, let deadline { wake = min(wake, deadline) }
            if status == nil, exit < 0 { wake = min(wake, now + 0.05) }
            let wait = wake.isFinite ? Int32(max(0, min((wake - now) * 1000, 60_000)).rounded(.up)) : -1
            if poll(&fds, nfds_t(fds.count), wait) < 0, errno != EINTR { break }

            for entry in fds where entry.revents != 0 {
                if entry.fd == output {
                    let n = read(output, &buffer, buffer.count)
                    if n > 0 {
                        out.append(contentsOf: buffer[0..<n])
                    } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                        outputOpen = false
                    }
                } else if entry.fd == input {
                    let n = written < bytes.count
                        ? bytes.withUnsafeBytes { write(input, $0.baseAddress.map { $0 + written }, bytes.count - written) } : 0
                    if n > 0 { written += n }
                    if written >= bytes.count || (n < 0 && errno != EINTR && errno != EAGAIN) || entry.revents & Int16(POLLERR | POLLHUP) != 0 {
                        close(input)
                        input = -1
                    }
                }
            }
            if status == nil {
                var raw: Int32 = 0
                let reaped = waitpid(pid, &raw, WNOHANG)
                if reaped == pid { ended(raw) } else if reaped < 0, errno != EINTR { status = -1 }
            }
        }
        close(output)
        if input >= 0 { close(input) }
        if exit >= 0 { close(exit) }
        if status == nil {
            // Out of grace with the tool still there: it was killed, or is being; collect it.
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 {
                if errno != EINTR { raw = -1; break }
            }
            status = raw < 0 ? -1 : Self.status(raw)
        }
        return Ended(output: out, status: status ?? -1, timedOut: timedOut)
    }

    /// A `waitpid` status as Foundation's `terminationStatus` gave it: the exit code, or the number of
    /// the signal that ended the tool.
    private static func status(_ raw: Int32) -> Int32 {
        raw & 0x7F == 0 ? (raw >> 8) & 0xFF : raw & 0x7F
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
