import Foundation
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
        // Issue 16: as biber reads them.
        ("Pub\\-lish\\-ing", "Publishing"), ("VAX\\slash VMS", "VAX/VMS"), ("A history of $\\pi$", "A history of π"),
        ("$\\alpha \\leq \\beta$", "α≤β"), ("{\\noopsort{1973c}}1981", "1981"), ("\\mkbibquote{Title}", "“Title”"),
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

/// BibTeX files as real ones are written (issue 16).
@Suite struct RealBibTeXTests {
    @Test func commentLinesInsideEntries() {
        let text = "@book{k,\n  title = {T},\n% a note to self\n  % year = {1999},\n  year = {2020}\n}\n"
        let (refs, d) = BibliographyLoader.parse(text, file: "b.bib", isJSON: false)
        #expect(d.filter { $0.severity == .error }.isEmpty, "\(d)")
        #expect(refs.first?.issued?.year == 2020)
    }

    @Test func latin1FilesAreReadWithAWarning() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nbibliography: [refs.bib]\nback-matter: [a.md]\n")
        try s.write("P/a.md", "# A\n\nSee [@k].\n")
        let latin1: [UInt8] = Array("@book{k, author = {M".utf8) + [0xFC] + Array("ller, Hans}, title = {Stra".utf8) + [0xDF, 0x65]
            + Array("}, publisher = {P}, year = {2020}}\n".utf8)
        try Data(latin1).write(to: s.url.appendingPathComponent("P/refs.bib"))
        let r = Analyzer.run(DiskProvider(directory: s.url.appendingPathComponent("P").path))
        #expect(!r.hasErrors, "\(r.diagnostics)")
        let d = r.diagnostics.filter { $0.id == "bib.encoding" }
        #expect(d.count == 1)
        #expect(d.first.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == "1:21")
        #expect(r.paper?.bibliography["k"]?["title"] == "Straße")
    }
}

extension RealBibTeXTests {
    /// A broken entry and a duplicate key are reported, and every good entry is still exported.
    @Test func exportKeepsEveryGoodEntry() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("bad.bib", "@book{good1, author = {A, B}, title = {T1}, publisher = {P}, year = 2020}\n"
            + "@book{bad, title = {Unclosed, year = 2021}\n@book{good2, author = {C, D}, title = {T2}, publisher = {P}, year = 2022}\n")
        let r = try CLI.run(["bib", "export", "bad.bib"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.bib:3:1: error"))
        let items = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(items.compactMap { $0["id"] as? String } == ["good1", "good2"])
    }
}
