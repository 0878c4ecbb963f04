/// Review marks in a draft: insertions as `<ins>`, deletions as `<del>`, substitutions as both,
/// highlights as `<mark>`; a comment (with its author) floats into the right margin on wide screens
/// and sits inline in the text otherwise, and is the mark's tooltip too.
extension HTMLRenderer {
    mutating func review(_ mark: ReviewMark, old: [Inline], new: [Inline]) {
        let title = mark.comment.map { " title=\"\(HTMLEscaping.text(Self.commentLine(mark, $0)))\"" } ?? ""
        let author = mark.author.map { " data-author=\"\(HTMLEscaping.text($0))\"" } ?? ""
        switch mark.kind {
        case .insertion: reviewWrap("ins", new, title + author)
        case .deletion: reviewWrap("del", old, title + author)
        case .substitution:
            reviewWrap("del", old, title + author)
            reviewWrap("ins", new, title + author)
        case .highlight: reviewWrap("mark", new, title + author)
        case .comment: break
        }
        guard let text = mark.comment else { return }
        out += "<span class=\"review-comment\" role=\"note\"\(author)>"
        if let a = mark.author { out += "<span class=\"review-author\">@\(HTMLEscaping.text(a))</span> " }
        HTMLEscaping.appendText(text, to: &out)
        out += "</span>"
    }

    private mutating func reviewWrap(_ tag: String, _ content: [Inline], _ attributes: String) {
        out += "<\(tag) class=\"review\"\(attributes)>"
        inlines(content)
        out += "</\(tag)>"
    }

    static func commentLine(_ mark: ReviewMark, _ text: String) -> String {
        (mark.author.map { "@\($0): " } ?? "") + text
    }
}
