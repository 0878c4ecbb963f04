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
        // Held-out .bib files, second run: what biber prints.
        ("\\foreignlanguage{polish}{Przełęcki}", "Przełęcki"), ("\\foreignquote{german}{Zitat}", "“Zitat”"),
        ("\\textcolor{red}{red}", "red"), ("\\texorpdfstring{$\\alpha$}{alpha}", "α"), ("methodology\\hyphen independent", "methodology-independent"),
        ("{\\verb|\\tt|} type face", "\\tt type face"), ("\\path=nest@nit.spb.su=", "nest@nit.spb.su"),
        ("rev.\\@ and enl.\\@ ed.", "rev. and enl. ed."), ("A\\addcomma{} B\\adddot{} C\\addcolon{} D \\bibrangedash{} E\\space F", "A, B. C: D – E F"),
        ("Th{\\^e}{\\kern-.05em}\\llap{\\raise\n 0.5ex\\hbox{\\'{\\relax}}} Th{\\`a}nh", "Thế Thành"), ("{\\tt a2ac} font", "a2ac font"),
        ("{\\em Emphasis} here", "Emphasis here"), ("\\LaTeX{} and \\METAFONT", "LaTeX and METAFONT"), ("\\mkbibparens{x}", "(x)"),
        ("\\hphantom{000}1", "1"), ("http://x.edu/\\~{}smith", "http://x.edu/~smith"), ("\\pkg{lme4} in \\proglang{R}", "lme4 in R"),
    ])
    func converts(_ latex: String, _ unicode: String) {
        #expect(LaTeXText.unicode(latex) == unicode)
    }
}

extension LaTeXTextTests {
    /// A URL or DOI is verbatim, as biber reads it: `--` stays two hyphens.
    @Test func verbatimFields() {
        #expect(LaTeXText.verbatim("https://www.rit.edu/press/printing-history-43--44-0") == "https://www.rit.edu/press/printing-history-43--44-0")
        #expect(LaTeXText.verbatim("\\url{https://x.org/a\\_b?c=1\\&d=2}") == "https://x.org/a_b?c=1&d=2")
        #expect(LaTeXText.verbatim("https://x.org/{\\textasciitilde}me/~you") == "https://x.org/~me/~you")
    }

    /// A command Folio does not know is named, with or without an argument; switches and known wrappers are not.
    @Test func unknownCommandsAreNamed() {
        #expect(LaTeXText.droppedCommands("\\Dash {Font} \\TUB{12}") == ["\\Dash{…}", "\\TUB{…}"])
        #expect(LaTeXText.droppedCommands("{\\tt x} \\emph{y} \\foreignlanguage{de}{z} \\mkbibquote{q} \\pkg{p} \\doi{d}").isEmpty)
    }

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

/// biblatex's own input (issue 16): extended names, EDTF dates, and names Folio cannot read.
@Suite struct BiblatexInputTests {
    typealias N = Reference.Name

    @Test(arguments: [
        ("family=Doe, given=John", N(family: "Doe", given: "John")),
        ("given={Jean}, prefix=de la, family=Fontaine, suffix=Jr.", N(family: "Fontaine", given: "Jean", particle: "de la", suffix: "Jr.")),
        ("family={M{\\\"u}ller}, given=Hans, given-i=H, useprefix=false", N(family: "Müller", given: "Hans")),
        ("family=\"Smith, Barney\", given=Ann", N(family: "Smith, Barney", given: "Ann")),
    ])
    func extendedNameFormat(_ raw: String, _ name: N) {
        #expect(BibNames.parse(raw) == [name])
    }

    @Test func extendedNamesInALIst() {
        #expect(BibNames.parse("family=Doe, given=John and Tan, Wei") == [N(family: "Doe", given: "John"), N(family: "Tan", given: "Wei")])
    }

    @Test(arguments: [
        ("2024-05-30T10:00:00", "2024", [2024, 5, 30], false, false),
        ("-0099", "100 BCE", [-99], false, false),
        ("0000", "1 BCE", [0], false, false),
        ("1990~", "c. 1990", [1990], true, false),
        ("1990?", "1990?", [1990], false, true),
        ("1990%", "c. 1990?", [1990], true, true),
        ("2003/2004", "2003–2004", [2003], false, false),
        ("2003-05/2003-07", "2003", [2003, 5], false, false),
        ("1988/..", "1988–", [1988], false, false),
        ("1988/", "1988–", [1988], false, false),
    ])
    func edtfDates(_ raw: String, _ year: String, _ parts: [Int], _ approximate: Bool, _ uncertain: Bool) throws {
        let d = try #require(BibTeXConverter.dateValue(raw))
        #expect(d.yearText == year)
        #expect([d.year] + [d.month, d.day].compactMap { $0 } == parts)
        #expect(d.approximate == approximate && d.uncertain == uncertain)
    }

    @Test(arguments: ["199X", "2024-13", "spring 2004", "20240", "1990/1991/1992"])
    func notDates(_ raw: String) {
        #expect(BibTeXConverter.dateValue(raw) == nil)
    }

    @Test func datesRoundTripThroughBothExports() throws {
        let d = try #require(BibTeXConverter.dateValue("1990~/1992"))
        #expect(BibLaTeXWriter.date(d) == "1990~/1992")
        #expect(BibLaTeXWriter.date(try #require(BibTeXConverter.dateValue("-0099"))) == "-0099")
        let csl = CSLJSONWriter.date(try #require(BibTeXConverter.dateValue("-0099/2003")))
        #expect((csl["date-parts"] as? [[Int]]) == [[-100], [2003]])
    }

    /// What the CSL-JSON export writes, the CSL-JSON reader reads back: ranges, eras, an open end
    /// (in `raw`, as `date-parts` cannot hold one) and `circa`.
    @Test(arguments: ["1988/..", "-0099/2003", "-0099", "2003/2004", "1990~", "2024-05-30", "1992-03/1993-04"])
    func datesRoundTripThroughCSLJSON(_ edtf: String) throws {
        let d = try #require(BibTeXConverter.dateValue(edtf))
        let json = try JSONSerialization.data(withJSONObject: CSLJSONWriter.date(d))
        let back = try #require(CSLJSONReader.date(try JSONSerialization.jsonObject(with: json)))
        #expect(back.year == d.year && back.month == d.month && back.day == d.day && back.end == d.end && back.openEnd == d.openEnd, "\(edtf)")
        #expect(back.approximate == (d.approximate || d.uncertain), "\(edtf)")
        #expect(back.yearText == (d.uncertain ? back.yearText : d.yearText), "\(edtf)")
    }

    @Test func rangesAndEraInTheReferenceList() throws {
        let bib = """
            @book{a, author = {Alpha, Ann}, title = {Old}, publisher = {P}, date = {-0099}}
            @book{b, author = {Beta, Ben}, title = {Span}, publisher = {P}, date = {2003/2004}}
            @book{c, author = {Gamma, Gil}, title = {About}, publisher = {P}, date = {1990~}}
            """
        let (refs, d) = BibliographyLoader.parse(bib, file: "b.bib", isJSON: false)
        #expect(d.isEmpty, "\(d)")
        let years = refs.map { $0.issued?.yearText ?? "" }
        #expect(years == ["100 BCE", "2003–2004", "c. 1990"])
    }

    @Test func anUnknownCommandInANameIsAWarningAndNeverAnEmptyName() {
        let bib = "@book{k,\n  author = {\\AUTHORNAME},\n  title = {T}, publisher = {P}, year = {2020}}\n"
        let (refs, d) = BibliographyLoader.parse(bib, file: "b.bib", isJSON: false)
        let w = d.first { $0.id == "bib.unknown-command" }
        #expect(w?.location?.line == 2, "\(d)")
        #expect(w?.message.contains("\\AUTHORNAME") == true)
        #expect(refs.first?.author == [N(literal: "AUTHORNAME")])
    }

    /// biblatex's granular XDATA, translators, series numbers, dates biber reads, and what is exported.
    @Test func biblatexFieldsAsBiberReadsThem() {
        let text = """
        @xdata{gx, author = {Ann Alpha and Bo Beta}, location = {Oslo}}
        @book{k, author = {Cy Gamma and
            xdata=gx-author-2}, title = {T}, location = {xdata=gx-location}, note = {xdata=k-note},
          publisher = {xdata=gx}, translator = {Wicksteed, P. H.}, series = {Bollingen Series}, number = {75},
          year = {1975}, date = {15/05/84}, origdate = {1817}, eventdate = {2003-21}}
        """
        let (refs, d) = BibliographyLoader.parse(text, file: "b.bib", isJSON: false)
        guard let r = refs.first(where: { $0.id == "k" }) else {
            Issue.record("no entry: \(d)")
            return
        }
        #expect(r.author.map(\.family) == ["Gamma", "Beta"])
        #expect(r["publisher-place"] == "Oslo")
        #expect(r["publisher"] == nil)
        #expect(d.contains { $0.id == "bib.crossref-unknown" && $0.message.contains("'xdata=gx'") && $0.location?.line == 4 })
        #expect(r["note"] == nil && d.contains { $0.message.contains("'xdata=k-note'") }, "a field that names itself is left out")
        #expect(BibTeXConverter.yearValue("2020-21").0 == nil, "an academic year in 'year' is no season")
        #expect(r.otherNames["translator"]?.first?.family == "Wicksteed")
        #expect(r["collection-number"] == "75" && r["number"] == nil)
        #expect(r.issued?.year == 1975)
        #expect(d.contains { $0.id == "bib.date" && $0.message.contains("the year 1975 is used") })
        #expect(r.otherDates["original-date"]?.year == 1817)
        #expect(r.otherDates["event-date"]?.year == 2003 && r.otherDates["event-date"]?.month == nil)
        let json = CSLJSONWriter.json([r])
        #expect(json.contains("\"translator\"") && json.contains("\"original-date\"") && json.contains("\"collection-number\" : \"75\""))
        let back = BibliographyLoader.parse(json, file: "b.json", isJSON: true).0.first
        #expect(back?.otherNames["translator"] == r.otherNames["translator"])
        #expect(back?.otherDates["original-date"]?.year == 1817)
    }
}
