/// Complete LaTeX documents: the whole paper (`book` class) or one standalone file (`article`).
public enum LaTeXDocument {
    public static func standalone(title: String, body: String, reviewMarks: Bool = false) -> String {
        LaTeXPreamble.text(documentClass: "article", lang: "en", title: LaTeXEscaping.text(title), authors: "")
            + (reviewMarks ? LaTeXPreamble.review : "") + "\\begin{document}\n\n" + body + "\\end{document}\n"
    }

    /// The paper as one `.tex` file.
    public static func paper(_ paper: ResolvedPaper, jobs: Int = 1) -> (output: String, diagnostics: [Diagnostic]) {
        let sink = TextSink()
        let diagnostics = self.paper(paper, to: sink, jobs: jobs)
        return (sink.text, diagnostics)
    }

    /// The document written into `sink` a chapter at a time (rendered on `jobs` threads,
    /// `ChaptersInOrder`); the diagnostics of the writing.
    public static func paper(_ paper: ResolvedPaper, to sink: TextSink, jobs: Int = 1) -> [Diagnostic] {
        let m = paper.manifest
        let e = LaTeXEscaping.text
        var out = LaTeXPreamble.text(documentClass: "book", lang: m.lang, title: e(m.plainTitle),
                                     authors: m.authors.map { e($0.name) }.joined(separator: "; "),
                                     subject: e(m.subject ?? (m.subtitleInlines.isEmpty ? m.subtitle : m.subtitleInlines.plainText) ?? ""), keywords: m.keywords.map(e).joined(separator: ", "))
        if let p = paper.provenance { out += LaTeXStamp.preamble(p, manifest: m) }
        if paper.reviewMarks > 0 { out += LaTeXPreamble.review }
        if m.citations.latex == .biblatex { out += biblatexPreamble(m.citations.style) }
        out += "\\counterwithout{figure}{chapter}\n\\counterwithout{footnote}{chapter}\n"
        out += "\\setcounter{secnumdepth}{5}\n\\setcounter{tocdepth}{1}\n\n\\begin{document}\n"
        out += captionNames(m.words) + "\n"
        var diagnostics: [Diagnostic] = []
        out += titlePage(m, provenance: paper.provenance, diagnostics: &diagnostics)
        out += "\\frontmatter\n\\tableofcontents\n"
        for kind in paper.floatLists {
            switch kind {
            case .figure: out += "\\listoffigures\n"
            case .table: out += "\\listoftables\n"
            case .listing: out += "\\listoffolioListings\n"
            default: break
            }
        }
        out += "\\mainmatter\n\n"

        var options = LaTeXRenderer.Options()
        options.paperHeadings = true
        let assets = paper.assets
        options.assetPath = { assets[$0]?.latexPath }
        options.knownIDs = paper.labelIDs
        options.hyperTargets = paper.hyperTargets
        options.biblatex = m.citations.latex == .biblatex
        options.words = m.words
        options.rawLaTeX = m.rawLaTeX
        var inAppendix = false
        var afterParts = false
        ChaptersInOrder.render(paper.entries, jobs: jobs, { [options] _, ch in chapter(ch, options: options) }) { _, entry, chapter in
            switch entry {
            case .part(let part):
                out += "\\setcounter{part}{\(part.ordinal - 1)}\n"
                out += "\\part{\(e(part.title))}\\label{\(LaTeXEscaping.label(part.id))}\n\n"
                afterParts = true
            case .chapter(let ch):
                if ch.matter == .appendix && !inAppendix {
                    inAppendix = true
                    out += "\\appendix\n\\bookmarksetup{startatroot}\n\n"
                } else if ch.matter == .back && afterParts {
                    afterParts = false
                    out += "\\bookmarksetup{startatroot}\n\n"
                }
                sink.write(out)
                out = ""
                sink.write(chapter?.text ?? "")
                diagnostics += chapter?.diagnostics ?? []
            }
        }
        out += "\\end{document}\n"
        sink.write(out)
        return diagnostics
    }

    /// One chapter: its heading, then its blocks.
    private static func chapter(_ ch: ResolvedChapter, options: LaTeXRenderer.Options) -> (text: String, diagnostics: [Diagnostic]) {
        var r = LaTeXRenderer(options: options, footnotes: ch.footnotes, numbers: ch.footnoteNumbers)
        r.out.reserveCapacity(ch.blocks.count * 200)
        r.deferFootnotes += 1
        let title = r.rendered { $0.inlines(ch.title) }
        r.deferFootnotes -= 1
        let tocTitle = r.rendered { $0.inlines(ch.title.forTableOfContents) }
        if let ordinal = ch.ordinal {
            r.out += "\\setcounter{chapter}{\(ordinal - 1)}\n"
            r.out += "\\chapter[\(tocTitle)]{\(title)}\\label{\(LaTeXEscaping.label(ch.id))}\n\n"
        } else {
            r.out += "\\chapter*{\(title)}\\phantomsection\\addcontentsline{toc}{chapter}{\(tocTitle)}"
            r.out += "\\markboth{\(tocTitle)}{\(tocTitle)}\\label{\(LaTeXEscaping.label(ch.id))}\n\n"
        }
        r.flushFootnotes()
        r.blocks(ch.blocks)
        return (r.out, r.diagnostics)
    }

    static func titlePage(_ m: Manifest, provenance: Provenance?, diagnostics: inout [Diagnostic]) -> String {
        let e = LaTeXEscaping.text
        /// A title's Markdown, or the string escaped when it has none.
        func markup(_ inlines: [Inline], else text: String) -> String {
            guard !inlines.isEmpty else { return e(text) }
            var r = LaTeXRenderer(options: LaTeXRenderer.Options(), footnotes: [], numbers: [:])
            r.inlines(inlines)
            diagnostics += r.diagnostics
            return r.out
        }
        var out = "\\begin{titlepage}\n\\centering\n\\vspace*{3cm}\n"
        out += "{\\Huge\\bfseries \(markup(m.titleInlines, else: m.title))\\par}\n"
        if let s = m.subtitle { out += "\\vspace{0.6cm}\n{\\Large \(markup(m.subtitleInlines, else: s))\\par}\n" }
        out += "\\vspace{1.5cm}\n"
        for a in m.authors {
            out += "{\\large \(e(a.name))\\par}\n"
            for aff in a.affiliations { out += "{\\small\\itshape \(e(aff))\\par}\n" }
            out += "\\vspace{0.5cm}\n"
        }
        out += "\\vfill\n"
        let line = [m.version.map { e(m.words.phrase(.version, $0)) }, m.date.map(e)].compactMap { $0 }.joined(separator: " \\textperiodcentered{} ")
        if !line.isEmpty { out += "{\\small \(line)\\par}\n" }
        if let p = provenance { out += "\\vspace{0.3cm}\n" + LaTeXStamp.titleLine(p, manifest: m) }
        out += "\\end{titlepage}\n\n"
        if let abstract = m.abstract {
            out += "\\chapter*{\(e(m.words.phrase(.abstract)))}\n"
            for para in abstract.split(separator: "\n\n") { out += e(String(para)) + "\n\n" }
        }
        return out
    }

    /// Caption and list names in the paper's words (set after `\begin{document}`, where babel has set its own).
    static func captionNames(_ w: PaperWords) -> String {
        let e = LaTeXEscaping.text
        return "\\renewcommand{\\figurename}{\(e(w.singular(.figure)))}\\renewcommand{\\tablename}{\(e(w.singular(.table)))}"
            + "\\renewcommand{\\listfigurename}{\(e(w.phrase(.listOf, w.plural(.figure))))}"
            + "\\renewcommand{\\listtablename}{\(e(w.phrase(.listOf, w.plural(.table))))}"
            + "\\renewcommand{\\contentsname}{\(e(w.phrase(.contents)))}"
            + "\\renewcommand{\\partname}{\(e(w.singular(.part)))}\\renewcommand{\\chaptername}{\(e(w.singular(.chapter)))}"
            + "\\renewcommand{\\appendixname}{\(e(w.singular(.appendix)))}"
            + "\\renewcommand{\\folioListingname}{\(e(w.singular(.listing)))}"
            + "\\renewcommand{\\listfolioListingname}{\(e(w.phrase(.listOf, w.plural(.listing))))}\n"
            + headingLabels(w)
    }

    /// Chapter, appendix and part headings labelled with the paper's phrases ("Chapter 3", "第3章"),
    /// as the HTML labels them, instead of the class's "name number".
    static func headingLabels(_ w: PaperWords) -> String {
        func label(_ phrase: PaperWords.Phrase, _ counter: String) -> String {
            w.phrase(phrase, "\u{0}").components(separatedBy: "\u{0}").map(LaTeXEscaping.text).joined(separator: counter)
        }
        return "\\makeatletter\\def\\folio@appname{\\appendixname}"
            + "\\newcommand{\\folioChapterLabel}{\\ifx\\@chapapp\\folio@appname \(label(.appendixLabel, "\\thechapter{}"))"
            + "\\else \(label(.chapterLabel, "\\thechapter{}"))\\fi}"
            + "\\newcommand{\\folioPartLabel}{\(label(.partLabel, "\\thepart{}"))}"
            + "\\patchcmd{\\@makechapterhead}{\\@chapapp\\space \\thechapter}{\\folioChapterLabel}{}{}"
            // nameref keeps the class's \\@part as \\NR@part; whichever holds the label is patched.
            + "\\patchcmd{\\@part}{\\partname\\nobreakspace\\thepart}{\\folioPartLabel}{}{}"
            + "\\ifdefined\\NR@part\\patchcmd{\\NR@part}{\\partname\\nobreakspace\\thepart}{\\folioPartLabel}{}{}\\fi\\makeatother\n"
    }

    /// The bibliography file written beside `paper.tex` in biblatex mode.
    public static let bibliographyFile = "references.bib"

    static func biblatexPreamble(_ style: CitationOptions.Style) -> String {
        let name = switch style {
        case .authorDate: "authoryear-comp"
        case .numeric: "ieee"
        case .notes: "verbose-note"
        }
        return "\\usepackage{csquotes}\n\\usepackage[backend=biber,style=\(name)]{biblatex}\n\\addbibresource{\(bibliographyFile)}\n"
    }

    /// The cited (and `nocite`d) entries as clean BibLaTeX, keys made safe for LaTeX.
    public static func biblatexFile(_ paper: ResolvedPaper) -> String {
        let listed = Set(paper.listedReferences)
        let refs = paper.bibliography.references.filter { listed.contains($0.id) }.map { r -> Reference in
            var safe = r
            safe.id = LaTeXEscaping.label(r.id)
            return safe
        }
        return BibLaTeXWriter.bib(refs)
    }
}
