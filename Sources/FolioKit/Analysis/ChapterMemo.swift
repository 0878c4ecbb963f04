import Foundation

/// A value computed from one chapter alone, kept by position while the chapter is equal (`folio serve`):
/// the explicit ids, cited keys and checklist claims Resolve collects, and Validate's chapter findings.
final class ChapterMemo<Input: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: (input: Input, value: Value)] = [:]

    func value(_ index: Int, _ input: Input, _ compute: () -> Value) -> Value {
        if let kept = lock.withLock({ values[index] }), kept.input == input { return kept.value }
        let value = compute()
        lock.withLock { values[index] = (input, value) }
        return value
    }

    /// Forgets everything (the settings the values depend on changed).
    func removeAll() {
        lock.withLock { values = [:] }
    }
}
