/// Display math with an optional label; `number` is set by Resolve when it is labelled.
public struct Equation: Hashable, Sendable {
    public var tex: String
    public var attributes: Attributes
    public var number: String?

    public init(tex: String, attributes: Attributes, number: String? = nil) {
        self.tex = tex
        self.attributes = attributes
        self.number = number
    }
}

/// A code listing with a caption.
public struct Listing: Hashable, Sendable {
    public var language: String
    public var literal: String
    public var caption: [Inline]
    public var attributes: Attributes
    public var number: String?
    /// The float counter behind `number` ("3.2" is 2), set by Resolve.
    public var ordinal = 0

    public init(language: String, literal: String, caption: [Inline], attributes: Attributes, number: String? = nil) {
        self.language = language
        self.literal = literal
        self.caption = caption
        self.attributes = attributes
        self.number = number
    }
}

/// A callout box. `number` is set by Resolve for callouts with an id.
public struct Callout: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case note, tip, important, warning, caution
    }

    public var kind: Kind
    public var title: [Inline]
    public var attributes: Attributes
    public var content: [Block]
    public var number: String?

    public init(kind: Kind, title: [Inline], attributes: Attributes, content: [Block], number: String? = nil) {
        self.kind = kind
        self.title = title
        self.attributes = attributes
        self.content = content
        self.number = number
    }
}

/// The formatted bibliography: one entry per reference, in the style's order.
public struct BibliographyList: Hashable, Sendable {
    public struct Backlink: Hashable, Sendable {
        /// The id of the citation's anchor.
        public var id: String
        /// What the link shows: "§2.1" for the section the citation is in, or an unnumbered chapter's title.
        public var label: String
    }

    public struct Entry: Hashable, Sendable {
        /// The anchor citations link to, `ref-KEY`.
        public var id: String
        /// "[3]" in the numeric style; nil in styles with hanging indents only.
        public var label: String?
        public var content: [Inline]
        public var backlinks: [Backlink]
    }

    public var entries: [Entry]

    public static func backlinkText(_ label: String) -> String { label.isEmpty ? "↩" : label }

    /// Words for the back-link line ("Cited in").
    public var citedIn: String
}
