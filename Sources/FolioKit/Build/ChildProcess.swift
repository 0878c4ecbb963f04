#if canImport(Glibc)
import Glibc
#endif
import CSpawn

/// One external tool, started with `posix_spawn`: in its own process group (so `kill(-pid)` reaches
/// everything it starts), with default signal handling, only descriptors 0–2 open, standard input
/// from a pipe or /dev/null, and standard output (and error, unless discarded) into one pipe that
/// `exchange` reads to its end. Foundation's `Process` did the same with a run-loop thread and two
/// reader threads per tool, and paged much of Foundation in for it (docs/PERFORMANCE.md).
struct ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var executable: String
        var code: Int32
        var description: String { "cannot start '\(executable)': \(String(cString: strerror(code)))" }
    }

    let pid: pid_t
    private let output: Int32
    private var input: Int32

    init(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String]?,
         discardErrors: Bool, feedsInput: Bool) throws(SpawnError) {
        func fail(_ code: Int32) -> SpawnError { SpawnError(executable: executable, code: code) }
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
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, feedsInput ? inp[0] : null, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, discardErrors ? null : out[1], 2)
        folio_spawn_addclosefrom(&actions, 3)
        folio_spawn_addchdir(&actions, directory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var spawned: pid_t = 0
        let code = (argv + [nil]).withUnsafeBufferPointer { args -> Int32 in
            guard let args = args.baseAddress else { return EINVAL }
            guard let envp else { return posix_spawn(&spawned, executable, &actions, &attributes, args, environ) }
            return (envp + [nil]).withUnsafeBufferPointer { env in
                env.baseAddress.map { posix_spawn(&spawned, executable, &actions, &attributes, args, $0) } ?? EINVAL
            }
        }
        guard code == 0 else { throw abandon(code) }
        pid = spawned
        output = out[0]
        input = feedsInput ? inp[1] : -1
    }

    /// Writes `bytes` to the tool's standard input (if it has the pipe) while reading its output to
    /// the end. Past `deadline` (monotonic seconds) the process group is killed and reading goes on
    /// for two more seconds at most, in case something outside the group holds the pipe.
    mutating func exchange(_ bytes: [UInt8], until deadline: Double?) -> (output: [UInt8], timedOut: Bool) {
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
        if input >= 0 { _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK) }

        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var written = 0, timedOut = false, graceEnds: Double?
        while true {
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            if input >= 0 { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            let until = graceEnds ?? deadline
            let wait = until.map { Int32(max(0, min(($0 - Self.now()) * 1000, 60_000)).rounded(.up)) } ?? -1
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 {
                guard let until, Self.now() >= until else { continue }
                if graceEnds != nil { break }
                timedOut = true
                kill(-pid, SIGKILL)
                graceEnds = Self.now() + 2
                continue
            }
            if fds[0].revents != 0 {
                let n = read(output, &buffer, buffer.count)
                if n > 0 {
                    out.append(contentsOf: buffer[0..<n])
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    break
                }
            }
            if input >= 0, fds.count > 1, fds[1].revents != 0 {
                let n = written < bytes.count
                    ? bytes.withUnsafeBytes { write(input, $0.baseAddress.map { $0 + written }, bytes.count - written) } : 0
                if n > 0 { written += n }
                if written >= bytes.count || (n < 0 && errno != EINTR && errno != EAGAIN) || fds[1].revents & Int16(POLLERR | POLLHUP) != 0 {
                    close(input)
                    input = -1
                }
            }
        }
        close(output)
        if input >= 0 {
            close(input)
            input = -1
        }
        return (out, timedOut)
    }

    /// Waits for the tool to end: its exit status, or the number of the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : status & 0x7F
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
