import Testing
@testable import FolioKit

/// LaTeX in field values into Unicode.
@Suite struct LaTeXTextTests {
    @Test(arguments: [
        ("{\\\"o}", "ö"), ("\\\"{o}", "ö"), ("\\'{e}", "é"), ("\\'e", "é"), ("\\`a", "à"), ("\\^{i}", "î"),
        ("\\~n", "ñ"), ("\\c{c}", "ç"), ("\\c c", "ç"), ("\\v{s}", "š"), ("\\u{g}", "ğ"), ("\\H{o}", "ő"),
        ("\\k{a}", "ą"), ("\\r{a}", "å"), ("\\={o}", "ō"), ("\\.{z}", "ż"), ("\\'{\\i}", "í"), ("{\\'\\i}", "í"),
        ("\\ss", "ß"), ("Stra{\\ss}e", "Straße"), ("\\o{}", "ø"), ("\\AA", "Å"), ("\\l", "ł"), ("\\ae", "æ"),
        ("R\\&D", "R&D"), ("50\\%", "50%"), ("\\$5", "$5"), ("\\#1", "#1"), ("a\\_b", "a_b"),
        ("1--2", "1–2"), ("a---b", "a—b"), ("a-b", "a-b"), ("x~y", "x\u{A0}y"), ("``q''", "“q”"),
        ("{AI} {Safety}", "AI Safety"), ("\\emph{Tiers}", "Tiers"), ("\\textit{a} \\textbf{b}", "a b"),
        ("\\url{https://x.org}", "https://x.org"), ("\\href{https://x.org}{site}", "site"),
        ("\\textendash", "–"), ("\\S 3", "§3"), ("$x$", "x"), ("\\unknown{kept}", "kept"),
    ])
    func converts(_ latex: String, _ unicode: String) {
        #expect(LaTeXText.unicode(latex) == unicode)
    }
}

extension LaTeXTextTests {
    @Test func deepNestingIsBounded() {
        let deep = String(repeating: "\\emph{", count: 20_000) + "x" + String(repeating: "}", count: 20_000)
        #expect(LaTeXText.unicode(deep).hasSuffix("x"))
        let accents = String(repeating: "\\'{", count: 20_000) + "e" + String(repeating: "}", count: 20_000)
        #expect(!LaTeXText.unicode(accents).isEmpty)
    }
}
