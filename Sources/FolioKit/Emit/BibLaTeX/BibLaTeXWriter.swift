/// Writes references as clean BibLaTeX, for `latex-citations: biblatex` and `folio bib export --to biblatex`.
/// Values are Unicode with LaTeX's special characters escaped, so any source (CSL-JSON too) gives a valid file.
public enum BibLaTeXWriter {
    static let types: [String: String] = [
        "article-journal": "article", "article": "article", "article-magazine": "article", "article-newspaper": "article",
        "book": "book", "chapter": "incollection", "paper-conference": "inproceedings", "report": "report",
        "thesis": "thesis", "webpage": "online", "post-weblog": "online", "document": "misc", "standard": "standard",
        "legislation": "legislation", "legal_case": "jurisdiction", "dataset": "dataset", "software": "software",
        "manuscript": "unpublished", "pamphlet": "booklet", "patent": "patent", "entry-encyclopedia": "inreference",
        "periodical": "periodical",
    ]

    public static func bib(_ refs: [Reference]) -> String {
        var out = ""
        for r in refs {
            let type = types[r.type] ?? "misc"
            out += "@\(type){\(safeKey(r.id)),\n"
            for (name, value) in fields(r, type: type) { out += "  \(name) = {\(value)},\n" }
            out += "}\n\n"
        }
        return out
    }

    static func fields(_ r: Reference, type: String) -> [(String, String)] {
        var out: [(String, String)] = []
        func add(_ name: String, _ value: String?, verbatim: Bool = false) {
            guard let v = value, !v.isEmpty else { return }
            var text = verbatim ? verbatimSafe(v) : escape(v)
            // Titles are kept as written (Folio's HTML shows them so); styles must not re-case them.
            if ["title", "shorttitle", "journaltitle", "booktitle", "series"].contains(name) { text = "{" + text + "}" }
            out.append((name, text))
        }
        if !r.author.isEmpty { out.append(("author", names(r.author))) }
        if !r.editor.isEmpty { out.append(("editor", names(r.editor))) }
        for (csl, field) in Reference.otherNameFields { if let list = r.otherNames[csl], !list.isEmpty { out.append((field, names(list))) } }
        add("title", r["title"])
        add("shorttitle", r["title-short"])
        switch type {
        case "article", "periodical": add("journaltitle", r["container-title"])
        case "incollection", "inproceedings", "inreference": add("booktitle", r["container-title"])
        default: add("journaltitle", r["container-title"])
        }
        add("series", r["collection-title"])
        add("volume", r["volume"])
        add(type == "article" ? "number" : "issue", r["issue"])
        add("number", r["number"] ?? r["collection-number"])
        add("edition", r["edition"])
        add("pages", r["page"]?.replacingOccurrences(of: "-", with: "--"))
        add(type == "report" || type == "thesis" ? "institution" : "publisher", r["publisher"])
        add("location", r["publisher-place"])
        add("eventtitle", r["event-title"])
        add("type", r["genre"])
        add("version", r["version"])
        add("isbn", r["ISBN"])
        add("issn", r["ISSN"])
        add("note", r["note"])
        if let d = r.issued { out.append(("date", date(d))) }
        if let d = r.accessed { out.append(("urldate", date(d))) }
        for (csl, field) in Reference.otherDateFields { if let d = r.otherDates[csl] { out.append((field, date(d))) } }
        add("origtitle", r["original-title"])
        add("volumes", r["number-of-volumes"])
        add("doi", r["DOI"], verbatim: true)
        add("url", r["URL"], verbatim: true)
        return out
    }

    /// A key as written when BibTeX can read it back; otherwise Folio's safe label form.
    static func safeKey(_ key: String) -> String {
        let unsafe = key.isEmpty || key.contains { $0.isWhitespace || "{}(),\"#%'=\\~".contains($0) }
        return unsafe ? LaTeXEscaping.label(key) : key
    }

    static func names(_ list: [Reference.Name]) -> String {
        list.map { n in
            if n.isOthers { return "others" }
            if n.isCorporate { return "{" + escape(n.literal) + "}" }
            func part(_ s: String) -> String {
                let e = escape(s)
                return e.contains(",") || e.lowercased().contains(" and ") ? "{\(e)}" : e
            }
            // A family name of several words, or one starting in lower case, is braced: unbraced,
            // BibTeX would read "van der Laan" as the particle "van der" and the family "Laan".
            func family(_ s: String) -> String {
                let e = escape(s)
                let split = s.contains { $0.isWhitespace } || s.first?.isLowercase == true
                return split && !e.hasPrefix("{") ? "{\(e)}" : part(s)
            }
            let last = [n.particle.isEmpty ? nil : part(n.particle), n.family.isEmpty ? nil : family(n.family)]
                .compactMap { $0 }.joined(separator: " ")
            return [last, n.suffix.isEmpty ? nil : part(n.suffix), n.given.isEmpty ? nil : part(n.given)]
                .compactMap { $0 }.joined(separator: ", ")
        }.joined(separator: " and ")
    }

    /// The date in EDTF, as biblatex reads it: `2024-05-30`, `-0099`, `1990~`, `2003/2004`, `1988/..`.
    static func date(_ d: Reference.DateValue) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func year(_ y: Int) -> String { y < 0 ? "-" + (-y).zeroPadded(4) : y.zeroPadded(4) }
        func one(_ parts: [Int]) -> String {
            guard let y = parts.first else { return "" }
            var s = year(y)
            if parts.count > 1 { s += "-" + two(parts[1]) }
            if parts.count > 2 { s += "-" + two(parts[2]) }
            return s
        }
        var s = one([d.year] + (d.month.map { [$0] + (d.day.map { [$0] } ?? []) } ?? []))
        if d.uncertain && d.approximate { s += "%" } else if d.uncertain { s += "?" } else if d.approximate { s += "~" }
        if let e = d.end { s += "/" + one(e) } else if d.openEnd { s += "/.." }
        return s
    }

    /// LaTeX's special characters as commands. Braces become `\textbraceleft{}`/`\textbraceright{}`,
    /// never `\{`: biber's parser counts every brace, escaped or not, so `\}` would end the field.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\textbraceleft{}"
            case "}": out += "\\textbraceright{}"
            case "%", "&", "#", "$", "_": out += "\\" + String(ch)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\u{A0}": out += "~"
            default: out.append(ch)
            }
        }
        return out
    }

    /// URLs and DOIs are read verbatim by biber; only braces (which would unbalance the value) are encoded.
    static func verbatimSafe(_ s: String) -> String {
        s.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")
            .replacingOccurrences(of: "\\", with: "%5C")
    }
}
