/// Replaces the manifest's `math-macros:` in every formula (titles, text, equations, footnotes)
/// before anything checks or writes math; a macro that never stops expanding is `math.macro-loop`.
extension Resolver {
    mutating func expandMathMacros(_ entries: inout [ResolvedPaper.Entry]) {
        guard !paper.manifest.mathMacros.isEmpty else { return }
        var r = MathMacroRewriter(macros: paper.manifest.mathMacros)
        entries = entries.map { entry in
            guard case .chapter(var ch) = entry else { return entry }
            ch.title = r.rewrite(ch.title)
            ch.blocks = r.rewrite(ch.blocks)
            ch.footnotes = ch.footnotes.map { note in
                var n = note
                n.content = r.rewrite(n.content)
                return n
            }
            return .chapter(ch)
        }
        diagnostics += r.problems
    }
}

private struct MathMacroRewriter: MarkupRewriter {
    let macros: [String: MathMacro]
    var problems: [Diagnostic] = []

    mutating func expand(_ tex: String, at: SourceLocation) -> String {
        if let expanded = MathMacros.expand(tex, macros) { return expanded }
        problems.append(.error("math.macro-loop", "the math macros in this formula do not stop expanding (a macro that uses itself?)",
                               at: at, notes: ["check 'math-macros:' in folio.yaml"]))
        return tex
    }

    mutating func rewriteBlock(_ block: Block) -> Block {
        var b = descend(into: block)
        if case .equation(var e) = b.kind {
            e.tex = expand(e.tex, at: b.range.start)
            b.kind = .equation(e)
        }
        return b
    }

    mutating func rewriteInlines(_ inlines: [Inline]) -> [Inline] {
        inlines.map { node in
            guard case .math(let display, let tex) = node.kind else { return node }
            var n = node
            n.kind = .math(display: display, tex: expand(tex, at: node.range.start))
            return n
        }
    }
}
