import Foundation
import Testing
@testable import FolioKit

/// The glossary in the outputs: the appendix, `<abbr title>` and the expansion at first use.
@Suite struct GlossaryOutputTests {
    func build(_ chapter: String, glossary: String) throws -> (html: String, tex: String, errors: [Diagnostic]) {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nglossary: g.yaml\nparts:\n  - title: D\n    side: demand\n    chapters: [a.md]\n")
        try s.write("P/a.md", chapter)
        try s.write("P/g.yaml", glossary)
        let o = BuildPipeline.run(.init(paperDirectory: s.url.appendingPathComponent("P").path,
                                        outputDirectory: s.url.appendingPathComponent("B").path, formats: [.html, .latex], profile: .draft))
        return (s.read("B/html/index.html") ?? "", s.read("B/latex/paper.tex") ?? "", o.diagnostics.diagnostics.filter { $0.severity == .error })
    }

    static let glossary = """
        entries:
          - term: National Institute of Standards and Technology
            acronym: NIST
            definition: The United States standards body.
          - term: NIST AI Risk Management Framework
            acronym: NIST AI RMF
            definition: NIST's voluntary framework.
          - term: access tier
            definition: A level of access.
        """

    @Test func firstUseIsExpandedAndEveryUseIsAnAbbreviation() throws {
        let out = try build("---\ntitle: A\n---\n\n## NIST work\n\nNIST wrote the NIST AI RMF. NIST again, and `NIST` in code.\n", glossary: Self.glossary)
        #expect(out.errors.isEmpty, "\(out.errors)")
        let abbr = "<abbr title=\"National Institute of Standards and Technology\">NIST</abbr>"
        #expect(out.html.contains("National Institute of Standards and Technology (\(abbr)) wrote the NIST AI Risk Management Framework (<abbr title=\"NIST AI Risk Management Framework\">NIST AI RMF</abbr>). \(abbr) again, and <code>NIST</code> in code."))
        #expect(out.html.contains("<span class=\"secnum\">1.1</span> NIST work</h3>"), "headings are left alone")
        #expect(out.tex.contains("National Institute of Standards and Technology (NIST) wrote the NIST AI Risk Management Framework (NIST AI RMF). NIST again"))
    }

    @Test func anAuthorsOwnDefinitionIsNotRepeated() throws {
        let out = try build("---\ntitle: A\n---\n\nThe National Institute of Standards and Technology (NIST) leads. NIST again.\n", glossary: Self.glossary)
        #expect(out.html.contains("The National Institute of Standards and Technology (<abbr"))
        #expect(!out.html.contains("Technology (National Institute"))
        #expect(out.tex.contains("The National Institute of Standards and Technology (NIST) leads. NIST again."))
    }

    @Test func appendixInBothOutputs() throws {
        let out = try build("---\ntitle: A\n---\n\nText.\n", glossary: Self.glossary)
        #expect(out.html.contains("<span class=\"chapnum\">Appendix A</span> Glossary and abbreviations"))
        #expect(out.html.contains("<p><strong>access tier</strong>: A level of access.</p>"))
        #expect(out.html.contains("<p><strong>National Institute of Standards and Technology</strong> (NIST): The United States standards body.</p>"))
        #expect(out.tex.contains("\\chapter[Glossary and abbreviations]{Glossary and abbreviations}\\label{sec:glossary}"))
        #expect(out.tex.contains("\\textbf{access tier}: A level of access."))
    }

    @Test func badGlossaryIsLocated() throws {
        let out = try build("---\ntitle: A\n---\n\nText.\n", glossary: "entries:\n  - term: X\n    acronym: not one\n    definition: D\n")
        #expect(out.errors.first?.id == "glossary.acronym")
        #expect(out.errors.first?.location?.description.hasSuffix("g.yaml:3:14") == true)
    }
}
