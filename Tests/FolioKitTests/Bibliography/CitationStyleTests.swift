import Foundation
import Testing
@testable import FolioKit

/// The three citation styles on one fixture paper: golden HTML and LaTeX, and the rules each must keep.
@Suite struct CitationStyleTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("papers/citations")

    /// Builds a copy of the fixture with extra manifest lines (and optionally changed chapters).
    func build(_ extra: String, chapters: [String: String] = [:]) throws -> (Scratch, BuildPipeline.Outcome) {
        let s = try Scratch()
        let paper = s.url.appendingPathComponent("Paper")
        try FileManager.default.copyItem(at: Self.fixture, to: paper)
        try? FileManager.default.removeItem(at: paper.appendingPathComponent("expected"))
        // Keys in `extra` replace the fixture's own.
        let keys = extra.split(separator: "\n").compactMap { $0.split(separator: ":").first.map { $0 + ":" } }
        let manifest = try String(contentsOf: paper.appendingPathComponent("folio.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !keys.contains { line.hasPrefix($0) } }.joined(separator: "\n")
        try s.write("Paper/folio.yaml", manifest + extra)
        for (name, text) in chapters { try s.write("Paper/chapters/\(name)", text) }
        let outcome = BuildPipeline.run(.init(paperDirectory: paper.path, outputDirectory: s.url.appendingPathComponent("Build").path,
                                              formats: [.html, .latex], profile: .final))
        return (s, outcome)
    }

    @Test(arguments: CitationOptions.Style.allCases)
    func goldenOutputs(_ style: CitationOptions.Style) throws {
        let (s, outcome) = try build("citation-style: \(style.rawValue)\n")
        defer { s.remove() }
        #expect(outcome.diagnostics.diagnostics.isEmpty, "\(outcome.diagnostics.diagnostics)")
        let expected = Self.fixture.appendingPathComponent("expected")
        Golden.check(s.read("Build/html/index.html") ?? "", expected.appendingPathComponent("\(style.rawValue).html"))
        Golden.check(s.read("Build/latex/paper.tex") ?? "", expected.appendingPathComponent("\(style.rawValue).tex"))
    }

    func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
    }

    @Test func authorDate() throws {
        let (s, _) = try build("citation-style: author-date\n")
        defer { s.remove() }
        let t = text(s.read("Build/html/index.html") ?? "")
        for expected in ["(Tan, Smith, and Kumar 2023b)", "(see Tan, Smith, and Kumar 2023b, 33–35; also Lee et al. 2021a, chap. 2)",
                         "Öztürk and Müller (2020) describe", "Tan, Smith, and Kumar (2023b, 40) gives",
                         "The framework (2024) is national", "(Kim 2022; Rao 2021)", "(Notes on Content Provenance n.d.)",
                         "(Chen et al. 2020)", "(Nguyen et al. n.d.)", "(Team 2020)", "Mail policy@imda.gov.sg, never @tan2023 in code",
                         "A cross-reference still works: Chapter 2",
                         "Tan, Wei Ming, John Smith, and Raj Kumar. 2023b. “Tiered Access to Frontier Models.” Journal of AI Policy 12 (3): 33–59. https://doi.org/10.1000/tan.2023.",
                         "Öztürk, Ayça, and Jörg Müller. 2020. “Red-Teaming in Practice.” In Handbook of AI Safety, edited by Jane Doe and Richard Roe, 1–20. London: Example Press.",
                         "Kim, Min-jun. 2022. “Evaluating Multilingual Safety.” PhD thesis. Example University."] {
            #expect(t.contains(expected), "missing: \(expected)")
        }
        // Sorted by author, then year; 2023a before 2023b.
        let order = ["AI Seoul Summit. 2024", "Chen, Li, et al.", "Ibrahim, Siti", "Lee, Ana", "Öztürk, Ayça", "Tan, Wei Ming, John Smith, and Raj Kumar. 2023a",
                     "Tan, Wei Ming, John Smith, and Raj Kumar. 2023b", "Zola, Émile"]
        let positions = order.compactMap { t.range(of: $0, options: .backwards)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }

    @Test func numeric() throws {
        let (s, _) = try build("citation-style: numeric\n")
        defer { s.remove() }
        let html = s.read("Build/html/index.html") ?? ""
        let t = text(html)
        for expected in ["tiered access [1] and acceptance tests [2]", "see [1, pp. 33–35], also [3, ch. 2]", "Öztürk and Müller [4] describe",
                         "Tan, Smith, and Kumar [1, p. 40]", "Theses [8], [9]", "A range:\n[1]–[4]", "Again [1, p. 50]",
                         "[1] W. M. Tan, J. Smith, and R. Kumar, “Tiered Access to Frontier Models,” Journal of AI Policy, vol. 12, no. 3, pp. 33–59, Mar. 2023, doi: 10.1000/tan.2023.",
                         "[20] S. Ibrahim, Multilingual Red-Team Prompts"] {
            #expect(t.contains(expected), "missing: \(expected)")
        }
        #expect(html.contains("<a href=\"#ref-tan2023\">[1]</a>"))
    }

    @Test func notes() throws {
        let (s, _) = try build("citation-style: notes\n")
        defer { s.remove() }
        let html = s.read("Build/html/index.html") ?? ""
        let t = text(html)
        for expected in ["Operators need tiered access1 and acceptance tests.2",
                         "Wei Ming Tan, John Smith, and Raj Kumar, “Tiered Access to Frontier Models,” Journal of AI Policy 12, no. 3 (2023): 33–59, https://doi.org/10.1000/tan.2023.",
                         "See Tan, Smith, and Kumar, “Tiered Access to Frontier Models,” 33–35; also Ana Lee et al., Governing Critical Infrastructure: Practice and Policy (Singapore: Example University Press, 2021), chap. 2.",
                         "Min-jun Kim, “Evaluating Multilingual Safety” (PhD thesis, Example University, 2022)",
                         "Tan, Smith, and Kumar, “Tiered Access to Frontier Models,” 50.",
                         "Tan, Wei Ming, John Smith, and Raj Kumar. “Tiered Access to Frontier Models.” Journal of AI Policy 12, no. 3 (2023): 33–59."] {
            #expect(t.contains(expected), "missing: \(expected)")
        }
        // A citation inside an author's footnote stays in that note; it does not make another.
        #expect(t.contains("See the regulation Regulation (EU) 2024/1689 (Artificial Intelligence Act) (July 12, 2024), art. 14"))
        let tex = s.read("Build/latex/paper.tex") ?? ""
        #expect(tex.contains("tiered access\\footnote[1]{"))
    }

    @Test(arguments: CitationOptions.Style.allCases)
    func everyCitationLinksToItsEntryAndBack(_ style: CitationOptions.Style) throws {
        let (s, _) = try build("citation-style: \(style.rawValue)\n")
        defer { s.remove() }
        let html = s.read("Build/html/index.html") ?? ""
        let ids = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
        let links = html.matches(of: /href="#([^"]+)"/).map { String($0.1) }
        #expect(!links.isEmpty)
        for link in links { #expect(ids.contains(link), "dead link #\(link)") }
        #expect(links.contains("ref-odd.key:x"))
        #expect(links.contains { $0.hasPrefix("cite-") }, "entries link back to citations")
        let tex = s.read("Build/latex/paper.tex") ?? ""
        let targets = Set(tex.matches(of: /\\hypertarget\{([^}]+)\}/).map { String($0.1) })
        for link in tex.matches(of: /\\hyperlink\{([^}]+)\}/).map({ String($0.1) }) {
            #expect(targets.contains(link), "LaTeX link to missing target \(link)")
        }
    }

    @Test func referencesTitleAndRefsDiv() throws {
        let (s, outcome) = try build("references-title: Bibliography\n")
        defer { s.remove() }
        #expect(!outcome.diagnostics.hasErrors)
        #expect(s.read("Build/html/index.html")?.contains("<h2 class=\"chapter-title\">Bibliography</h2>") == true)
        let two = "---\ntitle: Supply side\nid: sec:supply\n---\n\nProviders [@others2020; @draft; @tan2023; @tan2023b; @lee2021; @ozturk2020; @conf2019].\n\n## Sources\n\n::: {#refs}\n:::\n"
        let (s2, outcome2) = try build("", chapters: ["two.md": two])
        defer { s2.remove() }
        #expect(!outcome2.diagnostics.hasErrors, "\(outcome2.diagnostics.diagnostics)")
        let html = s2.read("Build/html/index.html") ?? ""
        #expect(!html.contains("<h2 class=\"chapter-title\">References</h2>"), "the div takes the bibliography's place")
        #expect(html.contains("<div id=\"refs\"><div class=\"references\">") || html.contains("id=\"refs\""))
    }

    @Test func diagnostics() throws {
        let one = "---\ntitle: Demand side\n---\n\nSee [@tann2023] and @lee2021 and [@nist2023; @missing].\n"
        let (s, outcome) = try build("nocite: [nothere]\n", chapters: ["one.md": one])
        defer { s.remove() }
        let d = outcome.diagnostics.diagnostics
        let unknown = d.filter { $0.id == "citation.unknown-key" }
        #expect(unknown.map(\.message) == ["unknown nocite key 'nothere'", "unknown citation key 'tann2023'", "unknown citation key 'missing'"])
        #expect(unknown.dropFirst().first?.location?.description.hasSuffix("chapters/one.md:5:6") == true)
        #expect(unknown.dropFirst().first?.notes.first == "did you mean '@tan2023'?")
        let uncited = d.filter { $0.id == "citation.uncited" }.compactMap { $0.message.split(separator: "'").dropFirst().first }
        #expect(uncited.contains("kim2022") && uncited.contains("dataset2022") && !uncited.contains("lee2021"))
        #expect(d.first { $0.id == "citation.uncited" }?.location?.description.contains("refs.bib:") == true)
        #expect(outcome.diagnostics.hasErrors)
    }

    @Test func nociteStarListsEverything() throws {
        let one = "---\ntitle: Demand side\n---\n\nOnly [@tan2023].\n"
        let two = "---\ntitle: Supply side\n---\n\nNothing cited.\n"
        let (s, outcome) = try build("nocite: ['*']\n", chapters: ["one.md": one, "two.md": two])
        defer { s.remove() }
        #expect(outcome.diagnostics.diagnostics.isEmpty, "\(outcome.diagnostics.diagnostics)")
        #expect(s.read("Build/html/index.html")?.contains("id=\"ref-kim2022\"") == true)
    }

    @Test func unknownStyleIsLocated() throws {
        let (s, outcome) = try build("citation-style: autor-date\n")
        defer { s.remove() }
        let d = outcome.diagnostics.diagnostics.first
        #expect(d?.id == "manifest.citation-style")
        #expect(d?.notes.first == "did you mean 'author-date'?")
        #expect(d?.location?.line == 12)
    }

    @Test(arguments: [
        (", pp. 33–35", "33–35", "pp. 33–35"), ("p. 4", "4", "p. 4"), ("chap. 2", "chap. 2", "ch. 2"),
        (", sec. 3", "sec. 3", "sec. 3"), ("para. 12", "para. 12", "para. 12"), (", 50", "50", "p. 50"),
        ("fig. 3", "fig. 3", "fig. 3"), ("art. 14", "art. 14", "art. 14"), ("pp. 33-35, emphasis added", "33–35, emphasis added", "pp. 33–35, emphasis added"),
        ("§§ 4–6", "secs. 4–6", "secs. 4–6"), ("¶ 7", "para. 7", "para. 7"), ("Vol. 2", "vol. 2", "vol. 2"),
        ("page 9", "9", "p. 9"), ("p.12", "12", "p. 12"), ("pp. 33--35", "33–35", "pp. 33–35"), ("p. xiv", "xiv", "p. xiv"),
        ("pp. ٣–٥", "٣–٥", "pp. ٣–٥"),
    ])
    func locators(_ suffix: String, _ chicago: String, _ ieee: String) {
        let loc = Locator.parse(suffix)
        let restC = loc.map { $0.rest.isEmpty ? $0.chicago : $0.chicago + ($0.rest.hasPrefix(",") ? "" : " ") + $0.rest }
        let restI = loc.map { $0.rest.isEmpty ? $0.ieee : $0.ieee + ($0.rest.hasPrefix(",") ? "" : " ") + $0.rest }
        #expect(restC == chicago)
        #expect(restI == ieee)
    }

    /// Titles sort without case, accents, punctuation or a leading article; ASCII titles take a byte
    /// path that must agree with the general one.
    @Test func sortableTitles() {
        #expect(ReferenceParts.sortableTitle("The Risk of AI-2: a Survey") == "risk of ai2 a survey")
        #expect(ReferenceParts.sortableTitle("An Uber Model") == "uber model")
        #expect(ReferenceParts.sortableTitle("An Über Model") == "uber model")
        #expect(ReferenceParts.sortableTitle("A the Study\tof\r\nthings") == "the studyofthings")
    }

    @Test func suffixWithoutLocatorIsKept() {
        #expect(Locator.parse("emphasis added") == nil)
        // A word that only starts with a term is no term: "pagers 3" has no locator.
        #expect(Locator.parse("pagers 3") == nil)
        #expect(Locator.parse("§x 3") == nil)
        // A term never runs on into a letter, after its period either: "p.c." is no page.
        #expect(Locator.parse("p.c.") == nil)
        #expect(Locator.parse("l.c. 4") == nil)
    }

    /// The byte paths for a citation's prefix and suffix and for a locator's dashes give what
    /// Foundation gives.
    @Test func byteTrimsAndDashesAgreeWithFoundation() {
        let texts = ["", " ", "see", "  see  ", "\tp. 33\n", "\u{A0}see\u{A0}", " e.g.\u{2003}", "é ", " \u{301}x ", "x\u{301} ", "\r\n", "\u{85}a\u{85}", " a b "]
        for text in texts {
            #expect(CitationSyntax.trimmedText(Array(text.utf8)[...]) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.debugDescription)")
        }
        for value in ["33", "33-35", "-1", "1-", "1--2", "a-b-c", "33-\u{301}35", "é-2", "xii-xiv"] {
            #expect(Array(Locator.enDashes(value).utf8) == Array(value.replacingOccurrences(of: "-", with: "–").utf8), "\(value)")
        }
    }
}
