/// Formats references outside a paper: every entry in a style, with its full and short notes.
/// Used by the fuzzer and handy for checking a bibliography's look.
public enum CitationFormatting {
    public static func sample(_ refs: [Reference], style: CitationOptions.Style) -> [[Inline]] {
        refs.map { r in
            let p = ReferenceParts(r: r)
            let range = SourceRange(start: r.location, endLine: r.location.line, endColumn: r.location.column)
            switch style {
            case .authorDate: return ChicagoFormat.entry(p, range: range, dateAfterAuthor: true)
            case .numeric: return IEEEFormat.entry(p, range: range)
            case .notes:
                return ChicagoFormat.entry(p, range: range, dateAfterAuthor: false)
                    + ChicagoFormat.fullNote(p, locator: "12", range: range).nodes
                    + ChicagoFormat.shortNote(p, locator: nil, end: ".", range: range).nodes
            }
        }
    }
}
