import Foundation

/// A position in a source file: 1-based line and column (columns count UTF-8 bytes, as cmark and gcc do).
/// Every node of the model carries one, so it is small: line and column are stored in 32 bits (a
/// chapter is far smaller than 2 GB), and the file by its number in `SourceFiles`. A node's range is
/// 20 bytes, and copying one touches no string's reference count.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The file's number in `SourceFiles`; `file` is its name.
    public private(set) var fileNumber: Int32
    @Int32Backed public var line: Int
    @Int32Backed public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.init(fileNumber: SourceFiles.number(file), line: line, column: column)
    }

    /// For many locations in one file: its number is looked up once (`SourceFiles.number`). Internal,
    /// so that every number is one the table gave out (and `<` stays an ordering).
    init(fileNumber: Int32, line: Int, column: Int) {
        self.fileNumber = fileNumber
        self.line = line
        self.column = column
    }

    public var file: String {
        get { SourceFiles.name(fileNumber) }
        set { fileNumber = SourceFiles.number(newValue) }
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.fileNumber != b.fileNumber { return a.file < b.file }
        return (a.line, a.column) < (b.line, b.column)
    }
}

/// The names of the files locations point into, each stored once and numbered in the order first
/// seen; one table for the process (a number means the same file in every build it runs).
public enum SourceFiles {
    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var names: [String] = [""]
        var numbers: [String: Int32] = ["": 0]
    }
    private static let table = Table()

    /// The number of the file named `name`, given it now if it has none.
    public static func number(_ name: String) -> Int32 {
        table.lock.lock()
        defer { table.lock.unlock() }
        if let n = table.numbers[name] { return n }
        // Two thousand million distinct names cannot be read in one process; past that, the first name.
        guard table.names.count < Int(Int32.max) else { return 0 }
        let n = Int32(table.names.count)
        table.names.append(name)
        table.numbers[name] = n
        return n
    }

    /// The name of file number `number` ("" for a number never given).
    public static func name(_ number: Int32) -> String {
        table.lock.lock()
        defer { table.lock.unlock() }
        let i = Int(number)
        return table.names.indices.contains(i) ? table.names[i] : ""
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
