import Foundation

/// Work spread over the machine's cores, with results in input order, so that a parallel build writes
/// the same bytes, with the diagnostics in the same order, as a sequential one.
public enum Parallel {
    /// How many threads a build uses: the cores, or `FOLIO_JOBS` (1 makes every build sequential).
    public static var defaultJobs: Int {
        if let raw = ProcessInfo.processInfo.environment["FOLIO_JOBS"], let n = Int(raw), n >= 1 { return min(n, 64) }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `body(i)` for every `i` in `0..<count`, on up to `jobs` threads; the results in index order.
    static func map<T>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard jobs > 1, count > 1 else { return (0..<count).map(body) }
        let slots = Slots<T>(count)
        let workers = min(jobs, count)
        // Each worker takes the next index; indices are claimed once, so every slot is written once.
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = next.claim(below: count) { slots.set(i, body(i)) }
        }
        return slots.values()
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func claim(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                value += 1
                return value - 1
            }
        }
    }

    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [T?]
        init(_ count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.withLock { items[i] = value } }
        func values() -> [T] { lock.withLock { items.compactMap { $0 } } }
    }
}

/// A value computed on another thread while the caller goes on; `value()` waits for it.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once the work has ended (it always sets one).
    func value() -> T? {
        done.wait()
        done.signal()
        return result
    }
}

extension Parallel {
    /// Frees `value` on another thread, for a large tree whose freeing nothing waits for (a pass's
    /// input once its output replaces it). The caller must hold no other reference.
    static func release<T: Sendable>(_ value: consuming T) {
        let box = ReleaseBox(value)
        DispatchQueue.global().async { box.value = nil }
    }

    private final class ReleaseBox<T>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = value }
    }
}
