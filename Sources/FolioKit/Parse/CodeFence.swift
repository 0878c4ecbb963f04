/// CommonMark's fenced code blocks, for the linear scanners that run before or beside cmark-gfm
/// (`InputGuard`, `MarkdownPreprocessor`, `ProseMask`): one definition of where a fence opens and
/// closes, so the three agree with each other and with the parser about what is code.
struct CodeFence: Equatable, Sendable {
    let byte: UInt8
    let length: Int

    /// A run of three or more backticks or tildes at the start of `line` (the line's content, after
    /// indentation, quote and list markers).
    static func run(_ line: ArraySlice<UInt8>) -> CodeFence? {
        guard let first = line.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        var n = 0
        for c in line { if c == first { n += 1 } else { break } }
        return n >= 3 ? CodeFence(byte: first, length: n) : nil
    }

    /// The fence `line` opens, if any: a backtick fence's info string may not contain a backtick.
    static func opening(_ line: ArraySlice<UInt8>) -> CodeFence? {
        guard let f = run(line) else { return nil }
        if f.byte == UInt8(ascii: "`"), line.dropFirst(f.length).contains(UInt8(ascii: "`")) { return nil }
        return f
    }

    /// Whether `line` closes this fence: the same character, at least as many, then only spaces or tabs.
    func isClosed(by line: ArraySlice<UInt8>) -> Bool {
        guard let f = CodeFence.run(line), f.byte == byte, f.length >= length else { return false }
        return line.dropFirst(f.length).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}

/// Follows fences line by line: feed each line's content, learn whether the line is code.
struct CodeFenceTracker: Sendable {
    private(set) var open: CodeFence?

    enum Line: Equatable { case text, opens, inside, closes }

    mutating func feed(_ content: ArraySlice<UInt8>) -> Line {
        if let f = open {
            if f.isClosed(by: content) {
                open = nil
                return .closes
            }
            return .inside
        }
        if let f = CodeFence.opening(content) {
            open = f
            return .opens
        }
        return .text
    }
}
