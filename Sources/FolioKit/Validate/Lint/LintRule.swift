/// What every lint rule declares: a stable id, a default severity, a one-line description and a
/// category. `docs/lint-rules.md` has a page per rule with a bad and a good example.
public struct LintRuleInfo: Sendable, Hashable {
    public enum Category: String, Sendable, CaseIterable {
        case structure, references, prose, terminology, review
    }

    public var id: String
    public var severity: Diagnostic.Severity
    public var category: Category
    public var summary: String
    /// How to fix a finding, for SARIF help text and `--list-rules`.
    public var help: String
    /// Whether `--fix` can repair it without changing meaning.
    public var fixable: Bool = false
}

/// A replacement of `length` bytes at a line and column of a source file.
public struct TextEdit: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var length: Int
    public var replacement: String
}

/// A finding: the diagnostic, the length of its span on the line (for the caret) and an optional safe fix.
public struct LintFinding: Sendable {
    public var diagnostic: Diagnostic
    public var length: Int
    public var fix: TextEdit?

    public init(_ diagnostic: Diagnostic, length: Int = 1, fix: TextEdit? = nil) {
        self.diagnostic = diagnostic
        self.length = length
        self.fix = fix
    }
}

/// One rule. Rules read the resolved paper, the sources and the glossary through `LintContext`.
protocol LintRule: Sendable {
    var info: LintRuleInfo { get }
    func check(_ context: LintContext) -> [LintFinding]
}

extension LintRule {
    /// A finding of this rule at a location.
    func finding(_ message: String, at location: SourceLocation?, length: Int = 1, notes: [String] = [],
                 fix: TextEdit? = nil) -> LintFinding {
        LintFinding(Diagnostic(info.severity, info.id, message, at: location, notes: notes), length: length, fix: fix)
    }
}
