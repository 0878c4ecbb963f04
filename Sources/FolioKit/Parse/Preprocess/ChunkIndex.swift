/// Positions of candidate closers in one paragraph, found in a single pass, so the preprocessor
/// never rescans text: hostile input such as thousands of `$` or backtick runs stays linear.
struct ChunkIndex {
    /// Each unescaped `$`; pandoc ends inline math at the first one, valid closer or not.
    private var dollars: [Int] = []
    /// Whether the `$` at the same index can close inline math (not after a space, not before a digit).
    private var canClose: [Bool] = []
    /// Each unescaped `$$`.
    private var displayClosers: [Int] = []
    /// Backtick runs by length.
    private var backtickRuns: [Int: [Int]] = [:]
    private var cursors: [Int: Int] = [:]
    private var inlineCursor = 0
    private var displayCursor = 0

    init() {}

    /// One pass over the paragraph's bytes, read from the array's buffer (no bounds check per byte).
    init(_ array: [UInt8], _ start: Int, _ end: Int) {
        self = array.withUnsafeBufferPointer { ChunkIndex(scanning: $0, start, min(end, $0.count)) }
    }

    private init(scanning b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var i = start
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if c == UInt8(ascii: "`") {
                var j = i
                while j < end, b[j] == c { j += 1 }
                backtickRuns[j - i, default: []].append(i)
                i = j
                continue
            }
            if c == UInt8(ascii: "$") {
                if i + 1 < end, b[i + 1] == UInt8(ascii: "$") { displayClosers.append(i) }
                let afterSpace = i > start && (b[i - 1] == 0x20 || b[i - 1] == 0x09 || b[i - 1] == 0x0A)
                let beforeDigit = i + 1 < end && b[i + 1] >= 0x30 && b[i + 1] <= 0x39
                dollars.append(i)
                canClose.append(!afterSpace && !beforeDigit)
            }
            i += 1
        }
    }

    /// The first closer at or after `position`; cursors only move forward, as the scan does.
    private static func next(_ list: [Int], _ cursor: inout Int, after position: Int) -> Int? {
        while cursor < list.count, list[cursor] < position { cursor += 1 }
        return cursor < list.count ? list[cursor] : nil
    }

    /// The first `$` at or after `position`, if it is a valid closer.
    mutating func nextInlineCloser(after position: Int) -> Int? {
        guard let p = Self.next(dollars, &inlineCursor, after: position), inlineCursor < canClose.count,
              canClose[inlineCursor] else { return nil }
        return p
    }

    mutating func nextDisplayCloser(after position: Int) -> Int? {
        Self.next(displayClosers, &displayCursor, after: position)
    }

    /// The same index with its cursors back at the paragraph's start, for a second pass over it
    /// (pairing brackets) that must not move the main scan's cursors.
    func rewound() -> ChunkIndex {
        var copy = self
        copy.cursors = [:]
        copy.inlineCursor = 0
        copy.displayCursor = 0
        return copy
    }

    mutating func nextBacktickRun(length: Int, after position: Int) -> Int? {
        guard let runs = backtickRuns[length] else { return nil }
        var cursor = cursors[length] ?? 0
        defer { cursors[length] = cursor }
        return Self.next(runs, &cursor, after: position)
    }
}
