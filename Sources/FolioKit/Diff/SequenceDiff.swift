/// The shortest edit script between two sequences (Myers' O((N+M)·D) algorithm), after stripping the
/// common prefix and suffix, so that a few edits in a long text cost little more than reading it.
/// Past `maxEdits` the middle is reported as one replacement rather than searched further.
enum SequenceDiff {
    enum Op: Equatable {
        /// Runs in `a` and `b` that are equal; one run deleted from `a`; one inserted from `b`;
        /// or `a`'s run replaced by `b`'s (a deletion next to an insertion).
        case equal(Range<Int>, Range<Int>)
        case delete(Range<Int>)
        case insert(Range<Int>)
        case replace(Range<Int>, Range<Int>)
    }

    static func diff<T: Hashable>(_ a: [T], _ b: [T], maxEdits: Int = 1000) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var ops: [Op] = []
        if prefix > 0 { ops.append(.equal(0..<prefix, 0..<prefix)) }
        let aMid = prefix..<(a.count - suffix), bMid = prefix..<(b.count - suffix)
        if !aMid.isEmpty || !bMid.isEmpty {
            if let path = myers(Array(a[aMid]), Array(b[bMid]), maxEdits: maxEdits) {
                ops += merge(path, aOffset: prefix, bOffset: prefix)
            } else {
                ops.append(aMid.isEmpty ? .insert(bMid) : bMid.isEmpty ? .delete(aMid) : .replace(aMid, bMid))
            }
        }
        if suffix > 0 { ops.append(.equal((a.count - suffix)..<a.count, (b.count - suffix)..<b.count)) }
        return ops
    }

    /// One step of the path: equal, delete (from a) or insert (from b).
    private enum Step { case equal, delete, insert }

    /// The steps from (0, 0) to (n, m), or nil when more than `maxEdits` are needed.
    private static func myers<T: Hashable>(_ a: [T], _ b: [T], maxEdits: Int) -> [Step]? {
        let n = a.count, m = b.count
        let limit = min(n + m, maxEdits)
        // trace[d] holds V for k in -d...d after step d (indexed k + d).
        var trace: [[Int]] = []
        var v = [0]
        var found = false
        var d = 0
        while d <= limit {
            var next = [Int](repeating: 0, count: 2 * d + 1)
            for k in stride(from: -d, through: d, by: 2) {
                let down = k == -d || (k != d && value(v, k + 1, d - 1) > value(v, k - 1, d - 1))
                var x = down ? value(v, k + 1, d - 1) : value(v, k - 1, d - 1) + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                next[k + d] = x
                if x >= n && y >= m { found = true }
            }
            trace.append(next)
            v = next
            if found { break }
            d += 1
        }
        guard found else { return nil }
        // Walk back from (n, m).
        var steps: [Step] = []
        var x = n, y = m
        for step in stride(from: trace.count - 1, through: 0, by: -1) {
            let k = x - y
            if step == 0 {
                while x > 0, y > 0 { steps.append(.equal); x -= 1; y -= 1 }
                break
            }
            let prev = trace[step - 1]
            let down = k == -step || (k != step && value(prev, k + 1, step - 1) > value(prev, k - 1, step - 1))
            let prevK = down ? k + 1 : k - 1
            let prevX = value(prev, prevK, step - 1), prevY = prevX - prevK
            while x > prevX, y > prevY { steps.append(.equal); x -= 1; y -= 1 }
            steps.append(down ? .insert : .delete)
            x = prevX
            y = prevY
        }
        return steps.reversed()
    }

    /// V[k] after step d, for k in -d...d (0 outside, as at the start).
    private static func value(_ v: [Int], _ k: Int, _ d: Int) -> Int {
        let i = k + d
        return i >= 0 && i < v.count ? v[i] : 0
    }

    /// Steps into runs, with a deletion next to an insertion as one replacement.
    private static func merge(_ steps: [Step], aOffset: Int, bOffset: Int) -> [Op] {
        var ops: [Op] = []
        var x = aOffset, y = bOffset
        var i = 0
        while i < steps.count {
            if steps[i] == .equal {
                let (x0, y0) = (x, y)
                while i < steps.count, steps[i] == .equal { x += 1; y += 1; i += 1 }
                ops.append(.equal(x0..<x, y0..<y))
                continue
            }
            let (x0, y0) = (x, y)
            while i < steps.count, steps[i] != .equal {
                if steps[i] == .delete { x += 1 } else { y += 1 }
                i += 1
            }
            ops.append(x == x0 ? .insert(y0..<y) : y == y0 ? .delete(x0..<x) : .replace(x0..<x, y0..<y))
        }
        return ops
    }
}
