/// A finding with a stable id (such as `manifest.missing-chapter`), a severity, the range of source it
/// is about, a message, notes that may point elsewhere, and fixes. Every stage and every lint rule
/// reports through this one type; `DiagnosticCatalog` lists the ids.
public struct Diagnostic: Hashable, Sendable, Error {
    public enum Severity: Int, Hashable, Sendable, Comparable, CustomStringConvertible {
        case note = 0, warning = 1, error = 2

        public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

        public var description: String {
            switch self {
            case .note: "note"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    /// A note under the message, located when it points somewhere ("first defined here").
    public struct Note: Hashable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }

        public init(stringLiteral value: String) { self.init(value) }

        public init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

        public var description: String { location.map { "\($0): \(message)" } ?? message }
    }

    public var id: String
    public var severity: Severity
    /// Where the finding is: its first and last position (a single position when only that is known).
    public var range: SourceRange?
    public var message: String
    public var notes: [Note]
    /// Edits that repair the finding without changing meaning (`folio lint --fix`).
    public var fixes: [TextEdit] = []

    /// The start of the range.
    public var location: SourceLocation? {
        get { range?.start }
        set { range = newValue.map { SourceRange(at: $0) } }
    }

    public init(_ severity: Severity, _ id: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.init(severity, id, message, range: location.map { SourceRange(at: $0) },
                  notes: notes)
    }

    public init(_ severity: Severity, _ id: String, _ message: String, range: SourceRange?, notes: [Note] = [],
                fixes: [TextEdit] = []) {
        self.id = id
        self.severity = severity
        self.range = range
        self.message = message
        self.notes = notes
        self.fixes = fixes
    }

    public static func error(_ id: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, id, message, at: location, notes: notes)
    }

    public static func warning(_ id: String, _ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location, notes: notes)
    }

    /// The inclusive end column on the start line, for carets (the start column when the range spans lines).
    public var length: Int {
        guard let r = range, r.endLine == r.start.line else { return 1 }
        return max(1, r.endColumn - r.start.column + 1)
    }
}

/// A replacement of `length` bytes at a line and column of a source file.
public struct TextEdit: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var length: Int
    public var replacement: String

    public init(file: String, line: Int, column: Int, length: Int, replacement: String) {
        self.file = file
        self.line = line
        self.column = column
        self.length = length
        self.replacement = replacement
    }
}
