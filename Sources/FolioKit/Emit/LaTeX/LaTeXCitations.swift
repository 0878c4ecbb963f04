/// Citations and the bibliography in LaTeX: Folio's formatted text with hyperlinks (the default, so
/// the PDF says exactly what the HTML says), or biblatex commands for `latex-citations: biblatex`.
extension LaTeXRenderer {
    mutating func bibliography(_ list: BibliographyList) {
        if options.biblatex {
            out += "\\nocite{*}\n\\printbibliography[heading=none]\n\n"
            return
        }
        let numeric = list.entries.contains { $0.label != nil }
        out += numeric ? "\\begin{folioNumericReferences}\n" : "\\begin{folioReferences}\n"
        for entry in list.entries {
            if let label = entry.label {
                out += "\\item[" + LaTeXEscaping.text(label).replacingOccurrences(of: "]", with: "{]}") + "]"
            } else {
                out += "\\item"
            }
            out += "\\hypertarget{\(LaTeXEscaping.label(entry.id))}{}"
            inlines(entry.content)
            if !entry.backlinks.isEmpty {
                out += " {\\footnotesize " + LaTeXEscaping.text(list.citedIn)
                for (n, link) in entry.backlinks.enumerated() {
                    out += n == 0 ? " " : ", "
                    out += "\\hyperlink{\(LaTeXEscaping.label(link.id))}{\(LaTeXEscaping.text(BibliographyList.backlinkText(link.label)))}"
                }
                out += "}"
            }
            out += "\n"
        }
        out += numeric ? "\\end{folioNumericReferences}\n\n" : "\\end{folioReferences}\n\n"
    }

    /// `\autocite[pre][post]{key}`, `\autocites...`, `\textcite...` for biblatex.
    mutating func biblatexCitation(_ group: CitationGroup) {
        func notes(_ item: CitationGroup.Item) -> String {
            var post = item.suffix
            if let loc = item.locator {
                // biblatex adds "p." to a bare page number itself.
                post = loc.label == .page ? loc.value : loc.chicago
                if !loc.rest.isEmpty { post += (loc.rest.hasPrefix(",") ? "" : " ") + loc.rest }
            } else if post.hasPrefix(",") {
                post = String(post.dropFirst()).trimmingWhitespace()
            }
            let pre = LaTeXEscaping.text(item.prefix), postText = LaTeXEscaping.text(post)
            if pre.isEmpty { return postText.isEmpty ? "" : "[{\(postText)}]" }
            return "[{\(pre)}][{\(postText)}]"
        }
        let key = { (item: CitationGroup.Item) in LaTeXEscaping.label(item.key) }
        guard let first = group.items.first else { return }
        if group.inText {
            out += "\\textcite\(notes(first)){\(key(first))}"
        } else if group.items.count == 1 {
            out += (first.suppressAuthor ? "\\autocite*" : "\\autocite") + "\(notes(first)){\(key(first))}"
        } else {
            out += "\\autocites"
            for item in group.items { out += "\(notes(item)){\(key(item))}" }
        }
    }
}
