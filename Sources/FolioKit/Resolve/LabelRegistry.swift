import HashTreeCollections

/// Every referenceable target in the paper, keyed so that `@fig:x`, `@Fig:x` and Quarto's `@fig-x`
/// all find `{#fig:x}` (or `{#fig-x}`).
public struct LabelRegistry: Sendable, Equatable {
    public enum TargetKind: Sendable, Hashable {
        case part, chapter, appendix, section, appendixSection, figure, table, equation, listing
        case callout(Callout.Kind)
        /// A governance checklist item (`@item:DS-3`).
        case checklistItem
        case other

        /// The word used when referring to a target of this kind.
        var word: PaperWords.Kind? {
            switch self {
            case .part: .part
            case .chapter: .chapter
            case .appendix, .appendixSection: .appendix
            case .section: .section
            case .figure: .figure
            case .table: .table
            case .equation: .equation
            case .listing: .listing
            case .callout(let k): PaperWords.Kind(rawValue: k.rawValue)
            case .checklistItem, .other: nil
            }
        }
    }

    public struct Target: Sendable, Hashable {
        public var id: String
        public var kind: TargetKind
        public var number: String?
        public var location: SourceLocation
        /// The heading or chapter title, for references to unnumbered targets.
        public var title: String? = nil
    }

    /// A persistent tree: the preview keeps a copy per chapter (`ResolveCache`), sharing what they have in common.
    public private(set) var targets: TreeDictionary<String, Target> = [:]

    /// Reserved prefixes and the kinds of target each may label.
    static let prefixes: [String: [TargetKind]] = [
        "sec": [.section, .appendixSection, .chapter, .appendix, .part],
        "fig": [.figure], "tbl": [.table], "eq": [.equation], "lst": [.listing],
        "note": [.callout(.note)], "tip": [.callout(.tip)], "important": [.callout(.important)],
        "warning": [.callout(.warning)], "caution": [.callout(.caution)],
        // Checklist items (`@item:DS-3`) have their own resolver.
        "item": [.checklistItem],
        "nte": [.callout(.note)], "imp": [.callout(.important)], "wrn": [.callout(.warning)], "cau": [.callout(.caution)],
    ]

    /// `fig-x` → `fig:x` and `Fig:x` → `fig:x` for reserved prefixes; other ids stay as they are.
    public static func canonical(_ key: String) -> String {
        guard let sep = key.firstIndex(where: { $0 == ":" || $0 == "-" }) else { return key }
        let prefix = key[..<sep].lowercased()
        guard prefixes[prefix] != nil else { return key }
        return prefix + ":" + key[key.index(after: sep)...]
    }

    /// The reserved prefix of a key, if it has one (`sec`, `fig`, `tbl`, ...).
    public static func reservedPrefix(_ key: String) -> String? {
        guard let sep = key.firstIndex(where: { $0 == ":" || $0 == "-" }) else { return nil }
        let prefix = key[..<sep].lowercased()
        return prefixes[prefix] != nil ? prefix : nil
    }

    /// Records a target; returns an error when the id's prefix does not fit the target's kind.
    mutating func register(_ target: Target) -> Diagnostic? {
        targets[Self.canonical(target.id)] = target
        if let prefix = Self.reservedPrefix(target.id), let allowed = Self.prefixes[prefix], !allowed.contains(target.kind) {
            return .error("label.prefix-mismatch", "'\(target.id)' has the prefix '\(prefix):' but labels a \(Self.describe(target.kind))",
                          at: target.location, notes: ["use a prefix that matches: \(Self.suggestedPrefix(target.kind))"])
        }
        return nil
    }

    public func target(_ key: String) -> Target? { targets[Self.canonical(key)] }

    static func describe(_ kind: TargetKind) -> String {
        switch kind {
        case .part: "part"
        case .chapter: "chapter"
        case .appendix: "appendix"
        case .section, .appendixSection: "section"
        case .figure: "figure"
        case .table: "table"
        case .equation: "equation"
        case .listing: "code listing"
        case .callout(let k): "\(k.rawValue) callout"
        case .checklistItem: "checklist item"
        case .other: "block"
        }
    }

    static func suggestedPrefix(_ kind: TargetKind) -> String {
        switch kind {
        case .part, .chapter, .appendix, .section, .appendixSection: "sec:"
        case .figure: "fig:"
        case .table: "tbl:"
        case .equation: "eq:"
        case .listing: "lst:"
        case .callout(let k): "\(k.rawValue):"
        case .checklistItem: "item:"
        case .other: "none of the reserved prefixes"
        }
    }
}
