/// Raw TeX commands in prose (`\autoref{fig:x}`, `\cite{k}`, `\newpage`), as papers written for
/// pandoc and LaTeX have them. Cross-references and citations become Folio's own (`\autoref{fig:x}`
/// is `@fig:x`, `\ref{fig:x}` its number, `\citet{k}` is `@k`, `\cite{a,b}` is `[@a; @b]`, and
/// `\label{fig:x}` in a caption or heading is its `{#fig:x}`); every
/// other command is a located error that says what to write instead, never TeX printed as text.
extension MarkdownPreprocessor {
    /// Handles a command at `i` (a backslash before a letter); returns where scanning goes on.
    mutating func texCommand(_ i: Int, _ end: Int) -> Int {
        var j = i + 1
        while j < end, j - i <= 40, isLetter(b[j]) { j += 1 }
        let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
        var argument: String?
        var to = j
        if j < end, b[j] == UInt8(ascii: "{"), let close = b[j..<min(end, j + 512)].firstIndex(of: UInt8(ascii: "}")),
           !b[j..<close].contains(0x0A) {
            argument = String(decoding: b[(j + 1)..<close], as: UTF8.self)
            to = close + 1
        }
        let at = location(i)
        let keys = (argument ?? "").split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        // LaTeX allows spaces in labels (`\label{fig:my fig}`), Folio's ids do not: each run of them is a
        // hyphen, in `\label` and in `\ref` alike, so the two still meet.
        func labelKey(_ k: String) -> String { k.split(whereSeparator: \.isWhitespace).joined(separator: "-") }
        func group(inText: Bool, numberOnly: Bool, labels: Bool = false) -> CitationGroup {
            let items = (labels ? keys.map(labelKey) : keys).map { CitationGroup.Item(key: $0, prefix: "", suffix: "", suppressAuthor: numberOnly, location: at) }
            return CitationGroup(items: items, inText: inText, source: String(decoding: b[i..<to], as: UTF8.self))
        }
        func refuse() -> Int {
            diagnostics.append(Diagnostic(rawTeX, "tex.raw-command", "raw TeX '\\\(name)' in the text: Folio does not pass TeX through, and would print it as written",
                                          range: SourceRange(start: at, endLine: at.line, endColumn: at.column + (to - i) - 1),
                                          notes: [.init(Self.instead(name, argument))]))
            return to
        }
        switch name {
        case _ where argument == nil && LayoutCommand(command: name) != nil && aloneInParagraph(i, to):
            if let command = LayoutCommand(command: name) { replace(i, to, .layout(command)) }
            return to
        case "listof" where ["fig", "tbl", "lst"].contains(argument ?? "") && aloneInParagraph(i, to):
            // pandoc-crossref's \listof{fig}, \listof{tbl}, \listof{lst}.
            let kind: PaperWords.Kind = argument == "fig" ? .figure : argument == "tbl" ? .table : .listing
            replace(i, to, .layout(.list(kind)))
            return to
        case "begin" where Self.mathEnvironments[argument ?? ""] != nil:
            if let (close, tex, id) = mathEnvironment(argument ?? "", from: to, end: end) {
                replace(i, close, .math(display: true, tex: tex, attributes: id.map { Attributes(id: $0) }))
                return close
            }
            return refuse()
        case _ where (argument ?? "").isEmpty && Self.textCommands[name] != nil:
            // `\LaTeX` and `\LaTeX{}` alike: the braces only keep the space after it in TeX.
            replace(i, to, .text(Self.textCommands[name] ?? name))
            return to
        case "label" where keys.count == 1 && !keys[0].contains("{"):
            replace(i, to, .label(labelKey(keys[0])))
            return to
        case "autoref", "cref", "Cref", "ref", "eqref" where !keys.isEmpty:
            replace(i, to, .citation(group(inText: true, numberOnly: name == "ref" || name == "eqref", labels: true)))
            return to
        case "cite", "citep", "parencite", "autocite" where !keys.isEmpty:
            replace(i, to, .citation(group(inText: false, numberOnly: false)))
            return to
        case "citet", "textcite" where !keys.isEmpty:
            replace(i, to, .citation(group(inText: true, numberOnly: false)))
            return to
        default:
            return refuse()
        }
    }

    /// Commands that only stand for text: TeX's logos, printed as their names in both outputs, and dots.
    static let textCommands: [String: String] = [
        "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "XeTeX": "XeTeX", "XeLaTeX": "XeLaTeX",
        "LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX", "ldots": "…", "dots": "…", "textellipsis": "…",
    ]

    /// LaTeX's display math environments, as pandoc reads them in Markdown: the environment each becomes
    /// inside `$$…$$` (nil: its content as it is).
    static let mathEnvironments: [String: String?] = [
        "equation": nil, "equation*": nil, "displaymath": nil,
        "align": "aligned", "align*": "aligned", "flalign": "aligned", "flalign*": "aligned",
        "gather": "gathered", "gather*": "gathered", "multline": "gathered", "multline*": "gathered",
    ]

    /// `\begin{align} … \end{align}` from `from` (after `\begin{…}`): where it ends, its TeX as display
    /// math, and the id of a `\label{…}` inside it (a numbered equation). nil when it is not closed.
    private func mathEnvironment(_ name: String, from: Int, end: Int) -> (Int, String, String?)? {
        let closer = Array("\\end{\(name)}".utf8)
        var k = from
        while k + closer.count <= end {
            if b[k] == closer[0], b[k..<(k + closer.count)].elementsEqual(closer) { break }
            k += 1
        }
        guard k + closer.count <= end else { return nil }
        var body = String(decoding: b[from..<k], as: UTF8.self)
        var id: String?
        if let l = body.range(of: "\\label{"), let r = body[l.upperBound...].firstIndex(of: "}") {
            id = String(body[l.upperBound..<r]).trimmingWhitespace()
            body.removeSubrange(l.lowerBound...r)
        }
        body = body.trimmingWhitespaceAndNewlines()
        let tex = (Self.mathEnvironments[name] ?? nil).map { "\\begin{\($0)}\n\(body)\n\\end{\($0)}" } ?? body
        return (k + closer.count, tex, id?.isEmpty == false ? id : nil)
    }

    func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// What to write instead of a command, in Markdown.
    static func instead(_ name: String, _ argument: String?) -> String {
        let arg = argument ?? "…"
        switch name {
        case "label": return "write {#\(arg)} after the heading, the image or the table caption it names"
        case "newpage", "pagebreak", "clearpage":
            return "put \\\(name) on a line of its own, with a blank line before and after it: it is then a page break in the PDF and in print"
        case "cleardoublepage": return "write \\clearpage on a line of its own (chapters start on a new page in the PDF)"
        case "tableofcontents": return "put it on a line of its own, or remove it: the contents are always generated"
        case "listof" where argument.map { !["fig", "tbl", "lst"].contains($0) } ?? false:
            return "Folio lists figures, tables and listings only (\\listof{fig}, {tbl} or {lst}); there is no list of '\(arg)', so remove it"
        case "listoffigures", "listoftables", "listoflistings", "listof":
            return "put it on a line of its own (\\listof takes fig, tbl or lst), or list the floats in folio.yaml: 'crossref: lists: [figures, tables]'"
        case "newcommand", "renewcommand", "DeclareMathOperator", "def":
            return "define math macros in folio.yaml, as in 'math-macros: {R: \\mathbb{R}, Var: \\operatorname{Var}}'"
        case "begin", "end":
            return "math environments (equation, align, gather, multline) are read as display math when \\begin and \\end close in one paragraph; write anything else in Markdown"
        case "textbf": return "write **\(arg)**"
        case "emph", "textit": return "write *\(arg)*"
        case "texttt": return "write `\(arg)`"
        case "url": return "write <\(arg)>"
        case "href": return "write [text](\(arg))"
        case "footnote": return "write a footnote: text[^1] and, on its own line, [^1]: \(arg)"
        default: return "write it in Markdown, put TeX in $…$ if it is math, or escape the backslash (\\\\\(name)) to print it"
        }
    }
}
