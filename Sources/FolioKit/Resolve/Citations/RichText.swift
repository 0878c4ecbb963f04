/// Builds formatted citation and bibliography text as model inlines, so the HTML and LaTeX writers
/// print exactly the same words. Separators wait until more text follows, and their punctuation is
/// dropped after ".", "?" or "!", so missing fields never leave ". ." or "..".
struct RichText {
    private(set) var nodes: [Inline] = []
    let range: SourceRange
    private var last: Character?
    private var pending: String?

    init(range: SourceRange) { self.range = range }

    var isEmpty: Bool { nodes.isEmpty }

    private mutating func flush() {
        guard let sep = pending else { return }
        pending = nil
        var s = Substring(sep)
        if let l = last, ".?!".contains(l), let first = s.first, ".,".contains(first) { s = s.dropFirst() }
        raw(String(s))
    }

    private mutating func raw(_ s: String) {
        guard !s.isEmpty else { return }
        if case .text(let prev)? = nodes.last?.kind {
            nodes[nodes.count - 1].kind = .text(prev + s)
        } else {
            nodes.append(Inline(.text(s), range: range))
        }
        last = s.last
    }

    mutating func text(_ s: String) {
        guard !s.isEmpty else { return }
        flush()
        raw(s)
    }

    mutating func italic(_ s: String) {
        guard !s.isEmpty else { return }
        flush()
        nodes.append(Inline(.emphasis([Inline(.text(s), range: range)]), range: range))
        last = s.last
    }

    /// A title in quotation marks; `closing` punctuation goes inside the marks, as Chicago and IEEE do.
    mutating func quoted(_ s: String, closing: String) {
        let ends = s.last.map { ".?!".contains($0) } ?? false
        text("“" + s + (ends && ".,".contains(closing) ? "" : closing) + "”")
    }

    mutating func link(_ url: String, _ label: String) {
        flush()
        nodes.append(Inline(.link(destination: url, title: "", content: [Inline(.text(label), range: range)]), range: range))
        last = label.last
    }

    mutating func append(_ inlines: [Inline]) {
        guard !inlines.isEmpty else { return }
        flush()
        nodes += inlines
        last = inlines.plainText.last ?? last
    }

    /// A separator such as ". " or ", ", written only if more text follows.
    mutating func separate(_ sep: String) {
        guard !nodes.isEmpty else { return }
        pending = sep
    }

    /// Ends with a period unless it already ends with terminal punctuation.
    mutating func finish() {
        pending = nil
        if let l = last, ".?!”".contains(l) {
            if l == "”", case .text(let s)? = nodes.last?.kind, s.dropLast().last.map({ ".?!".contains($0) }) != true {
                raw(".")
            }
            return
        }
        if !nodes.isEmpty { raw(".") }
    }
}
