import HashTreeCollections

/// Makes HTML-safe, unique anchor ids from heading text. The ids taken are a persistent tree, so the
/// copies the preview keeps of each chapter's state share what they have in common (`ResolveCache`).
public struct Slugger: Sendable, Equatable {
    private var used: TreeDictionary<String, Int> = [:]

    public init() {}

    /// pandoc-style slug: lowercase letters and digits, spaces and hyphens become single hyphens, none at
    /// either end. (GitHub's anchors differ: they keep a hyphen for each space and punctuation mark.)
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(ch)
            } else if ch == " " || ch == "-" || ch == "\t" {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// Marks an explicit id as taken. Returns false if it was already used.
    public mutating func claim(_ id: String) -> Bool {
        if used[id] != nil { return false }
        used[id] = 0
        return true
    }

    /// The ids taken that start with `prefix`: all that `unique` reads and writes for bases with that
    /// prefix, so a pass that makes only such ids can carry this smaller slugger as its state.
    func taken(prefix: String) -> Slugger {
        var out = Slugger()
        for (id, n) in used where id.hasPrefix(prefix) { out.used[id] = n }
        return out
    }

    /// Takes back the ids a slugger from `taken(prefix:)` went on to make.
    mutating func merge(_ other: Slugger) {
        used.merge(other.used) { _, theirs in theirs }
    }

    /// `unique(prefix + "\(n)")` for each `n` in turn, and the ids. When no id taken starts with
    /// `prefix` (as usual), each id is its own base, and all are taken at once.
    mutating func uniqueNumbered(_ prefix: String, _ numbers: Range<Int>) -> [String] {
        guard !used.keys.contains(where: { $0.hasPrefix(prefix) }) else { return numbers.map { unique(prefix + String($0)) } }
        let ids = numbers.map { prefix + String($0) }
        if used.isEmpty {
            used = TreeDictionary(uniqueKeysWithValues: ids.lazy.map { ($0, 0) })
        } else {
            for id in ids { used[id] = 0 }
        }
        return ids
    }

    /// A unique id based on `base`: `base`, then `base-1`, `base-2`...
    public mutating func unique(_ base: String) -> String {
        var candidate = base
        var n = used[base] ?? 0
        while used[candidate] != nil {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used[base] = n
        used[candidate] = used[candidate] ?? 0
        return candidate
    }
}
