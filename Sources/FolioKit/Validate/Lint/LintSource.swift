import Foundation

/// One chapter file as the linter sees it: its lines, and for each line which bytes are prose.
/// Code (fenced blocks, code spans), front matter, HTML, link destinations, math, attribute blocks,
/// citation keys and footnote marks are masked out, so prose rules never look inside them.
public struct LintSource: Sendable {
    public var path: String
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
    public var chapter: Chapter?

    public static let mask: UInt8 = 0x01

    public init(path: String, url: URL, text: String, chapter: Chapter?) {
        self.path = path
        self.url = url
        self.chapter = chapter
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for b in text.utf8 {
            if b == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(current)
                current = []
            } else {
                current.append(b)
            }
        }
        if !current.isEmpty { lines.append(current) }
        self.lines = lines
        (prose, tableRows, blockStarts) = ProseMask.compute(lines)
        words = prose.map(ProseWords.words)
    }

    /// The line's text (1-based), for messages and the caret display.
    public func line(_ n: Int) -> String {
        guard n >= 1, n <= lines.count else { return "" }
        return String(decoding: lines[n - 1], as: UTF8.self)
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}
