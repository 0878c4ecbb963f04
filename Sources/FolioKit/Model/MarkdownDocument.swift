/// One parsed Markdown file: its blocks, with footnote definitions kept apart in reference order.
public struct MarkdownDocument: Hashable, Sendable {
    public var file: String
    public var blocks: [Block]
    /// Footnote definitions, in the order of their first reference (their number is index + 1).
    public private(set) var footnotes: [Footnote]
    private var numberByLabel: [String: Int] = [:]

    public init(file: String, blocks: [Block], footnotes: [Footnote]) {
        self.file = file
        self.blocks = blocks
        self.footnotes = footnotes
        for (i, note) in footnotes.enumerated() where numberByLabel[note.label] == nil {
            numberByLabel[note.label] = i + 1
        }
    }

    public struct Footnote: Hashable, Sendable {
        public var label: String
        public var content: [Block]
        public var range: SourceRange
        public init(label: String, content: [Block], range: SourceRange) {
            self.label = label
            self.content = content
            self.range = range
        }
    }

    /// The footnote number (1-based) for a label, if it has a definition.
    public func footnoteNumber(for label: String) -> Int? {
        numberByLabel[label]
    }
}
