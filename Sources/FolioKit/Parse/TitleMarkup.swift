/// Markdown in a title written as a YAML string (the manifest's `title:`/`subtitle:`, a chapter's
/// front matter `title:`), as pandoc reads its metadata: `` `pkg`: a *fast* parser `` prints code and
/// emphasis in both outputs, with the chapters' smart punctuation. A title that is not one paragraph
/// of inline markup (a list marker, a heading) stays the text as written; a construct a title cannot
/// hold (a citation, a footnote, an image) is printed as written with the warning `title.markup`.
enum TitleMarkup {
    /// The bytes that may start markup or smart punctuation; a title without any is plain text.
    private static let markers: Set<UInt8> = Set("*_`$[~<\\@^\"'-.&".utf8)

    static func inlines(_ text: String, at location: SourceLocation?) -> (inlines: [Inline], diagnostics: [Diagnostic]) {
        let start = location ?? SourceLocation(file: "", line: 1, column: 1)
        let range = SourceRange(start: start, endLine: start.line, endColumn: start.column + text.count)
        let plain = [Inline(.text(text), range: range)]
        guard text.utf8.contains(where: markers.contains), !text.contains("\n\n") else { return (plain, []) }
        let (doc, found) = CmarkParser.parse(text, file: start.file, lineOffset: start.line - 1, rawTeX: .warning, smart: true)
        guard found.isEmpty, doc.footnotes.isEmpty, doc.blocks.count == 1, case .paragraph(let content) = doc.blocks[0].kind else {
            return (plain, [])
        }
        if let odd = firstUnsupported(content) {
            return (plain, [.warning("title.markup", "a title holds \(odd), which Folio does not read there; it is printed as written",
                                     at: start, notes: ["titles take emphasis, strong, code, math, links and spans; move the rest into the text"])])
        }
        return (content, [])
    }

    private static func firstUnsupported(_ list: [Inline]) -> String? {
        for node in list {
            switch node.kind {
            case .text, .softBreak, .lineBreak, .code, .math: continue
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .span(_, let c):
                if let odd = firstUnsupported(c) { return odd }
            case .citation, .formattedCitation: return "a citation"
            case .footnoteReference: return "a footnote"
            case .image: return "an image"
            case .html, .raw: return "raw markup"
            case .review: return "a review mark"
            }
        }
        return nil
    }
}
