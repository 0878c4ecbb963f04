/// IEEE reference-list entries for the numeric style.
enum IEEEFormat {
    static func entry(_ p: ReferenceParts, range: SourceRange) -> [Inline] {
        var t = RichText(range: range)
        let r = p.r
        let (names, byEditors) = p.creators
        if !names.isEmpty {
            t.text(NameFormat.ieee(names) + (byEditors ? (names.count > 1 ? ", Eds." : ", Ed.") : ""))
            t.text(", ")
        }
        p.title(into: &t, closing: ",")
        var pieces: [String] = []
        var container: String?
        if let c = r["container-title"] { container = c }
        if let c = container {
            t.text(" ")
            if p.isPart { t.text("in ") }
            t.italic(c)
            if p.isPart, !r.author.isEmpty, !r.editor.isEmpty {
                t.text(", " + NameFormat.ieee(r.editor) + (r.editor.count > 1 ? ", Eds." : ", Ed."))
            }
            t.text(",")
        }
        if let e = r["edition"] { pieces.append(Int(e) != nil ? "\(ChicagoFormat.ordinal(e)) ed." : e) }
        if let v = r["volume"] { pieces.append("vol. " + v) }
        if let i = r["issue"] { pieces.append("no. " + i) }
        if !p.isArticle {
            if let pub = r["publisher"], !(r.author.count == 1 && r.author.first?.literal == pub) { pieces.append(pub) }
            if let place = r["publisher-place"] { pieces.append(place) }
        }
        if let g = r["genre"] { pieces.append(g) }
        if let n = r["number"] { pieces.append(r.type == "report" && Int(n) != nil ? "Rep. " + n : n) }
        if let series = p.series(numberedAfter: ", no. ") { pieces.append(series) }
        if let pg = p.pages { pieces.append((pg.contains("–") ? "pp. " : "p. ") + pg) }
        pieces.append(r.issued.map(ReferenceParts.shortDate) ?? "n.d.")
        if let note = r["note"] { pieces.append(note) }
        t.text(" " + pieces.joined(separator: ", "))
        if let doi = r["DOI"] {
            t.text(", doi: ")
            t.link("https://doi.org/" + doi, doi)
            t.text(".")
        } else if let url = r["URL"] {
            t.finish()
            if let a = r.accessed { t.text(" Accessed: " + ReferenceParts.shortDate(a) + ".") }
            t.text(" [Online]. Available: ")
            t.link(url, url)
        } else {
            t.finish()
        }
        return t.nodes
    }
}
