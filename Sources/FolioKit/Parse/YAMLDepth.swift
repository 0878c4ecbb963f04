/// A linear pre-scan that bounds YAML nesting before the recursive composer sees it.
enum YAMLDepth {
    /// The first line (1-based) whose nesting estimate exceeds `limit`, with the estimate.
    /// The estimate is an upper bound: indentation, plus `- `/`? ` indicators, plus open `[`/`{`.
    static func exceeding(_ limit: Int, in text: String) -> (line: Int, depth: Int)? {
        var flow = 0
        var line = 1
        for raw in Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var i = raw.startIndex
            var block = 0
            while i < raw.endIndex, raw[i] == UInt8(ascii: " ") { block += 1; i += 1 }
            while i + 1 < raw.endIndex, raw[i] == UInt8(ascii: "-") || raw[i] == UInt8(ascii: "?"),
                  raw[i + 1] == UInt8(ascii: " ") {
                block += 1
                i += 2
                while i < raw.endIndex, raw[i] == UInt8(ascii: " ") { i += 1 }
            }
            var quote: UInt8? = nil
            while i < raw.endIndex {
                let b = raw[i]
                if let q = quote {
                    if b == q { quote = nil }
                } else if (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) && startsScalar(i > raw.startIndex ? raw[i - 1] : 0x20) {
                    quote = b
                } else if b == UInt8(ascii: "#") && (i == raw.startIndex || raw[i - 1] == 0x20) {
                    break
                } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                    flow += 1
                } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                    flow = max(0, flow - 1)
                }
                if block + flow > limit { return (line, block + flow) }
                i += 1
            }
            if block + flow > limit { return (line, block + flow) }
            line += 1
        }
        return nil
    }

    /// Whether a quote after this byte opens a quoted scalar (as in `key: 'x'`, `['a']`), not an apostrophe.
    static func startsScalar(_ previous: UInt8) -> Bool {
        [0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(previous)
    }
}

extension YAMLDepth {
    /// The first line by which more than `limit` aliases (`*name` tokens outside quotes) appear, with the count.
    static func aliasCount(exceeding limit: Int, in text: String) -> (line: Int, count: Int)? {
        var count = 0
        var line = 1
        var quote: UInt8? = nil
        var previous: UInt8 = 0x0A
        for b in text.utf8 {
            if b == 0x0A {
                line += 1
                quote = nil
            } else if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                if previous == 0x0A || startsScalar(previous) { quote = b }
            } else if b == UInt8(ascii: "*"),
                      [0x20, 0x0A, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":")].contains(previous) {
                count += 1
                if count > limit { return (line, count) }
            }
            previous = b
        }
        return nil
    }
}
