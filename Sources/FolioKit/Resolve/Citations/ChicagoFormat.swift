/// Chicago bibliography entries and notes (17th edition): the author-date reference list, the
/// notes-style bibliography, and full and short notes.
enum ChicagoFormat {
    /// A reference-list entry. `dateAfterAuthor` is the author-date form; otherwise the date closes the
    /// publication facts, as in the notes-style bibliography.
    static func entry(_ p: ReferenceParts, range: SourceRange, dateAfterAuthor: Bool) -> [Inline] {
        var t = RichText(range: range)
        let (names, byEditors) = p.creators
        if !names.isEmpty {
            t.text(NameFormat.bibliography(names))
            if byEditors { t.text(names.count > 1 ? ", eds." : ", ed.") }
            t.separate(". ")
            if dateAfterAuthor {
                t.text(p.year)
                t.separate(". ")
            }
            p.title(into: &t, closing: ".")
        } else {
            p.title(into: &t, closing: ".")
            if dateAfterAuthor {
                t.separate(" ")
                t.text(p.year)
                t.separate(". ")
            }
        }
        t.separate(" ")
        facts(p, into: &t, dateAfterAuthor: dateAfterAuthor)
        if let note = p.r["note"] {
            t.separate(". ")
            t.text(note)
        }
        t.finish()
        if let link = p.link(doiLabel: { "https://doi.org/" + $0 }) {
            t.separate(" ")
            t.link(link.url, link.label)
            t.finish()
        }
        return t.nodes
    }

    /// Container, volume, pages, publisher and (in notes style) the date, ending without punctuation.
    private static func facts(_ p: ReferenceParts, into t: inout RichText, dateAfterAuthor: Bool) {
        let r = p.r
        let date = dateAfterAuthor ? nil : (p.r.issued.map { p.isArticle ? $0.yearText : ReferenceParts.longDate($0) } ?? "n.d.")
        if p.isArticle {
            if let c = r["container-title"] { t.italic(c) }
            if let v = r["volume"] { t.text(" " + v) }
            if dateAfterAuthor {
                if let i = r["issue"] { t.text(" (\(i))") }
            } else {
                if let i = r["issue"] { t.text(", no. " + i) }
                t.text(" (\(date ?? ""))")
            }
            if let pg = p.pages { t.text(": " + pg) }
            return
        }
        var pieces: [String] = []
        if p.isPart, let c = r["container-title"] {
            t.text("In ")
            t.italic(c)
            if !r.author.isEmpty, !r.editor.isEmpty { t.text(", edited by " + NameFormat.join(r.editor.map(NameFormat.natural))) }
            if let pg = p.pages { t.text(", " + pg) }
            t.separate(". ")
        } else if !p.isPart, let c = r["container-title"] {
            pieces.append(c)
        }
        if !p.isPart, !r.author.isEmpty, !r.editor.isEmpty {
            pieces.append("Edited by " + NameFormat.join(r.editor.map(NameFormat.natural)))
        }
        if let tr = r.otherNames["translator"], !tr.isEmpty {
            pieces.append("Translated by " + NameFormat.join(tr.map(NameFormat.natural)))
        }
        if let e = r["edition"] { pieces.append(Int(e) != nil ? "\(ordinal(e)) ed" : e) }
        if let series = p.series(numberedAfter: " ") { pieces.append(series) }
        if let g = r["genre"], let n = r["number"] { pieces.append(g + " " + n) }
        else if let g = r["genre"] { pieces.append(g) }
        else if let n = r["number"] { pieces.append(n) }
        if let v = r["version"] { pieces.append("Version " + v) }
        for piece in pieces {
            t.text(piece)
            t.separate(". ")
        }
        var tail = p.placePublisher ?? ""
        if let date { tail += tail.isEmpty ? date : ", " + date }
        if !tail.isEmpty { t.text(tail) }
        if r.type == "webpage", r.issued == nil, let a = r.accessed {
            t.separate(". ")
            t.text("Accessed " + ReferenceParts.longDate(a))
        }
    }

    static func ordinal(_ s: String) -> String {
        guard let n = Int(s) else { return s }
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// The first note for a source: "Wei Ming Tan, “Title,” *Journal* 12, no. 3 (2023): 33, https://doi.org/…"
    static func fullNote(_ p: ReferenceParts, locator: String?, range: SourceRange) -> RichText {
        var t = RichText(range: range)
        let r = p.r
        let (names, byEditors) = p.creators
        if !names.isEmpty {
            t.text(NameFormat.note(names) + (byEditors ? (names.count > 1 ? ", eds." : ", ed.") : ""))
            t.text(", ")
        }
        let date = r.issued.map(ReferenceParts.longDate) ?? "n.d."
        if p.isArticle {
            p.title(into: &t, closing: ",")
            t.text(" ")
            if let c = r["container-title"] { t.italic(c) }
            if let v = r["volume"] { t.text(" " + v) }
            if let i = r["issue"] { t.text(", no. " + i) }
            t.text(" (\(r.issued.map(\.yearText) ?? "n.d."))")
            if let loc = locator ?? p.pages { t.text(": " + loc) }
        } else if r.type == "webpage" || r.type == "post-weblog" {
            p.title(into: &t, closing: ",")
            let site = [r["container-title"] ?? r["publisher"], date].compactMap { $0 }
            t.text(" " + site.joined(separator: ", "))
            if let loc = locator { t.text(", " + loc) }
        } else {
            let number = r["number"]
            p.title(into: &t, closing: p.isPart || number != nil ? "," : "")
            if p.isPart, let c = r["container-title"] {
                t.text(" in ")
                t.italic(c)
                if !r.author.isEmpty, !r.editor.isEmpty { t.text(", ed. " + NameFormat.join(r.editor.map(NameFormat.natural))) }
            }
            if let number { t.text(" " + number) }
            let genre = r["genre"] ?? (r.type == "manuscript" ? "unpublished manuscript" : nil)
            let paren = [p.series(numberedAfter: " "), genre, p.placePublisher, date].compactMap { $0 }
            t.text(" (" + paren.joined(separator: ", ") + ")")
            if let loc = locator { t.text(", " + loc) }
        }
        if let link = p.link(doiLabel: { "https://doi.org/" + $0 }) {
            t.text(", ")
            t.link(link.url, link.label)
        }
        return t
    }

    /// Later notes: "Tan, Smith, and Kumar, “Short Title,” 33." `end` is the punctuation that closes
    /// the note, which goes inside the quotation marks.
    static func shortNote(_ p: ReferenceParts, locator: String?, end: String, range: SourceRange) -> RichText {
        var t = RichText(range: range)
        let names = p.creators.names
        if !names.isEmpty { t.text(NameFormat.short(names) + ", ") }
        let closing = locator == nil ? end : ","
        if p.isQuoted { t.quoted(p.shortTitle, closing: closing) } else { t.italic(p.shortTitle); t.text(closing) }
        if let loc = locator { t.text(" " + loc) }
        return t
    }
}
