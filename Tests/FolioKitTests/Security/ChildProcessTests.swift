import Foundation
import Testing
@testable import FolioKit

/// Tools are started with posix_spawn (`ChildProcess`): real processes, checked for what Folio relies on.
@Suite struct ChildProcessTests {
    @Test func inputAndOutputLargerThanAPipeDoNotDeadlock() throws {
        // 1 MiB through `cat` both ways: the pipe holds 64 KiB, so writing and reading must interleave.
        let text = String(repeating: "0123456789abcdef\n", count: 1 << 16)
        let r = try ProcessRunner.run("/bin/cat", [], in: "/", input: Data(text.utf8))
        #expect(r.status == 0 && r.output == text && !r.timedOut)
    }

    @Test func aToolThatIgnoresItsInputDoesNotStopFolio() throws {
        // `true` exits without reading: the write fails with EPIPE, which must not be a signal to Folio.
        let r = try ProcessRunner.run("/bin/true", [], in: "/", input: Data(repeating: 65, count: 1 << 20))
        #expect(r.status == 0)
    }

    @Test func folderEnvironmentAndErrorsAreTheToolsOwn() throws {
        let s = try Scratch()
        defer { s.remove() }
        let r = try ProcessRunner.run("/bin/sh", ["-c", "pwd; echo \"$ONLY-$HOME\"; echo oops >&2; exit 3"], in: s.url.path,
                                      environment: ["ONLY": "this"])
        let lines = r.output.split(separator: "\n").map(String.init)
        #expect(r.status == 3)
        #expect(lines.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == s.url.resolvingSymlinksInPath().path)
        #expect(lines.contains("this-") && lines.contains("oops"))
        let quiet = try ProcessRunner.run("/bin/sh", ["-c", "echo data; echo noise >&2"], in: "/", discardErrors: true)
        #expect(quiet.output == "data\n")
    }

    @Test func onlyTheStandardDescriptorsAreInherited() throws {
        let s = try Scratch()
        defer { s.remove() }
        // A descriptor Folio holds open without close-on-exec must not reach the tool.
        let held = open(s.url.appendingPathComponent("held").path, O_CREAT | O_WRONLY, 0o600)
        defer { close(held) }
        #expect(held > 2)
        // `; true` keeps a shell from exec-ing `ls`, whose own listing would show its folder's descriptor.
        let r = try ProcessRunner.run("/bin/sh", ["-c", "ls /proc/$$/fd; true"], in: "/")
        #expect(Set(r.output.split(separator: "\n")) == ["0", "1", "2"], "\(r.output)")
    }

    @Test func aSignalEndingTheToolIsItsStatus() throws {
        let r = try ProcessRunner.run("/bin/sh", ["-c", "kill -TERM $$"], in: "/")
        #expect(r.status == SIGTERM)
    }

    @Test func aMissingToolIsAnErrorNotACrash() {
        #expect(throws: ChildProcess.SpawnError.self) {
            try ProcessRunner.run("/nonexistent/tool", [], in: "/")
        }
    }

    @Test func pastItsLimitTheWholeGroupIsKilled() throws {
        let s = try Scratch()
        defer { s.remove() }
        let marker = s.url.appendingPathComponent("pid").path
        // The tool starts a grandchild in its group, then both outlive the limit.
        let r = try ProcessRunner.run("/bin/sh", ["-c", "sleep 300 & echo $! > \(marker); sleep 300"], in: "/", limits: Self.limit)
        #expect(r.timedOut)
        let grandchild = try #require(Int32(String(contentsOfFile: marker, encoding: .utf8).trimmingWhitespaceAndNewlines()))
        #expect(Self.ends(grandchild), "the grandchild \(grandchild) still runs")
    }

    /// The limit holds whatever the tool does with its output: it keeps writing, or it closes it.
    @Test(arguments: ["while :; do echo busy; done", "exec >/dev/null 2>&1; sleep 300"])
    func theLimitHoldsWhateverTheToolWrites(script: String) throws {
        let r = try ProcessRunner.run("/bin/sh", ["-c", script], in: "/", limits: Self.limit)
        #expect(r.timedOut)
    }

    /// A tool that ends while something it started still holds its output is done: the group goes
    /// with it, and the run is not counted as past its limit.
    @Test func theToolsEndEndsTheRun() throws {
        let r = try ProcessRunner.run("/bin/sh", ["-c", "sleep 300 & echo done"], in: "/",
                                      limits: .init(seconds: 600, memoryBytes: 1 << 30))
        #expect(r.status == 0 && r.output == "done\n" && !r.timedOut)
    }

    /// Long enough for setpriv, prlimit and a shell to start on a busy machine.
    static let limit = ProcessRunner.Limits(seconds: 3, memoryBytes: 1 << 30)

    /// Whether `pid` ends (or is left a zombie for whoever adopted it) within a generous bound.
    static func ends(_ pid: Int32) -> Bool {
        for _ in 0..<1500 {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if kill(pid, 0) != 0 || state.contains(") Z ") { return true }
            usleep(20_000)
        }
        return false
    }
}
