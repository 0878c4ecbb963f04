import Foundation
import Testing
@testable import FolioKit
#if canImport(FoundationXML)
import FoundationXML
#endif

/// TeX math: MathML conversion (hand-written expected output), the LaTeX safety check, and hostile input.
@Suite struct TeXMathTests {
    /// One formula and the presentation MathML expected inside the top `<mrow>`.
    struct Golden: Sendable, CustomTestStringConvertible {
        var tex: String
        var display: Bool
        var body: String
        var testDescription: String { tex }
        init(_ tex: String, display: Bool = false, _ body: String) {
            self.tex = tex
            self.display = display
            self.body = body
        }
    }

    static func fence(_ d: String) -> String { "<mo fence=\"true\" stretchy=\"true\">\(d)</mo>" }

    static let goldens: [Golden] = [
        Golden("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
        Golden("x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        Golden("{a+b}^2", "<msup><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></msup>"),
        Golden("\\frac{a}{b}", "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        Golden("\\dfrac{1}{2}", "<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"),
        Golden("\\sqrt[3]{x}", "<mroot><mi>x</mi><mn>3</mn></mroot>"),
        Golden("\\sqrt{x+1}", "<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>"),
        Golden("\\sum_{i=1}^{n} x_i", display: true,
               "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub>"),
        Golden("\\sum_{i=1}^{n} x_i",
               "<msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup><msub><mi>x</mi><mi>i</mi></msub>"),
        Golden("\\int_0^\\infty e^{-x}\\,dx", display: true,
               "<msubsup><mo>∫</mo><mn>0</mn><mi>∞</mi></msubsup><msup><mi>e</mi><mrow><mo>−</mo><mi>x</mi></mrow></msup><mspace width=\"0.1667em\"/><mi>d</mi><mi>x</mi>"),
        Golden("\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1", display: true,
               "<munder><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder><mfrac><mrow><mi>sin</mi><mi>x</mi></mrow><mi>x</mi></mfrac><mo>=</mo><mn>1</mn>"),
        Golden("\\alpha + \\Omega", "<mi>α</mi><mo>+</mo><mi mathvariant=\"normal\">Ω</mi>"),
        Golden("3.14 < \\pi", "<mn>3.14</mn><mo>&lt;</mo><mi>π</mi>"),
        Golden("\\hat{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">^</mo></mover>"),
        Golden("\\overline{AB} + \\vec{v}",
               "<mover accent=\"true\"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy=\"true\">¯</mo></mover><mo>+</mo><mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>"),
        Golden("\\text{if } x > 0", "<mtext>if\u{A0}</mtext><mi>x</mi><mo>&gt;</mo><mn>0</mn>"),
        Golden("\\left( \\frac{a}{b} \\right)", "<mrow>\(fence("("))<mfrac><mi>a</mi><mi>b</mi></mfrac>\(fence(")"))</mrow>"),
        Golden("\\left\\{ x \\mid x > 0 \\right.",
               "<mrow>\(fence("{"))<mi>x</mi><mo>∣</mo><mi>x</mi><mo>&gt;</mo><mn>0</mn>\(fence(""))</mrow>"),
        Golden("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
               "<mrow>\(fence("("))<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>\(fence(")"))</mrow>"),
        Golden("\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\\\ \\end{bmatrix}",
               "<mrow>\(fence("["))<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable>\(fence("]"))</mrow>"),
        Golden("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", display: true,
               "<mtable displaystyle=\"true\" columnalign=\"right left\"><mtr><mtd><mi>a</mi></mtd><mtd><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mo>=</mo><mi>d</mi></mtd></mtr></mtable>"),
        Golden("\\begin{cases} 1 & x \\geq 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
               "<mrow>\(fence("{"))<mtable columnalign=\"left left\"><mtr><mtd><mn>1</mn></mtd><mtd><mi>x</mi><mo>≥</mo><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mtext>otherwise</mtext></mtd></mtr></mtable></mrow>"),
        Golden("\\mathbf{v}", "<mi mathvariant=\"bold\">v</mi>"),
        Golden("\\mathbb{R}^n \\quad \\mathcal{L}",
               "<msup><mi mathvariant=\"double-struck\">R</mi><mi>n</mi></msup><mspace width=\"1em\"/><mi mathvariant=\"script\">L</mi>"),
        Golden("a_1 * b_2", "<msub><mi>a</mi><mn>1</mn></msub><mo>∗</mo><msub><mi>b</mi><mn>2</mn></msub>"),
        Golden("\\operatorname{argmax}", "<mi>argmax</mi>"),
        Golden("\\operatorname{argmax}_x f(x)",
               "<msub><mi>argmax</mi><mi>x</mi></msub><mi>f</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>"),
        Golden("f'(x) \\leq \\|v\\|",
               "<msup><mi>f</mi><mo>′</mo></msup><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo><mo>≤</mo><mo stretchy=\"false\">‖</mo><mi>v</mi><mo stretchy=\"false\">‖</mo>"),
        Golden("a \\cdot b \\times c \\pm d", "<mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>±</mo><mi>d</mi>"),
        Golden("x \\in A \\cup B \\Rightarrow x \\neq y",
               "<mi>x</mi><mo>∈</mo><mi>A</mi><mo>∪</mo><mi>B</mi><mo>⇒</mo><mi>x</mi><mo>≠</mo><mi>y</mi>"),
    ]

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func math(_ body: String, tex: String, display: Bool) -> String {
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"" + (display ? " display=\"block\"" : "")
            + "><semantics><mrow>" + body + "</mrow><annotation encoding=\"application/x-tex\">"
            + escaped(tex) + "</annotation></semantics></math>"
    }

    // MARK: MathML

    @Test(arguments: goldens) func golden(_ g: Golden) {
        let result = MathMLConverter.convert(g.tex, display: g.display)
        #expect(result.mathml == Self.math(g.body, tex: g.tex, display: g.display))
        #expect(result.unsupported.isEmpty)
        #expect(TeXMathSafety.firstProblem(in: g.tex) == nil, "every golden formula is also safe for LaTeX")
    }

    @Test func wholeElement() {
        #expect(MathMLConverter.convert("\\frac{a}{b} < c", display: true).mathml == """
            <math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><mfrac><mi>a</mi><mi>b</mi></mfrac>\
            <mo>&lt;</mo><mi>c</mi></mrow><annotation encoding="application/x-tex">\\frac{a}{b} &lt; c</annotation></semantics></math>
            """)
        #expect(MathMLConverter.convert("", display: false).mathml == """
            <math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow></mrow>\
            <annotation encoding="application/x-tex"></annotation></semantics></math>
            """)
    }

    @Test func unsupportedCommandsAreReportedOnce() {
        let r = MathMLConverter.convert("\\overbrace{x}", display: false)
        #expect(r.unsupported == ["\\overbrace"])
        #expect(r.mathml == Self.math("<merror><mtext>\\overbrace</mtext></merror><mrow><mi>x</mi></mrow>", tex: "\\overbrace{x}", display: false))
        #expect(MathMLConverter.convert("\\foo + \\foo \\bar{x} \\baz", display: true).unsupported == ["\\foo", "\\baz"])
        #expect(MathMLConverter.convert("\\begin{verbatim}x\\end{verbatim}", display: true).unsupported == ["\\begin{verbatim}"])
        #expect(MathMLConverter.convert("a & b", display: false).unsupported == ["&"])
        #expect(MathMLConverter.convert("\\left( x", display: false).unsupported == ["\\left"])
        #expect(MathMLConverter.convert("x}", display: false).unsupported == ["}"])
    }

    @Test func fallbackHTMLEscapesTheSource() {
        #expect(MathMLConverter.fallbackHTML("a<b & \"c\"", display: false) == "<code class=\"math-tex\">a&lt;b &amp; &quot;c&quot;</code>")
        #expect(MathMLConverter.fallbackHTML("\\overbrace{x}", display: true) == "<pre class=\"math-tex\">\\overbrace{x}</pre>")
    }

    // MARK: Safety

    static let safe = [
        "x^2 + y^2 = z^2", "\\sqrt[3]{x}", "\\frac12", "x^\\alpha", "\\left[ \\frac{a}{b} \\middle| c \\right\\}",
        "\\begin{aligned}[t] a &= b \\\\[2pt] c &= d \\end{aligned}", "\\begin{array}{c|l} a & b \\end{array}",
        "\\text{for all } x", "\\operatorname*{argmax}_x", "\\overbrace{a+b}", "\\bigl( x \\bigr)", "é + ü",
        "\\{ x \\}", "\\not= \\quad \\displaystyle \\sum\\limits_i",
    ]

    @Test(arguments: safe) func allowed(_ tex: String) {
        #expect(TeXMathSafety.firstProblem(in: tex) == nil)
    }

    /// Each hostile formula and a piece of text its rejection message must contain.
    static let hostile: [(tex: String, names: String)] = [
        ("\\input{/etc/passwd}", "\\input"), ("\\directlua{os.exit()}", "\\directlua"), ("\\write18{ls}", "\\write"),
        ("\\def\\x{}", "\\def"), ("\\catcode", "\\catcode"), ("\\csname", "\\csname"), ("^^5cinput", "^^"),
        ("a % comment", "%"), ("\\begin{verbatim}", "verbatim"), ("\\end{document}", "document"), ("{", "{"), ("}", "}"),
        ("\\left(", "\\left"), ("\\text{\\input{x}}", "\\input"), ("\\immediate", "\\immediate"), ("\\openout", "\\openout"),
        ("\\url{x}", "\\url"), ("\\href{x}{y}", "\\href"), ("$x$", "$"), ("#1", "#"), ("a & b", "&"), ("a \\\\ b", "\\\\"),
        ("\\frac{a}", "\\frac"), ("x^", "^"), ("\\sqrt[3", "["), ("\\begin{matrix} a \\end{pmatrix}", "\\end{pmatrix}"),
        ("\\)", "\\)"), ("\\]", "\\]"), ("\\%", "\\%"), ("\\begin{array}{@{\\quad}c} a \\end{array}", "array"),
        ("a\n\nb", "blank line"), ("a\u{0}b", "control"), ("\\right)", "\\right"), ("\\left( { \\right) }", "\\right"),
        ("\\frac\\sqrt{x}{y}", "\\frac"), ("\\begin{matrix} {a & b} \\end{matrix}", "&"), ("\\", "backslash"),
        ("\\begin{equation*} x \\end{equation*}", "equation*"), ("\\begin{matrix}", "\\begin{matrix}"),
    ]

    @Test func rejected() {
        for (tex, name) in Self.hostile {
            let problem = TeXMathSafety.firstProblem(in: tex)
            #expect(problem?.message.contains(name) == true, "\(tex): \(problem?.message ?? "accepted")")
        }
    }

    @Test func messagesAndByteOffsets() {
        #expect(TeXMathSafety.firstProblem(in: "\\input{x}")?.message == "the command \\input is not allowed in math")
        #expect(TeXMathSafety.firstProblem(in: "\\text{\\input{x}}")?.offset == 6)
        #expect(TeXMathSafety.firstProblem(in: "a % comment")?.offset == 2)
        #expect(TeXMathSafety.firstProblem(in: "é\\input")?.offset == 2)
        #expect(TeXMathSafety.firstProblem(in: "x ^^5c")?.offset == 2)
        #expect(TeXMathSafety.firstProblem(in: "a { b")?.offset == 2)
        #expect(TeXMathSafety.firstProblem(in: "\\begin{verbatim}")?.message == "the environment verbatim is not allowed in math")
    }

    // MARK: Hostile input

    /// A fixed-seed generator, so a failure reproduces.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = [
        "\\frac", "\\sqrt", "\\sqrt[", "{", "}", "^", "_", "&", "\\\\", "\\\\[2pt]", "x", "1", "2.5", " ", "\\left(",
        "\\right)", "\\left", "\\right", "\\middle|", "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{aligned}",
        "\\end{aligned}", "\\begin{cases}", "\\begin{array}", "{c|l}", "\\end{array}", "\\text{", "\\alpha", "\\sum",
        "\\int", "\\limits", "'", "[", "]", "\\hat", "\\mathbf", "\\operatorname", "\\operatorname*{x}", "*", "<", "\"",
        "%", "$", "#", "\\", "\\overbrace", "\\displaystyle", "\\not", "=", "\\lim", "~", "é", "\u{0}", "\\{", "\\}",
        ".", "\\big", "\\\n", "\\begin", "\\end", "\\dfrac", "\\binom",
    ]

    @Test func randomInputStaysWellFormed() {
        var rng = SplitMix64(state: 2024)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...30, using: &rng)
            let tex = (0..<count).map { _ in Self.alphabet.randomElement(using: &rng) ?? "" }.joined()
            _ = TeXMathSafety.firstProblem(in: tex)
            for display in [false, true] {
                let mathml = MathMLConverter.convert(tex, display: display).mathml
                #expect(Self.isWellFormed(mathml), "\(tex.debugDescription) → \(mathml)")
                #expect(Self.isWellFormed(MathMLConverter.fallbackHTML(tex, display: display)))
            }
        }
    }

    @Test func deepNestingIsCutOff() {
        let n = 10_000
        for tex in [
            String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: "x^{", count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: "\\sqrt", count: n) + "x",
            String(repeating: "\\left(", count: n) + "x" + String(repeating: "\\right)", count: n),
            String(repeating: "\\begin{matrix}", count: n),
            "\\text{" + String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n) + "}",
        ] {
            let result = MathMLConverter.convert(tex, display: true)
            #expect(Self.isWellFormed(result.mathml))
            #expect(result.unsupported == (tex.hasPrefix("\\text") ? [] : ["nesting"]))
            #expect(TeXMathSafety.firstProblem(in: tex) != nil || tex.hasPrefix("\\text"))
        }
        #expect(MathMLConverter.convert(String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n), display: false).unsupported == ["nesting"])
    }

    /// Parses with Foundation's XML parser where it exists, else checks that tags balance.
    static func isWellFormed(_ xml: String) -> Bool {
        #if canImport(FoundationXML) || os(macOS)
        return (try? XMLDocument(xmlString: xml, options: [])) != nil
        #else
        var stack: [Substring] = []
        var rest = Substring(xml)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return false }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasSuffix("/") { continue }
            if tag.hasPrefix("/") {
                guard stack.popLast() == tag.dropFirst() else { return false }
            } else {
                stack.append(tag.prefix { $0 != " " })
            }
        }
        return stack.isEmpty && !rest.contains(">")
        #endif
    }
}
