/// Review marks in a draft PDF, in the HTML's colours: insertions underlined in green, deletions struck
/// through in red (lua-ul, so marks may break across lines and hold any inline content), highlights
/// on yellow, and each comment as a margin note with its author (marginnote, which also works in
/// footnotes, tables and floats). The preamble is added only to papers that show marks.
extension LaTeXRenderer {
    mutating func review(_ mark: ReviewMark, old: [Inline], new: [Inline]) {
        switch mark.kind {
        case .insertion: wrap("\\folioInserted{", new)
        case .deletion: wrap("\\folioDeleted{", old)
        case .substitution:
            wrap("\\folioDeleted{", old)
            wrap("\\folioInserted{", new)
        case .highlight: wrap("\\folioHighlighted{", new)
        case .comment: break
        }
        guard let text = mark.comment else { return }
        out += "\\folioComment{" + LaTeXEscaping.text(mark.author.map { "@\($0): " } ?? "") + "}{"
        LaTeXEscaping.appendText(text, to: &out)
        out += "}"
    }
}

extension LaTeXPreamble {
    static let review = """
        \\usepackage{luacolor}
        \\usepackage{marginnote}
        \\setlength{\\marginparwidth}{2.1cm}
        \\setlength{\\marginparsep}{0.2cm}
        \\definecolor{folioInsertedColour}{HTML}{0B5D1E}
        \\definecolor{folioDeletedColour}{HTML}{B3261E}
        \\definecolor{folioHighlightColour}{HTML}{FFF3B0}
        \\definecolor{folioCommentColour}{HTML}{7A5C00}
        \\DeclareRobustCommand{\\folioInserted}[1]{{\\color{folioInsertedColour}\\underLine{#1}}}
        \\DeclareRobustCommand{\\folioDeleted}[1]{{\\color{folioDeletedColour}\\strikeThrough{#1}}}
        \\DeclareRobustCommand{\\folioHighlighted}[1]{\\highLight[folioHighlightColour]{#1}}
        \\DeclareRobustCommand{\\folioComment}[2]{\\textsuperscript{\\color{folioCommentColour}\\sffamily\\bfseries *}%
          \\marginnote{\\raggedright\\sffamily\\tiny\\color{folioCommentColour}\\textbf{#1}#2}}

        """
}
