/// The next three-byte closer of a paragraph (a review comment's `<<}`, an HTML comment's `-->`),
/// remembering the last answer so that no byte is searched twice: a paragraph of openers without a
/// closer stays linear.
struct CloserSearch {
    let closer: (UInt8, UInt8, UInt8)
    /// The last search: where it started, and where the closer was (nil: none after it).
    private var memo: (from: Int, at: Int?)?

    init(_ closer: StaticString) {
        let p = closer.utf8Start
        self.closer = (p[0], p[1], p[2])
    }

    /// Forgets the last answer (a new paragraph).
    mutating func reset() { memo = nil }

    /// Where the closer starts, at or after `k` and before `end`.
    mutating func next(in b: [UInt8], after k: Int, _ end: Int) -> Int? {
        if let memo, k >= memo.from, memo.at.map({ k <= $0 }) ?? true { return memo.at }
        var j = k
        var found: Int?
        while j + 2 < end {
            if b[j] == closer.0, b[j + 1] == closer.1, b[j + 2] == closer.2 {
                found = j
                break
            }
            j += 1
        }
        memo = (k, found)
        return found
    }
}
