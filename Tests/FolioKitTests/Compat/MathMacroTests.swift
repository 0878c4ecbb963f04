import Foundation
import Testing
@testable import FolioKit

/// `math-macros:` in folio.yaml (issue 16), what `\newcommand` and `\DeclareMathOperator` give a
/// LaTeX paper: expanded before math is checked, in MathML and in LaTeX alike.
@Suite struct MathMacroTests {
    static let macros = """
        math-macros:
          R: \\mathbb{R}
          \\Var: \\operatorname{Var}
          norm: '\\left\\lVert #1 \\right\\rVert'
          pair: '(#1, #2)'
          RR: \\R\\times\\R

        """

    @Test func macrosAreExpandedInBothOutputs() throws {
        let r = try PandocInputTests.build("# M\n\nLet $x \\in \\R^2$, $\\Var(X)$, $\\norm{v}$ and $\\pair{a}{b} \\in \\RR$.\n\n$$\\norm{\\R}$$ {#eq:n}\n\nSee @eq:n.\n",
                                           manifest: Self.macros)
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(r.tex.contains("{\\mathbb{R}}^2"))
        #expect(r.tex.contains("{\\operatorname{Var}}(X)"))
        #expect(r.tex.contains("{\\left\\lVert v \\right\\rVert}"))
        #expect(r.tex.contains("{(a, b)} \\in {{\\mathbb{R}}\\times{\\mathbb{R}}}"))
        #expect(r.tex.contains("{\\left\\lVert {\\mathbb{R}} \\right\\rVert}"), "in equations too")
        #expect(r.html.contains("mathvariant=\"double-struck\""), "MathML reads the expansion")
        #expect(r.html.contains(">Var<"))
        #expect(!r.html.contains("\\R") && !r.tex.contains("\\R^"))
    }

    @Test func aBodyWithARefusedCommandIsAManifestError() throws {
        let r = try PandocInputTests.build("# M\n\n$x$\n", manifest: "math-macros:\n  bad: \\input{secret}\n")
        let e = r.diagnostics.first { $0.id == "manifest.math-macros" }
        #expect(e?.message.contains("\\input") == true, "\(r.diagnostics)")
        #expect(e?.location?.line == 5)
    }

    @Test func aMacroThatUsesItselfIsALocatedError() throws {
        let r = try PandocInputTests.build("# M\n\nSee $\\a + 1$.\n", manifest: "math-macros:\n  a: \\b\n  b: \\a x\n")
        let e = r.diagnostics.first { $0.id == "math.macro-loop" }
        #expect(e?.location?.line == 3, "\(r.diagnostics)")
    }

    @Test func expansionIsBounded() {
        let m = ["x": MathMacro(body: "\\x\\x", location: SourceLocation(file: "f", line: 1, column: 1))]
        #expect(MathMacros.expand("\\x", m) == nil)
        #expect(MathMacros.expand("\\xi", m) == "\\xi", "a longer command is not the macro")
        // A long body used many times stops at the bound within the first pass, not after it.
        let long = ["R": MathMacro(body: String(repeating: "x", count: 8_000), location: SourceLocation(file: "f", line: 1, column: 1))]
        #expect(MathMacros.expand(String(repeating: "\\R", count: 100_000), long) == nil)
    }

    @Test func newcommandInTheTextSaysWhereMacrosGo() throws {
        let r = try PandocInputTests.build("# M\n\n\\newcommand{\\R}{\\mathbb{R}}\n")
        let e = r.diagnostics.first { $0.id == "tex.raw-command" }
        #expect(e?.notes.first?.message.contains("math-macros") == true, "\(r.diagnostics)")
    }
}
