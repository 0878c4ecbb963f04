/// One bracketed citation `[see @a, p. 33; -@b]` or one in-text `@a [p. 4]`, as written.
public struct CitationGroup: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        /// The key without `@` (and without braces for `@{odd.key}`).
        public var key: String
        public var prefix: String
        /// Everything after the key, e.g. `, pp. 33–35` or `chap. 2`.
        public var suffix: String {
            didSet { locator = Self.locator(suffix) }
        }
        /// `-@key`: the author (or the "Figure" word) is left out.
        public var suppressAuthor: Bool
        public var location: SourceLocation
        /// The suffix's locator, parsed once with the suffix (when the chapter is parsed, on all cores,
        /// rather than in the citation pass, which runs on one).
        public private(set) var locator: Locator?

        public init(key: String, prefix: String, suffix: String, suppressAuthor: Bool, location: SourceLocation) {
            self.key = key
            self.prefix = prefix
            self.suffix = suffix
            self.suppressAuthor = suppressAuthor
            self.location = location
            locator = Self.locator(suffix)
        }

        private static func locator(_ suffix: String) -> Locator? { suffix.isEmpty ? nil : Locator.parse(suffix) }
    }

    public var items: [Item]
    /// `@key` written in the running text rather than in brackets.
    public var inText: Bool
    /// The source text, for messages and for showing an unresolved group as written.
    public var source: String

    public init(items: [Item], inText: Bool, source: String) {
        self.items = items
        self.inText = inText
        self.source = source
    }
}
