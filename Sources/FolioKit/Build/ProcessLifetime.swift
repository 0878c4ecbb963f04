import Foundation

/// Values a one-shot command leaves for the process's exit to reclaim, rather than freeing them
/// node by node on its way out (see `BuildPipeline.Request.freeModel`).
enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
