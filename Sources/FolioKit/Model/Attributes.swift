/// Pandoc-style attributes `{#id .class key=value}` attached to a node.
public struct Attributes: Hashable, Sendable {
    public var id: String?
    public var classes: [String]
    /// Key-value pairs in source order; keys may repeat only if the author repeats them.
    public var pairs: [(key: String, value: String)]

    public init(id: String? = nil, classes: [String] = [], pairs: [(key: String, value: String)] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    public var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty }

    public subscript(key: String) -> String? {
        pairs.last(where: { $0.key == key })?.value
    }

    public static func == (a: Attributes, b: Attributes) -> Bool {
        a.id == b.id && a.classes == b.classes
            && a.pairs.map(\.key) == b.pairs.map(\.key) && a.pairs.map(\.value) == b.pairs.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(classes)
        for p in pairs { hasher.combine(p.key); hasher.combine(p.value) }
    }
}
