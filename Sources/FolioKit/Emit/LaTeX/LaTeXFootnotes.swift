/// Footnotes in LaTeX: `\footnote[n]` where LaTeX allows it, otherwise a mark now and the text after
/// the enclosing block. Texts are rendered from a queue, never recursively, so chains of footnotes
/// that cite each other cannot exhaust the stack.
extension LaTeXRenderer {
    mutating func footnoteReference(_ label: String) {
        guard let note = footnotes[label] else {
            LaTeXEscaping.appendText("[^\(label)]", to: &out)
            return
        }
        if emittedFootnotes.contains(note.number) {
            out += "\\footnotemark[\(note.number)]"
        } else if deferFootnotes > 0 {
            emittedFootnotes.insert(note.number)
            pendingFootnotes.append(note.number)
            out += "\\footnotemark[\(note.number)]"
        } else {
            emittedFootnotes.insert(note.number)
            out += "\\footnote[\(note.number)]{\(footnoteText(note.content))}"
        }
    }

    /// A footnote's text; footnotes it references are queued.
    mutating func footnoteText(_ content: [Block]) -> String {
        deferFootnotes += 1
        let body = rendered { $0.blocks(content) }
        deferFootnotes -= 1
        var text = body
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Writes the texts of queued footnotes (and of any they queue in turn).
    mutating func flushFootnotes() {
        var index = 0
        while index < pendingFootnotes.count {
            let number = pendingFootnotes[index]
            index += 1
            guard number >= 1, number <= footnoteContents.count else { continue }
            out += "\\footnotetext[\(number)]{\(footnoteText(footnoteContents[number - 1]))}\n"
        }
        pendingFootnotes.removeAll()
        if index > 0 { out += "\n" }
    }
}
