import HashTreeCollections

/// Every referenceable target in the paper, keyed so that `@fig:x`, `@Fig:x` and Quarto's `@fig-x`
/// all find `{#fig:x}` (or `{#fig-x}`).
///
/// What each id names and where it is written are kept apart, and two registries are equal when the
/// same ids name the same targets, wherever they are written: nothing a chapter resolves reads where
/// another chapter's targets are, so the preview (`ResolveCache`) can keep later chapters when an
/// edit only moves lines. Both are persistent trees, so the copy kept per chapter shares storage.
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

    /// A target without its place.
    private struct Named: Sendable, Hashable {
        var id: String
        var kind: TargetKind
        var number: String?
        var title: String?
    }

    /// Where a target is written (by canonical key).
    struct Placement: Sendable, Hashable {
        var key: String
        var location: SourceLocation
    }

    private var named: TreeDictionary<String, Named> = [:]
    private var locations: TreeDictionary<String, SourceLocation> = [:]

    public static func == (a: LabelRegistry, b: LabelRegistry) -> Bool { a.named == b.named }

    /// Whether both registries have the same targets written at the same places (`==` leaves places out).
    func samePlaces(as other: LabelRegistry) -> Bool { self == other && locations == other.locations }

    /// Every target, in no particular order.
    public var targets: [Target] { named.keys.compactMap(target(canonical:)) }

    /// Every target's canonical key.
    public var keys: [String] { Array(named.keys) }

    private func target(canonical key: String) -> Target? {
        guard let n = named[key], let location = locations[key] else { return nil }
        return Target(id: n.id, kind: n.kind, number: n.number, location: location, title: n.title)
    }

    /// The targets `other` names, keeping where this registry's are written (`place` says where).
    mutating func adoptTargets(of other: LabelRegistry) {
        named = other.named
    }

    /// Records where a target is written.
    mutating func place(_ p: Placement) {
        locations[p.key] = p.location
    }

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
        // Asked of every citation key by several passes: an ASCII key is read by its bytes. Anything
        // else (a non-ASCII prefix, or a mark that could join the separator) by characters.
        var prefix = ""
        var n = 0
        for byte in key.utf8 {
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") {
                guard key.utf8.dropFirst(n + 1).first.map({ $0 < 0x80 }) ?? true else { return reservedPrefixByCharacters(key) }
                return prefixes[prefix] != nil ? prefix : nil
            }
            guard byte < 0x80 else { return reservedPrefixByCharacters(key) }
            // Longer than every reserved prefix: none, whatever follows.
            guard n < longestPrefix else { return nil }
            prefix.unicodeScalars.append(Unicode.Scalar((0x41...0x5A).contains(byte) ? byte | 0x20 : byte))
            n += 1
        }
        return nil
    }

    private static let longestPrefix = prefixes.keys.map(\.utf8.count).max() ?? 0

    static func reservedPrefixByCharacters(_ key: String) -> String? {
        guard let sep = key.firstIndex(where: { $0 == ":" || $0 == "-" }) else { return nil }
        let prefix = key[..<sep].lowercased()
        return prefixes[prefix] != nil ? prefix : nil
    }

    /// Records a target; returns an error when the id's prefix does not fit the target's kind.
    mutating func register(_ target: Target) -> Diagnostic? {
        let key = Self.canonical(target.id)
        named[key] = Named(id: target.id, kind: target.kind, number: target.number, title: target.title)
        locations[key] = target.location
        if let prefix = Self.reservedPrefix(target.id), let allowed = Self.prefixes[prefix], !allowed.contains(target.kind) {
            return .error("label.prefix-mismatch", "'\(target.id)' has the prefix '\(prefix):' but labels a \(Self.describe(target.kind))",
                          at: target.location, notes: ["use a prefix that matches: \(Self.suggestedPrefix(target.kind))"])
        }
        return nil
    }

    public func target(_ key: String) -> Target? { target(canonical: Self.canonical(key)) }

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
