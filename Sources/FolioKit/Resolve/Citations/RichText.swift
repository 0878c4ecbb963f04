/// Builds formatted citation and bibliography text as model inlines, so the HTML and LaTeX writers
/// print exactly the same words. Separators wait until more text follows, and their punctuation is
/// dropped after ".", "?" or "!", so missing fields never leave ". ." or "..".
struct RichText {
    private(set) var nodes: [Inline] = []
    let range: SourceRange
    /// The last two characters of the plain text so far, for punctuation decisions.
    private var tail = ""
    private var last: Character? { tail.last }
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
        remember(s)
    }

    private mutating func remember(_ s: String) {
        tail = String((tail + s.suffix(2)).suffix(2))
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
        remember(s)
    }

    /// A title in quotation marks; `closing` punctuation goes inside the marks, as Chicago and IEEE do.
    mutating func quoted(_ s: String, closing: String) {
        let ends = s.last.map { ".?!".contains($0) } ?? false
        text("“" + s + (ends && ".,".contains(closing) ? "" : closing) + "”")
    }

    mutating func link(_ url: String, _ label: String) {
        flush()
        nodes.append(Inline(.link(destination: url, title: "", content: [Inline(.text(label), range: range)]), range: range))
        remember(label)
    }

    mutating func append(_ inlines: [Inline]) {
        guard !inlines.isEmpty else { return }
        flush()
        nodes += inlines
        remember(inlines.plainText)
    }

    /// A separator such as ". " or ", ", written only if more text follows. A bare space never
    /// replaces a waiting separator that has punctuation.
    mutating func separate(_ sep: String) {
        guard !nodes.isEmpty else { return }
        if sep.allSatisfy(\.isWhitespace), let p = pending, p.contains(where: { !$0.isWhitespace }) { return }
        pending = sep
    }

    /// Ends with a period unless it already ends with terminal punctuation.
    mutating func finish() {
        pending = nil
        guard let l = last else { return }
        if ".?!".contains(l) { return }
        if l == "”", let before = tail.first, ".?!".contains(before) { return }
        raw(".")
    }
}
