/// The manifest's citation settings: `citation-style`, `references`, `nocite`, `latex-citations`.
public struct CitationOptions: Sendable, Hashable {
    public enum Style: String, Sendable, Hashable, CaseIterable {
        /// Chicago author-date: (Tan, Smith, and Kumar 2023, 33).
        case authorDate = "author-date"
        /// IEEE-like: [3], [3, p. 33], [1]–[4], numbered by first citation.
        case numeric
        /// Chicago notes: each citation a footnote, full form first, short form after.
        case notes
    }

    /// How the LaTeX output cites: Folio's formatted text (default) or biblatex commands.
    public enum LaTeXMode: String, Sendable, Hashable, CaseIterable {
        case formatted, biblatex
    }

    public var style: Style = .authorDate
    /// The title of the generated references chapter.
    public var referencesTitle = "References"
    /// Keys listed without being cited; `*` lists every entry.
    public var nocite: [(key: String, location: SourceLocation)] = []
    public var latex: LaTeXMode = .formatted

    public init() {}

    public var nociteAll: Bool { nocite.contains { $0.key == "*" } }

    public static func == (a: CitationOptions, b: CitationOptions) -> Bool {
        a.style == b.style && a.referencesTitle == b.referencesTitle && a.latex == b.latex
            && a.nocite.map(\.key) == b.nocite.map(\.key)
    }

    public func hash(into h: inout Hasher) {
        h.combine(style)
        h.combine(referencesTitle)
        h.combine(latex)
        h.combine(nocite.map(\.key))
    }
}
