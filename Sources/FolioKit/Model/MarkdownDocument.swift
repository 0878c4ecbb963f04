/// One parsed Markdown file: its blocks, with footnote definitions kept apart in reference order.
public struct MarkdownDocument: Hashable, Sendable {
    public var file: String
    public var blocks: [Block]
    /// Footnote definitions, in the order of their first reference (their number is index + 1).
    public private(set) var footnotes: [Footnote]
    /// Each label's number (`Footnote.numbers`).
    public private(set) var footnoteNumbers: [String: Int]
    /// How many review marks (CriticMarkup) the file has, so that papers without any skip review work.
    public var reviewMarks = 0

    public init(file: String, blocks: [Block], footnotes: [Footnote]) {
        self.file = file
        self.blocks = blocks
        self.footnotes = footnotes
        self.footnoteNumbers = Footnote.numbers(footnotes)
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

        /// Numbers in reference order from 1, the first definition of a label winning. The one place
        /// footnotes are numbered: Parse for a single file, Resolve for each chapter of a paper.
        public static func numbers(_ notes: [Footnote]) -> [String: Int] {
            var numbers: [String: Int] = [:]
            for (i, note) in notes.enumerated() where numbers[note.label] == nil { numbers[note.label] = i + 1 }
            return numbers
        }
    }
}
