/// Finds many glossary phrases in the prose in one pass: the phrases go into a trie over tokens
/// (runs of word bytes, and single other bytes), and each token of the text starts at most one walk
/// down it. Cost is linear in the text times the longest phrase's token count, plus the glossary,
/// however many terms there are (a scan per term was glossary × text).
struct TermIndex {
    struct Hit: Equatable {
        var source: Int
        var line: Int
        var start: Int
        var end: Int
    }

    private struct Node {
        var children: [[UInt8]: Int] = [:]
        /// Phrases that end here.
        var phrases: [Int] = []
    }

    private var nodes = [Node()]
    private let phrases: [[UInt8]]
    private let caseInsensitive: Bool

    init(_ phrases: [String], caseInsensitive: Bool) {
        self.phrases = phrases.map { Array($0.utf8) }
        self.caseInsensitive = caseInsensitive
        for (id, phrase) in self.phrases.enumerated() where !phrase.isEmpty {
            var node = 0
            for token in Self.tokens(phrase) {
                let key = Self.key(phrase[token], caseInsensitive: true)
                if let next = nodes[node].children[key] {
                    node = next
                } else {
                    nodes.append(Node())
                    nodes[node].children[key] = nodes.count - 1
                    node = nodes.count - 1
                }
            }
            nodes[node].phrases.append(id)
        }
    }

    /// Every whole-word occurrence of each phrase, in reading order, indexed like the phrases.
    func occurrences(in sources: [LintSource]) -> [[Hit]] {
        var out = [[Hit]](repeating: [], count: phrases.count)
        for (s, src) in sources.enumerated() {
            for (n, line) in src.prose.enumerated() {
                let tokens = Self.tokens(line)
                for (t, first) in tokens.enumerated() {
                    // A phrase must not start inside a word.
                    if first.lowerBound > 0 && ProseWords.isWordByte(line[first.lowerBound - 1]) { continue }
                    var node = 0, k = t
                    while k < tokens.count, let next = nodes[node].children[Self.key(line[tokens[k]], caseInsensitive: true)] {
                        node = next
                        let end = tokens[k].upperBound
                        k += 1
                        guard !nodes[node].phrases.isEmpty, end == line.count || !ProseWords.isWordByte(line[end]) else { continue }
                        for id in nodes[node].phrases where caseInsensitive || line[first.lowerBound..<end].elementsEqual(phrases[id]) {
                            out[id].append(Hit(source: s, line: n + 1, start: first.lowerBound, end: end))
                        }
                    }
                }
            }
        }
        return out
    }

    /// Maximal runs of word bytes, and each other byte alone.
    static func tokens(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            var j = i + 1
            if ProseWords.isWordByte(bytes[i]) {
                while j < bytes.count && ProseWords.isWordByte(bytes[j]) { j += 1 }
            }
            out.append(i..<j)
            i = j
        }
        return out
    }

    static func key(_ bytes: ArraySlice<UInt8>, caseInsensitive: Bool) -> [UInt8] {
        caseInsensitive ? bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 } : Array(bytes)
    }
}
