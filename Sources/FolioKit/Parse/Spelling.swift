/// Edit-distance helpers for "did you mean" suggestions.
public enum Spelling {
    /// The candidate closest to `word`, if it is within a third of the word's length.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(word, c, limit: limit)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance; returns `limit + 1` early when the lengths alone exceed the limit.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        if abs(a.utf8.count - b.utf8.count) > limit * 4 { return limit + 1 }
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0...y.count)
        var cur = prev
        for i in 1...max(x.count, 1) where !x.isEmpty {
            cur[0] = i
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            }
            swap(&prev, &cur)
        }
        return x.isEmpty ? y.count : prev[y.count]
    }
}
