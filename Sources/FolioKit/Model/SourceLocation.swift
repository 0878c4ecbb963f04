/// A position in a source file: 1-based line and column (columns count UTF-8 bytes, as cmark and gcc do).
/// Every node of the model carries one, so line and column are stored in 32 bits (a chapter is far
/// smaller than 2 GB): this keeps a node's range at 32 bytes rather than 48.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var file: String
    @Int32Backed public var line: Int
    @Int32Backed public var column: Int

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
    @Int32Backed public var endLine: Int
    @Int32Backed public var endColumn: Int

    public init(start: SourceLocation, endLine: Int, endColumn: Int) {
        self.start = start
        self.endLine = endLine
        self.endColumn = endColumn
    }

    public init(file: String, line: Int, column: Int) {
        self.init(start: SourceLocation(file: file, line: line, column: column), endLine: line, endColumn: column)
    }

    /// The range of one position.
    public init(at location: SourceLocation) {
        self.init(start: location, endLine: location.line, endColumn: location.column)
    }

    public var file: String { start.file }
}

/// An `Int` stored in 32 bits, clamped: lines and columns of the model's ranges.
@propertyWrapper
public struct Int32Backed: Hashable, Sendable {
    private var stored: Int32

    public init(wrappedValue: Int) { stored = Int32(clamping: wrappedValue) }

    public var wrappedValue: Int {
        get { Int(stored) }
        set { stored = Int32(clamping: newValue) }
    }
}
