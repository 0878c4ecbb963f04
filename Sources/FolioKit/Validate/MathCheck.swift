/// Checks every formula before any writer runs: TeX that could escape math or run code in LaTeX is an
/// error (pull requests are untrusted), and TeX the MathML converter cannot show is a warning that
/// names the command (the HTML then shows the TeX source).
public enum MathCheck {
    /// Every formula of a chapter the writers will print: in its title (which the contents and running
    /// heads repeat), its text and its footnotes.
    static func diagnostics(in ch: ResolvedChapter) -> [Diagnostic] {
        var out: [Diagnostic] = []
        ch.forEachInline { node in
            guard case .math(let display, let tex) = node.kind else { return }
            out += check(tex, display: display, at: node.range.start)
        }
        return out
    }

    public static func diagnostics(in blocks: [Block]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for block in blocks {
            block.forEachInline { node in
                guard case .math(let display, let tex) = node.kind else { return }
                out += check(tex, display: display, at: node.range.start)
            }
        }
        return out
    }

    static func check(_ tex: String, display: Bool, at location: SourceLocation) -> [Diagnostic] {
        if let problem = TeXMathSafety.firstProblem(in: tex) {
            // Every command the formula uses that is not allowed, in one message (not one build each).
            let refused = TeXMathSafety.refusedCommands(in: tex)
            let message = refused.count > 1
                ? "the commands \(refused.map { "\\" + $0 }.joined(separator: ", ")) are not allowed in math"
                : problem.message
            return [.error("math.unsafe", "\(message) (Folio passes math to LaTeX as written, so it allows only math commands)",
                           at: location)]
        }
        let unsupported = MathMLConverter.convert(tex, display: display).unsupported
        guard !unsupported.isEmpty else { return [] }
        let names = unsupported.joined(separator: ", ")
        return [.warning("math.unsupported", "the HTML cannot show \(names) as MathML, so it shows this formula's TeX source",
                         at: location)]
    }
}
