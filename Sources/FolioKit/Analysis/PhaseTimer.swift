import Foundation
import CParseArena

/// `FOLIO_TIMINGS=1` prints how long each stage of a command took, and the peak memory after it, on standard error, so that a slow
/// build can be profiled stage by stage without a profiler (docs/PERFORMANCE.md). Off, it costs one
/// environment lookup per process.
public enum PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["FOLIO_TIMINGS"].map { $0 != "" && $0 != "0" } ?? false

    /// Runs `body`, and prints its wall-clock time under `name` when timings are on.
    @inline(__always)
    public static func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        var (used, held) = (0, 0)
        folio_heap_stats(&used, &held)
        let mb = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_048_576) }
        FileHandle.standardError.write(Data(("timing: \(name) \(String(format: "%.1f", ms)) ms, peak memory \(peakMB()) MB, resident \(peakMB("VmRSS:")) MB"
            + ", heap in use \(mb(used)) MB, free in heap \(mb(held)) MB\n").utf8))
        return result
    }

    /// The process's peak resident memory so far (VmHWM), or another field such as VmRSS, in megabytes; "?" where /proc is missing.
    static func peakMB(_ field: String = "VmHWM:") -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kb = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return "?" }
        return String(format: "%.1f", kb / 1024)
    }
}
