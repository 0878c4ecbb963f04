import Foundation

/// One chapter file as the linter sees it: its lines, and for each line which bytes are prose.
/// Code (fenced blocks, code spans), front matter, HTML, link destinations, math, attribute blocks,
/// citation keys and footnote marks are masked out, so prose rules never look inside them.
public struct LintSource: Sendable {
    public var path: String {
        didSet { fileNumber = SourceFiles.number(path) }
    }
    /// `path`'s number in `SourceFiles`, looked up once for every finding's location.
    private var fileNumber: Int32
    public var url: URL
    public var lines: [[UInt8]]
    /// Per line, the bytes prose rules may read; masked bytes are `LintSource.mask`.
    public var prose: [[UInt8]]
    /// Lines that are table rows (their spacing is layout, not prose).
    public var tableRows: Set<Int>
    /// Per line, whether the line is a heading, list item, blank or otherwise starts a block.
    public var blockStarts: Set<Int>
    /// The words of each prose line, computed once for every rule.
    var words: [[ProseWords.Word]]
    /// How the file ends its lines and whether it starts with a byte-order mark, so fixes keep both.
    var crlf: [Bool]
    var bom: Bool
    var finalNewline: Bool

    public static let mask: UInt8 = 0x01

    /// The file's text from (edited) lines, with its own line endings and byte-order mark.
    func text(_ lines: [[UInt8]]) -> String {
        var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        for (n, line) in lines.enumerated() {
            bytes += line
            if n < lines.count - 1 || finalNewline { bytes += n < crlf.count && crlf[n] ? [0x0D, 0x0A] : [0x0A] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public init(path: String, url: URL, text: String) {
        self.path = path
        fileNumber = SourceFiles.number(path)
        self.url = url
        var utf8 = Array(text.utf8)[...]
        // A byte-order mark is not part of line 1 (the parser drops it too).
        let hasBOM = utf8.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { utf8 = utf8.dropFirst(3) }
        bom = hasBOM
        var pieces = Self.lines(utf8)
        finalNewline = pieces.count > 1 && pieces.last?.isEmpty == true
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        crlf = pieces.map { $0.last == 0x0D }
        let lines = pieces.map { Array($0.last == 0x0D ? $0.dropLast() : $0) }
        self.lines = lines
        (prose, tableRows, blockStarts) = ProseMask.compute(lines)
        words = prose.map(ProseWords.words)
    }

    /// `bytes` split at each LF, empty pieces kept (as `split(separator:omittingEmptySubsequences: false)`,
    /// with memchr finding each LF).
    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        bytes.withUnsafeBufferPointer { p in
            var start = 0
            while true {
                let end = p.firstIndex(of: 0x0A, from: start)
                pieces.append(bytes[(bytes.startIndex + start)..<(bytes.startIndex + end)])
                guard end < p.count else { break }
                start = end + 1
            }
        }
        return pieces
    }

    /// The line's text (1-based), for messages and the caret display.
    public func line(_ n: Int) -> String {
        guard n >= 1, n <= lines.count else { return "" }
        return String(decoding: lines[n - 1], as: UTF8.self)
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(fileNumber: fileNumber, line: line, column: column)
    }
}
