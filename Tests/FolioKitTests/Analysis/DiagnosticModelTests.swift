import Foundation
import Testing
@testable import FolioKit

/// One diagnostic model: ranges in every output format, located notes, and one catalogue of ids.
@Suite struct DiagnosticModelTests {
    @Test func rangesReachJSONAndSARIF() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"]))
        try s.write("P/a.md", "---\nowners: [wg]\n---\n# A\n\nSee the the tiers and TODO later.\n")
        let dir = s.url.appendingPathComponent("P").path
        let json = try CLI.run(["lint", "--paper", dir, "--format", "json"])
        let found = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        func span(_ id: String) -> [Int] {
            guard let d = found.first(where: { $0["id"] as? String == id }) else { return [] }
            return ["line", "column", "endLine", "endColumn"].compactMap { d[$0] as? Int }
        }
        // The repeated "the" is columns 9-11; "TODO" is 23-26.
        #expect(span("prose.repeated-word") == [6, 9, 6, 11], "\(json.stdout)")
        #expect(span("prose.todo") == [6, 23, 6, 26])

        let sarif = try CLI.run(["lint", "--paper", dir, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let todo = try #require(results.first { $0["ruleId"] as? String == "prose.todo" })
        let region = (((todo["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]) ?? [:]
        // SARIF's endColumn is one past the last character.
        #expect(region["startLine"] as? Int == 6 && region["startColumn"] as? Int == 23)
        #expect(region["endLine"] as? Int == 6 && region["endColumn"] as? Int == 27, "\(region)")

        let github = try CLI.run(["lint", "--paper", dir, "--format", "github"])
        #expect(github.stdout.contains("line=6,col=23,endColumn=26,title=prose.todo"), "\(github.stdout)")
    }

    @Test func locatedNotesPrintAsTheirOwnLines() {
        var d = Diagnostic.error("label.duplicate", "id 'x' is already used", at: SourceLocation(file: "b.md", line: 4, column: 1))
        d.notes = [Diagnostic.Note("first used here", at: SourceLocation(file: "a.md", line: 2, column: 3)), "rename one of them"]
        let text = DiagnosticPrinter(useColor: false).format(d)
        #expect(text == "b.md:4:1: error: id 'x' is already used [label.duplicate]\n    a.md:2:3: note: first used here\n    note: rename one of them")
    }

    /// Every id the sources report is in the catalogue, and every catalogue id is reported somewhere.
    @Test func theCatalogueMatchesTheSources() throws {
        let root = TestPaths.packageRoot.appendingPathComponent("Sources")
        var text = ""
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift", url.lastPathComponent != "StageDiagnostics.swift",
                  url.lastPathComponent != "DiagnosticCatalog.swift" else { continue }
            text += try String(contentsOf: url, encoding: .utf8)
        }
        let pattern = try NSRegularExpression(pattern: #"(?:\.(?:error|warning)\(|Diagnostic\(\.(?:error|warning|note), |refuse\(|fail\()"([a-z-]+\.[a-z0-9.-]+)""#)
        let reported = Set(pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        })
        let known = Set(DiagnosticCatalog.all.map(\.id))
        #expect(reported.subtracting(known).isEmpty, "ids missing from the catalogue: \(reported.subtracting(known).sorted())")
        for info in DiagnosticCatalog.all where !info.id.hasPrefix("limits.") && !info.id.hasSuffix("-key") {
            #expect(text.contains("\"\(info.id)\""), "the catalogue lists '\(info.id)', which nothing reports")
        }
        #expect(Set(DiagnosticCatalog.all.map(\.id)).count == DiagnosticCatalog.all.count, "an id is listed twice")
    }

    @Test func safetyErrorsCannotBeConfiguredAway() {
        for id in ["math.unsafe", "source.invalid-utf8", "yaml.too-many-aliases", "image.content", "svg.doctype"] {
            #expect(DiagnosticCatalog.info(id)?.configurable == false, "\(id)")
        }
        #expect(DiagnosticCatalog.info("prose.todo")?.configurable == true)
    }
}
