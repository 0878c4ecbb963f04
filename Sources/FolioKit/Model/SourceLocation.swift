/// A position in a source file: 1-based line and column (columns count UTF-8 bytes, as cmark and gcc do).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A span in a source file, from `start` to the inclusive `end` position.
public struct SourceRange: Hashable, Sendable {
    public var start: SourceLocation
    public var endLine: Int
    public var endColumn: Int

    public init(start: SourceLocation, endLine: Int, endColumn: Int) {
        self.start = start
        self.endLine = endLine
        self.endColumn = endColumn
    }

    public init(file: String, line: Int, column: Int) {
        self.init(start: SourceLocation(file: file, line: line, column: column), endLine: line, endColumn: column)
    }

    public var file: String { start.file }
}
