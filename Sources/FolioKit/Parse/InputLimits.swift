/// Limits on chapter input, checked before any text reaches cmark-gfm. A reasonable paper never comes
/// near them; the manifest's `limits:` section (or `folio render --limit`) can raise them.
public struct InputLimits: Sendable, Hashable {
    public var chapterBytes = 2 << 20
    public var quoteDepth = 32
    public var listDepth = 32
    public var tableColumns = 256
    public var tableCells = 100_000
    public var footnotes = 5_000
    public var footnoteReferences = 50_000
    public var footnoteDepth = 4
    public var reviewMarks = 10_000

    public init() {}

    /// The names used in `folio.yaml` and `--limit`, with what each bounds.
    nonisolated(unsafe) public static let settings: [(name: String, path: WritableKeyPath<InputLimits, Int>, meaning: String)] = [
        ("chapter-bytes", \.chapterBytes, "size of one chapter in bytes"),
        ("quote-depth", \.quoteDepth, "block-quote nesting depth"),
        ("list-depth", \.listDepth, "list nesting depth"),
        ("table-columns", \.tableColumns, "columns in one table"),
        ("table-cells", \.tableCells, "cells in one table"),
        ("footnotes", \.footnotes, "footnote definitions in one chapter"),
        ("footnote-references", \.footnoteReferences, "footnote references in one chapter"),
        ("footnote-depth", \.footnoteDepth, "footnote definitions nested inside footnote definitions"),
        ("review-marks", \.reviewMarks, "review marks (CriticMarkup) in one chapter"),
    ]

    public static var names: [String] { settings.map(\.name) }

    /// Sets one limit by name; returns false for an unknown name.
    public mutating func set(_ name: String, to value: Int) -> Bool {
        guard let s = Self.settings.first(where: { $0.name == name }) else { return false }
        self[keyPath: s.path] = value
        return true
    }

    /// Reads the manifest's `limits:` mapping.
    static func load(_ value: YAMLValue) throws(Diagnostic) -> (InputLimits, [Diagnostic]) {
        let f = try YAMLFields(value, what: "limits")
        var limits = InputLimits()
        for s in settings {
            if let n = try f.int(s.name, in: 1...(1 << 30)) { limits[keyPath: s.path] = n }
        }
        return (limits, f.unknownKeys(known: names))
    }
}
