import Foundation
import Testing
@testable import FolioKit

/// One test per evidence rule, each on a small paper made for it, plus claims and sides.
@Suite struct EvidenceRuleTests {
    /// A two-part paper with one chapter per side and a one-item checklist.
    func check(item: String, demand: String, supply: String = "---\ntitle: S\n---\n\nText.\n",
               profile: Profile = .draft) throws -> (CoverageReport?, [Diagnostic]) {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", """
            title: T
            bibliography: [refs.bib]
            checklist: checklist.yaml
            nocite: ["*"]
            parts:
              - title: D
                side: demand
                chapters: [d.md]
              - title: S
                side: supply
                chapters: [s.md]

            """)
        try s.write("P/refs.bib", "@misc{a, title = {A}, year = 2020}\n@misc{b, title = {B}, year = 2021}\n")
        try s.write("P/checklist.yaml", "title: C\nitems:\n" + item)
        try s.write("P/d.md", demand)
        try s.write("P/s.md", supply)
        let (report, engine) = CheckPipeline.run(paperDirectory: s.url.appendingPathComponent("P").path, profile: profile)
        return (report, engine.diagnostics)
    }

    func result(_ r: (CoverageReport?, [Diagnostic])) -> CoverageReport.Result? { r.0?.results.first }

    static let fiveWords = "---\ntitle: D\n---\n\n## Tiers {#sec:t covers=\"DS-1\"}\n\none two three four five.\n"

    @Test func minWords() throws {
        let item = "  - id: DS-1\n    side: demand\n    title: X\n    requires:\n      min-words: 7\n"
        let r = try check(item: item, demand: Self.fiveWords)
        #expect(result(r)?.status == .partial)
        #expect(result(r)?.failures.map(\.message) == ["6 words in §1.1 (needs 7)"])
        let ok = try check(item: item.replacingOccurrences(of: "7", with: "6"), demand: Self.fiveWords)
        #expect(result(ok)?.status == .covered, "the heading's own word counts: \(String(describing: result(ok)?.failures))")
    }

    @Test func subsectionsCountTowardTheirSection() throws {
        let text = "---\ntitle: D\n---\n\n## Tiers {#sec:t covers=\"DS-1\"}\n\none two.\n\n### Sub\n\nthree four five six seven eight.\n\n## Other\n\nnot counted at all here.\n"
        let r = try check(item: "  - id: DS-1\n    side: demand\n    title: X\n    requires:\n      min-words: 10\n", demand: text)
        #expect(result(r)?.words == 10)
        #expect(result(r)?.status == .covered)
    }

    @Test func citationsAreDistinctSources() throws {
        let item = "  - id: DS-1\n    side: demand\n    title: X\n    requires:\n      citations: 2\n"
        let one = "---\ntitle: D\n---\n\n## T {#sec:t covers=\"DS-1\"}\n\nText [@a] and again [@a].\n"
        #expect(result(try check(item: item, demand: one))?.failures.map(\.message) == ["1 distinct source cited (needs 2)"])
        let two = "---\ntitle: D\n---\n\n## T {#sec:t covers=\"DS-1\"}\n\nText [@a; @b].\n"
        #expect(result(try check(item: item, demand: two))?.status == .covered)
    }

    @Test func mustReference() throws {
        let item = "  - id: DS-1\n    side: demand\n    title: X\n    requires:\n      must-reference: [tbl:uses, item:DS-1]\n"
        let without = "---\ntitle: D\n---\n\n## T {#sec:t covers=\"DS-1\"}\n\nText.\n\n: Uses. {#tbl:uses}\n\n| a |\n|---|\n| b |\n\nSee @tbl:uses.\n"
        let r = try check(item: item, demand: without)
        #expect(result(r)?.failures.map(\.message) == ["no reference to @item:DS-1"])
        let with = without + "\nAnd @item:DS-1.\n"
        #expect(result(try check(item: item, demand: with))?.status == .covered)
    }

    @Test func keywordsAreCaseInsensitive() throws {
        let item = "  - id: DS-1\n    side: demand\n    title: X\n    requires:\n      keywords: [Risk Classification, residency]\n"
        let text = "---\ntitle: D\n---\n\n## T {#sec:t covers=\"DS-1\"}\n\nA risk classification is made.\n"
        #expect(result(try check(item: item, demand: text))?.failures.map(\.message) == ["missing keyword 'residency'"])
    }

    @Test func statusAppliesInTheFinalProfile() throws {
        let item = "  - id: DS-1\n    side: demand\n    title: X\n    requires:\n      status: review\n"
        let draft = "---\ntitle: D\nstatus: draft\n---\n\n## T {#sec:t covers=\"DS-1\"}\n\nText.\n"
        #expect(result(try check(item: item, demand: draft))?.status == .covered)
        let final = try check(item: item, demand: draft, profile: .final)
        #expect(result(final)?.failures.map(\.message) == ["§1.1 is draft (needs review)"])
        let reviewed = draft.replacingOccurrences(of: "status: draft", with: "status: approved")
        #expect(result(try check(item: item, demand: reviewed, profile: .final))?.status == .covered)
    }

    @Test func notCoveredAndSeverity() throws {
        let item = "  - id: DS-1\n    side: demand\n    title: X\n    severity: warning\n"
        let r = try check(item: item, demand: "---\ntitle: D\n---\n\nNothing.\n")
        #expect(result(r)?.status == .missing)
        #expect(r.1.first { $0.id == "check.not-covered" }?.severity == .warning)
        let final = try check(item: item, demand: "---\ntitle: D\n---\n\nNothing.\n", profile: .final)
        #expect(final.1.first { $0.id == "check.not-covered" }?.severity == .error, "final makes warning items errors")
    }

    @Test func frontMatterAndMarkerClaims() throws {
        let item = "  - id: SS-1\n    side: supply\n    title: X\n    requires:\n      min-words: 3\n"
        let chapter = "---\ntitle: S\ncovers: [SS-1]\n---\n\none two three.\n"
        #expect(result(try check(item: item, demand: "---\ntitle: D\n---\n\nx\n", supply: chapter))?.claims.first?.claim.scope == .chapter)
        let marker = "---\ntitle: S\n---\n\none two three.\n\n[[covers: SS-1]]\n\nNot claimed, this one.\n"
        let r = try check(item: item, demand: "---\ntitle: D\n---\n\nx\n", supply: marker)
        #expect(result(r)?.claims.first?.claim.scope == .paragraph)
        #expect(result(r)?.words == 3)
        let inline = "---\ntitle: S\n---\n\none two three [[covers: SS-1]] four.\n"
        #expect(result(try check(item: item, demand: "---\ntitle: D\n---\n\nx\n", supply: inline))?.words == 4)
    }

    @Test func unknownItemsWrongSideAndPrimary() throws {
        let item = "  - id: SS-1\n    side: supply\n    title: X\n"
        let demand = "---\ntitle: D\n---\n\n## A {#sec:a covers=\"SS-1 SS-2\"}\n\nx\n\n## B {#sec:b covers=\"SS-1\"}\n\ny\n"
        let r = try check(item: item, demand: demand)
        let unknown = r.1.first { $0.id == "check.unknown-item" }
        #expect(unknown?.message == "unknown checklist item 'SS-2'")
        #expect(unknown?.notes.first == "did you mean 'SS-1'?")
        #expect(unknown?.location?.line == 5)
        #expect(r.1.contains { $0.id == "check.wrong-side" && $0.severity == .warning })
        #expect(r.1.contains { $0.id == "check.no-primary" && $0.severity == .note })
        let primary = demand.replacingOccurrences(of: "covers=\"SS-1\"}", with: "primary=\"SS-1\"}")
        #expect(!(try check(item: item, demand: primary)).1.contains { $0.id == "check.no-primary" })
    }
}
