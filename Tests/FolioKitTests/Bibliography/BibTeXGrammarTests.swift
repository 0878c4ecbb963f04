import Testing
@testable import FolioKit

/// The BibTeX grammar: macros, concatenation, delimiters, skipped entries, crossrefs, types and recovery.
@Suite struct BibTeXGrammarTests {
    func parse(_ text: String) -> ([Reference], [Diagnostic]) {
        BibliographyLoader.parse(text, file: "refs.bib", isJSON: false)
    }

    func one(_ text: String) -> Reference? { parse(text).0.first }

    @Test(arguments: [
        ("@string{x = {Alpha}} @misc{k, title = x # { and } # \"Beta\"}", "Alpha and Beta"),
        ("@misc{k, title = {Nested {Braces} {in {depth}}}}", "Nested Braces in depth"),
        ("@misc{k, title = \"Quoted {\\\"o} {\"}here\"}", "Quoted ö \"here"),
        ("@misc(k, title = {Parenthesised})", "Parenthesised"),
        ("@STRING{Org = \"IMDA\"} @Misc{k, TITLE = org}", "IMDA"),
        ("@misc{k, title = {Spread\n   over\tlines}}", "Spread over lines"),
        ("@misc{k, title = 2024}", "2024"),
    ])
    func titleValues(_ input: String, _ title: String) {
        #expect(one(input)?["title"] == title)
    }

    @Test func monthMacrosAndDates() {
        #expect(one("@article{k, title={T}, year = 2023, month = mar}")?.issued == .init(year: 2023, month: 3))
        #expect(one("@article{k, title={T}, year = 2023, month = {September}}")?.issued == .init(year: 2023, month: 9))
        #expect(one("@online{k, title={T}, date = {2024-05-30}, urldate = {2024-06-01}}")?.issued == .init(year: 2024, month: 5, day: 30))
        #expect(one("@online{k, title={T}, date = {2024-05-30}, urldate = {2024-06-01}}")?.accessed == .init(year: 2024, month: 6, day: 1))
        #expect(one("@misc{k, title={T}, date = {2020/2022}}")?.issued?.yearText == "2020–2022")
        let (_, d) = parse("@misc{k, title={T}, date = {soon}}")
        #expect(d.map(\.id) == ["bib.date"])
    }

    @Test func commentsAndPreambleAreSkipped() {
        let (refs, d) = parse("""
        Free text before entries is a comment.
        @comment{ @misc{hidden, title = {No}} }
        @preamble{ "\\newcommand{\\x}{y}" }
        @misc{shown, title = {Yes}}
        """)
        #expect(refs.map(\.id) == ["shown"])
        #expect(d.isEmpty)
    }

    @Test(arguments: [
        ("article", "article-journal"), ("book", "book"), ("inbook", "chapter"), ("incollection", "chapter"),
        ("inproceedings", "paper-conference"), ("conference", "paper-conference"), ("proceedings", "book"),
        ("report", "report"), ("techreport", "report"), ("thesis", "thesis"), ("phdthesis", "thesis"),
        ("mastersthesis", "thesis"), ("online", "webpage"), ("electronic", "webpage"), ("misc", "document"),
        ("manual", "report"), ("standard", "standard"), ("legislation", "legislation"), ("legal", "legal_case"),
        ("dataset", "dataset"), ("unpublished", "manuscript"),
    ])
    func entryTypes(_ bib: String, _ csl: String) {
        #expect(one("@\(bib){k, author = {A, B}, title = {T}, year = 2020}")?.type == csl)
    }

    @Test func bibLaTeXAndBibTeXFieldNames() {
        let a = one("@article{k, author={A, B}, title={T}, journaltitle={J1}, date={2021}, number={4}, doi={https://doi.org/10.1/x}}")
        #expect(a?["container-title"] == "J1")
        #expect(a?["issue"] == "4")
        #expect(a?["DOI"] == "10.1/x")
        let b = one("@article{k, author={A, B}, title={T}, journal={J2}, year={2021}}")
        #expect(b?["container-title"] == "J2")
        for (field, value) in [("institution", "Inst"), ("organization", "Org"), ("publisher", "Pub")] {
            #expect(one("@report{k, title={T}, \(field)={\(value)}, year={2020}}")?["publisher"] == value)
        }
        let e = one("@misc{k, title={T}, eprint={2305.15324}, eprinttype={arxiv}}")
        #expect(e?["URL"] == "https://arxiv.org/abs/2305.15324")
        #expect(e?["number"] == "arXiv:2305.15324")
        #expect(one("@thesis{k, author={A, B}, title={T}, type={PhD thesis}, institution={U}, year={2020}}")?["genre"] == "PhD thesis")
        #expect(one("@misc{k, title={T}, pages={33--35}}")?["page"] == "33-35")
        #expect(one("@book{k, title={T}, subtitle={Sub}}")?["title"] == "T: Sub")
    }

    @Test func crossrefInheritsMissingFieldsAndMapsTheTitle() {
        let (refs, d) = parse("""
        @incollection{child, crossref = {parent}, author = {Child, C.}, title = {Chapter}, pages = {1--9}}
        @book{parent, editor = {Doe, Jane}, title = {The Handbook}, publisher = {OUP}, year = {2022}, address = {Oxford}}
        """)
        #expect(d.isEmpty)
        let child = refs.first { $0.id == "child" }
        #expect(child?["title"] == "Chapter")
        #expect(child?["container-title"] == "The Handbook")
        #expect(child?["publisher"] == "OUP")
        #expect(child?.issued?.year == 2022)
        #expect(child?.editor.first?.family == "Doe")
        let (_, missing) = parse("@inbook{x, crossref = {nowhere}, author={A, B}, title = {T}, booktitle={B}, year={2000}}")
        #expect(missing.map(\.id) == ["bib.crossref-unknown"])
    }

    @Test func malformedEntriesAreLocatedAndTheRestSurvive() {
        let text = """
        @article{good1, title = {One}}
        @article{bad1, title = {Unclosed
        @article{good2, title = {Two}}
        @article{bad2 title = {no comma}}
        @article{good3, title = {Three}}
        @article{bad3, = {no name}}
        @misc{good4, title = {Four}}
        """
        let (refs, d) = parse(text)
        #expect(refs.map(\.id) == ["good1", "good2", "good3", "good4"])
        let errors = d.filter { $0.severity == .error }
        #expect(errors.map(\.id) == ["bib.syntax", "bib.syntax", "bib.syntax"])
        #expect(errors.map { $0.location?.description ?? "" } == ["refs.bib:2:24", "refs.bib:4:15", "refs.bib:6:16"])
        #expect(errors.first?.message == "a '{' is not closed before the next entry")
    }

    @Test func unknownMacrosAndTypesWarn() {
        let (refs, d) = parse("@strange{k, title = nomacro}")
        #expect(refs.count == 1)
        #expect(Set(d.map(\.id)) == ["bib.unknown-macro", "bib.unknown-type"])
    }

    @Test func missingRequiredFieldsWarn() {
        let (_, d) = parse("@article{k, author = {A, B}, title = {T}}")
        #expect(d.map(\.message) == ["@article 'k' has no 'journal' or 'journaltitle'", "@article 'k' has no 'year' or 'date'"])
        #expect(d.allSatisfy { $0.id == "bib.missing-field" && $0.location?.description == "refs.bib:1:1" })
    }

    @Test func duplicateKeysNameBothPlaces() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("a.bib", "@misc{k, title = {A}}\n")
        try s.write("b.json", "[\n  {\"id\": \"k\", \"type\": \"book\", \"title\": \"B\"}\n]\n")
        let (bib, d) = BibliographyLoader.load([(s.url.appendingPathComponent("a.bib"), nil),
                                                 (s.url.appendingPathComponent("b.json"), nil)])
        #expect(bib.references.count == 1)
        #expect(d.map(\.id) == ["bib.duplicate-key"])
        #expect(d.first?.location?.description.hasSuffix("b.json:2:4") == true)
        #expect(d.first?.notes.first?.message.hasSuffix("a.bib:1:1") == true)
    }

    @Test func cslJSONIsRead() {
        let json = """
        [{"id": "x", "type": "article-journal", "title": "T", "container-title": "J", "page": "3-4",
          "author": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}, {"literal": "IMDA"}],
          "issued": {"date-parts": [[2024, 5]]}, "DOI": "10.1/y", "volume": 12}]
        """
        let (refs, d) = BibliographyLoader.parse(json, file: "x.json", isJSON: true)
        #expect(d.isEmpty)
        let r = refs.first
        #expect(r?.author == [.init(family: "Berg", given: "Jan", particle: "van der"), .init(literal: "IMDA")])
        #expect(r?.issued == .init(year: 2024, month: 5))
        #expect(r?["volume"] == "12")
        #expect(BibliographyLoader.parse("{", file: "x.json", isJSON: true).1.map(\.id) == ["bib.json"])
    }

    /// biblatex's @xdata (fields shared by several entries) and `ids` (other keys for an entry).
    @Test func xdataAndIds() {
        let (refs, d) = parse("""
            @xdata{pub, publisher = {Quasar}, location = {Rome}}
            @book{b, title = {Z}, author = {Doe, Jane}, year = 2002, xdata = {pub}, ids = {balias, b2}}
            @book{c, author = {Roe, Rick}, title = {Y}, year = 2003, xdata = {nothere}}
            """)
        #expect(refs.map(\.id) == ["b", "c"], "an @xdata entry is not a reference")
        #expect(refs.first?["publisher"] == "Quasar" && refs.first?["publisher-place"] == "Rome")
        #expect(refs.first?.aliases == ["balias", "b2"])
        #expect(d.map(\.id) == ["bib.crossref-unknown"], "\(d)")
        var bib = Bibliography()
        for r in refs { #expect(bib.add(r) == nil) }
        #expect(bib.canonical("b2") == "b" && bib["balias"]?.id == "b" && bib.canonical("zzz") == "zzz")
        // A loop among @xdata entries is cut, with a warning, and nothing is lost.
        let (looped, warned) = parse("@xdata{x1, xdata = {x2}, note = {N}}\n@xdata{x2, xdata = {x1}, publisher = {P}}\n@misc{m, title = {T}, xdata = {x1}}")
        #expect(looped.map(\.id) == ["m"] && looped.first?["publisher"] == "P" && looped.first?["note"] == "N")
        #expect(warned.contains { $0.message.contains("the loop is cut here") }, "\(warned)")
        var clash = Reference(id: "d", type: "book", location: SourceLocation(file: "refs.bib", line: 9, column: 1))
        clash.aliases = ["b"]
        #expect(bib.add(clash)?.id == "bib.duplicate-key")
    }

    /// Exported for biber, a family name of several words stays one family name.
    @Test func biblatexKeepsAFamilyNameWhole() {
        let (refs, _) = parse("@book{vdl, author = {{van der Laan}, Mark and van Beethoven, Ludwig and {bell hooks}}, title = {T}, year = 2003}")
        let bib = BibLaTeXWriter.bib(refs)
        #expect(bib.contains("author = {{van der Laan}, Mark and van Beethoven, Ludwig and {bell hooks}}"), "\(bib)")
        let (back, _) = parse(bib)
        #expect(back.first?.author.map(\.family) == refs.first?.author.map(\.family), "the round trip keeps the names")
    }
}
