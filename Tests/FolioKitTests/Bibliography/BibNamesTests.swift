import Testing
@testable import FolioKit

/// BibTeX's name rules, one row per form.
@Suite struct BibNamesTests {
    typealias N = Reference.Name

    @Test(arguments: [
        ("Wei Ming Tan", N(family: "Tan", given: "Wei Ming")),
        ("Tan, Wei Ming", N(family: "Tan", given: "Wei Ming")),
        ("Jan van der Berg", N(family: "Berg", given: "Jan", particle: "van der")),
        ("van der Berg, Jan", N(family: "Berg", given: "Jan", particle: "van der")),
        ("de la Fontaine, Jr., Jean", N(family: "Fontaine", given: "Jean", particle: "de la", suffix: "Jr.")),
        ("Ludwig van Beethoven", N(family: "Beethoven", given: "Ludwig", particle: "van")),
        ("{\\'E}mile Zola", N(family: "Zola", given: "Émile")),
        ("{\\\"O}zt{\\\"u}rk, Ay{\\c{c}}a", N(family: "Öztürk", given: "Ayça")),
        ("Jean-Luc Picard", N(family: "Picard", given: "Jean-Luc")),
        ("Plato", N(family: "Plato")),
        ("{Infocomm Media Development Authority}", N(literal: "Infocomm Media Development Authority")),
        ("{Barnes and Noble}", N(literal: "Barnes and Noble")),
        ("{van Gogh}, Vincent", N(family: "van Gogh", given: "Vincent")),
        ("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin",
         N(family: "Vallée Poussin", given: "Charles Louis Xavier Joseph", particle: "de la")),
        // A braced particle has no case, so it joins the first names (BibTeX's rule).
        ("Charles Louis Xavier Joseph {de la} Vall{\\'e}e Poussin",
         N(family: "Poussin", given: "Charles Louis Xavier Joseph de la Vallée")),
        ("jean de la fontaine", N(family: "fontaine", particle: "jean de la")),
    ])
    func name(_ input: String, _ expected: N) {
        #expect(BibNames.parse(input) == [expected])
    }

    @Test func listsSplitOnAndAtBraceDepthZero() {
        let names = BibNames.parse("Tan, W. and {Barnes and Noble} AND Smith, J. and others")
        #expect(names == [N(family: "Tan", given: "W."), N(literal: "Barnes and Noble"), N(family: "Smith", given: "J."), .others])
        #expect(BibNames.parse("Andrew Anderson").first?.family == "Anderson", "'and' inside a word is not a separator")
    }

    /// An ASCII field is read by its bytes, any other by its characters: both read alike.
    @Test func asciiAndUnicodeFieldsReadAlike() {
        let ascii = BibNames.parse(" Tan,\tW.\r\nand  de~la Fontaine, Jean\nAND Zola, Emile ")
        let unicode = BibNames.parse(" Tan,\tW.\r\nand  de~la Fontaine, Jean\nAND Zola, Émile ")
        #expect(ascii == [N(family: "Tan", given: "W."), N(family: "Fontaine", given: "Jean", particle: "de la"), N(family: "Zola", given: "Emile")])
        #expect(unicode == [N(family: "Tan", given: "W."), N(family: "Fontaine", given: "Jean", particle: "de la"), N(family: "Zola", given: "Émile")])
    }
}
