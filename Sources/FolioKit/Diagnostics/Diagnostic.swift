/// A located finding with a stable id, such as `manifest.missing-chapter`.
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

    public var id: String
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var notes: [String]

    public init(_ severity: Severity, _ id: String, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(_ id: String, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, id, message, at: location, notes: notes)
    }

    public static func warning(_ id: String, _ message: String, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location, notes: notes)
    }
}
