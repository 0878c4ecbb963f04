/// The governance checklist (`checklist: checklist.yaml`): required topics, each with evidence rules.
public struct Checklist: Sendable {
    public enum Side: String, Sendable, Hashable, CaseIterable {
        case demand, supply, both
    }

    public struct Group: Sendable, Hashable {
        public var id: String
        public var title: String
    }

    /// Evidence an item's covering sections must show; every rule is optional.
    public struct Rules: Sendable, Hashable {
        public var minWords: Int?
        /// Distinct bibliography entries cited in the covering sections.
        public var citations: Int?
        /// Labels (`tbl:x`, `fig:y`, `sec:z`) or items (`item:SS-3`) the covering sections must reference.
        public var mustReference: [String] = []
        /// The covering chapters' lowest acceptable status (enforced in the final profile).
        public var status: Chapter.Status?
        /// Terms that must appear in the covering sections (case-insensitive).
        public var keywords: [String] = []

        public init() {}
    }

    public struct Item: Sendable, Hashable {
        public var id: String
        public var side: Side
        public var group: String?
        public var title: String
        public var description: String
        /// How an unmet item is reported: `error` or `warning`.
        public var severity: Diagnostic.Severity
        public var rules: Rules
        public var location: SourceLocation
    }

    public var title: String
    public var version: String?
    public var source: String?
    public var groups: [Group]
    public var items: [Item]
    public var file: String

    public func item(_ id: String) -> Item? { items.first { $0.id == id } }
}

/// A place that claims to cover checklist items: a section heading's `covers="…"`, a chapter's
/// front matter `covers:`, or a `[[covers: …]]` marker after a paragraph.
public struct CoverageClaim: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        case chapter, section, paragraph
    }

    public var itemID: String
    public var primary: Bool
    public var scope: Scope
    public var location: SourceLocation
}
