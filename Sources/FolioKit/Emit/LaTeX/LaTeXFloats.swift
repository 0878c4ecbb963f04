/// Math, equations, listings, callouts and divs in LaTeX.
extension LaTeXRenderer {
    /// Inline `\(...\)` or display `\[...\]`. Validation refused unsafe TeX before any writer ran;
    /// this is the last gate, so math that reached the writer by any other path never reaches LaTeX.
    mutating func math(_ tex: String, display: Bool, at location: SourceLocation) {
        guard safe(tex, at: location) else { return }
        let tex = LaTeXMath.portable(tex)
        out += display ? "\\[\(tex)\\]" : "\\(\(tex)\\)"
    }

    /// False (with an error) for TeX outside the math allowlist.
    mutating func safe(_ tex: String, at location: SourceLocation) -> Bool {
        guard let problem = TeXMathSafety.firstProblem(in: tex) else { return true }
        diagnostics.append(.error("math.unsafe", "\(problem.message) (the LaTeX writer refused this formula)", at: location))
        return false
    }

    mutating func equation(_ e: Equation, at location: SourceLocation) {
        guard safe(e.tex, at: location) else { return }
        var e = e
        e.tex = LaTeXMath.portable(e.tex)
        if let n = e.number {
            out += "\\begin{equation}\n\(e.tex)\n\\tag{\(n)}"
            if let id = e.attributes.id { out += "\\label{\(LaTeXEscaping.label(id))}" }
            out += "\n\\end{equation}\n\n"
        } else {
            out += "\\[\n\(e.tex)\n\\]\n\n"
        }
    }

    mutating func listing(_ l: Listing) {
        let (caption, short) = captionTexts(l.caption)
        out += "\\begin{folioListing}[htbp]\n"
        if let n = l.number {
            out += "\\renewcommand{\\thefolioListing}{\(n)}\\setcounter{folioListing}{\(l.ordinal - 1)}\n"
            out += "\\caption[\(short)]{\(caption)}"
        } else {
            // Unnumbered (pandoc-crossref's unlabelled listings): the caption without a number.
            out += "{\\small \(caption)\\par}"
        }
        if let id = l.attributes.id { out += "\\label{\(LaTeXEscaping.label(id))}" }
        out += "\n"
        codeLines(l.literal.split(separator: "\n", omittingEmptySubsequences: false))
        out += "\\end{folioListing}\n\n"
    }

    mutating func callout(_ c: Callout) {
        deferFootnotes += 1
        let title = rendered { $0.inlines(c.title) }
        var label = LaTeXEscaping.text(options.calloutLabel(c.kind)) + (c.number.map { " \($0)" } ?? "")
        if !title.isEmpty { label += ": " + title }
        out += "\\begin{folioCallout\(c.kind.rawValue.initialCapital)}{\(label)}"
        if let id = c.attributes.id { out += "\\phantomsection\\label{\(LaTeXEscaping.label(id))}" }
        out += "\n"
        blocks(c.content)
        deferFootnotes -= 1
        while out.hasSuffix("\n") { out.removeLast() }
        out += "\n\\end{folioCallout\(c.kind.rawValue.initialCapital)}\n\n"
    }

    mutating func div(_ attrs: Attributes, _ content: [Block]) {
        if let id = attrs.id { out += "\\phantomsection\\label{\(LaTeXEscaping.label(id))}\n" }
        blocks(content)
    }
}

/// Math commands Folio reads that LaTeX's packages lack, spelled out for LaTeX.
enum LaTeXMath {
    static let spelled: [String: String] = ["argmin": "\\operatorname*{arg\\,min}", "argmax": "\\operatorname*{arg\\,max}"]

    static func portable(_ tex: String) -> String {
        guard tex.contains("\\arg") else { return tex }
        var out = ""
        var rest = Substring(tex)
        while let r = rest.range(of: "\\arg") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let letters = after.prefix(while: \.isLetter)
            if let replacement = spelled["arg" + letters] {
                out += replacement
                rest = after.dropFirst(letters.count)
            } else {
                out += rest[r]
                rest = after
            }
        }
        return out + rest
    }
}
