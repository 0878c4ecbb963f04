/// A block node of Folio's document model.
public struct Block: Hashable, Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Hashable, Sendable {
        case paragraph([Inline])
        case heading(Heading)
        case blockQuote([Block])
        case list(ListBlock)
        case codeBlock(info: String, literal: String)
        case html(String)
        case thematicBreak
        case table(Table)
        case footnoteDefinition(label: String, content: [Block])
        /// An image alone in its paragraph, made a numbered figure by the Resolve stage.
        case figure(Figure)
        /// Display math alone in its paragraph: `$$ ... $$ {#eq:id}`.
        case equation(Equation)
        /// A fenced code block with a caption or a `#lst:` id.
        case listing(Listing)
        /// A note, tip, important, warning or caution box (GitHub alert or `.callout-*` div).
        case callout(Callout)
        /// A fenced div `::: {#id .class}` that is not a callout.
        case div(attributes: Attributes, content: [Block])
        /// The formatted bibliography, made by the Resolve stage.
        case bibliography(BibliographyList)
        /// pandoc's raw attribute block (```` ```{=latex} ````): text for one output format only.
        case raw(format: String, text: String)
        /// A layout command alone in its paragraph (`\newpage`, `\listoffigures`).
        case layout(LayoutCommand)
    }
}

/// The output a raw attribute (`{=latex}`, `{=html}`) is for.
public enum RawFormat: Sendable {
    case html, latex

    /// `html`, `html5`, `html4` are HTML; `latex` and `tex` are LaTeX; any other format is none of Folio's outputs.
    public init?(_ name: String) {
        switch name.lowercased() {
        case "html", "html5", "html4": self = .html
        case "latex", "tex": self = .latex
        default: return nil
        }
    }
}

/// The harmless LaTeX layout commands Folio maps to both writers.
public enum LayoutCommand: Hashable, Sendable {
    /// `\newpage`, `\pagebreak` or `\clearpage`: the command's name.
    case pageBreak(String)
    /// `\listoffigures`, `\listoftables`: the list joins the paper's lists (as `lists:` in folio.yaml).
    case list(PaperWords.Kind)
    /// `\tableofcontents`: the contents, which every paper has already.
    case contents

    /// The command for a name, or nil.
    public init?(command: String) {
        switch command {
        case "newpage", "pagebreak", "clearpage": self = .pageBreak(command)
        case "listoffigures": self = .list(.figure)
        case "listoftables": self = .list(.table)
        case "listoflistings": self = .list(.listing)
        case "tableofcontents": self = .contents
        default: return nil
        }
    }
}

/// A heading with its level (1–6), content and `{#id .class key=value}` attributes.
public struct Heading: Hashable, Sendable {
    public var level: Int
    public var content: [Inline]
    public var attributes: Attributes
    /// The number shown before the heading ("2.3"), set by the Resolve stage; nil when unnumbered.
    public var number: String?
    /// The level as the author wrote it (`###` is 3); Resolve sets `level` to the level in the paper.
    public var writtenLevel: Int
    /// The counters behind `number`, below the chapter ("2.3.1" is [3, 1]), set by Resolve.
    public var counters: [Int] = []

    public init(level: Int, content: [Inline], attributes: Attributes = Attributes(), number: String? = nil) {
        self.level = level
        self.writtenLevel = level
        self.content = content
        self.attributes = attributes
        self.number = number
    }
}

/// A numbered figure: an image with its caption.
public struct Figure: Hashable, Sendable {
    public var source: String
    public var title: String
    public var caption: [Inline]
    public var attributes: Attributes
    public var number: String
    /// The float counter behind `number` ("3.2" is 2), set by Resolve.
    public var ordinal = 0
    /// pandoc-crossref's subfigures (`::: {#fig:x}` holding images): numbered "3.2a", "3.2b"; the
    /// figure itself then has no image (`source` is empty) and its caption is the group's.
    public var subfigures: [Figure] = []
    /// Where a subfigure's image stands (a figure of its own is located by its block).
    public var location: SourceLocation?

    /// A subfigure's letter ("a") from its number and its group's ("3.2a" in "3.2").
    public func letter(of sub: Figure) -> String { sub.number.hasPrefix(number) ? String(sub.number.dropFirst(number.count)) : sub.number }

    public init(source: String, title: String, caption: [Inline], attributes: Attributes, number: String) {
        self.source = source
        self.title = title
        self.caption = caption
        self.attributes = attributes
        self.number = number
    }
}

/// A bullet or ordered list.
public struct ListBlock: Hashable, Sendable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [ListItem]

    public init(ordered: Bool, start: Int, tight: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

/// One list item; `task` is nil for ordinary items and the checked state for task-list items.
public struct ListItem: Hashable, Sendable {
    public var task: Bool?
    public var content: [Block]
    public var range: SourceRange

    public init(task: Bool?, content: [Block], range: SourceRange) {
        self.task = task
        self.content = content
        self.range = range
    }
}

/// A table: a header row (no cells when it has none), body rows, per-column alignment and, for
/// pandoc's multiline and grid tables, relative column widths.
public struct Table: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case none, left, center, right }

    public struct Row: Hashable, Sendable {
        public var cells: [[Inline]]
        public var range: SourceRange
        public init(cells: [[Inline]], range: SourceRange) {
            self.cells = cells
            self.range = range
        }
    }

    public var alignments: [Alignment]
    /// Each column's share of the line width (pandoc's multiline and grid tables); nil: the writer chooses.
    public var widths: [Double]?
    public var header: Row
    public var rows: [Row]
    /// From a `: Caption {#tbl:id}` paragraph next to the table; nil when it has none.
    public var caption: [Inline]?
    public var attributes: Attributes
    /// Set by Resolve for captioned tables, with the counter behind it ("3.2" is 2).
    public var number: String?
    public var ordinal = 0

    public init(alignments: [Alignment], header: Row, rows: [Row], caption: [Inline]? = nil,
                attributes: Attributes = Attributes(), number: String? = nil) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.caption = caption
        self.attributes = attributes
        self.number = number
    }
}
