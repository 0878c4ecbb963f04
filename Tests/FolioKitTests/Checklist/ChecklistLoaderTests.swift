import Testing
@testable import FolioKit

/// The checklist file: schema errors located at their YAML line.
@Suite struct ChecklistLoaderTests {
    static let item = "items:\n  - id: DS-1\n    side: demand\n    title: T\n"

    @Test func validChecklist() throws {
        let (c, warnings) = try ChecklistLoader.load("""
        title: C
        version: 1.0.0
        source: NIST AI RMF
        groups:
          - id: govern
            title: Govern
        items:
          - id: DS-1
            side: demand
            group: govern
            title: Use cases
            description: Define them.
            severity: warning
            requires:
              min-words: 150
              citations: 2
              must-reference: [tbl:uses, "@item:SS-1"]
              status: review
              keywords: [risk]
        """, file: "c.yaml")
        #expect(warnings.isEmpty)
        let i = try #require(c.items.first)
        #expect(i.severity == .warning && i.side == .demand && i.group == "govern")
        #expect(i.rules.minWords == 150 && i.rules.citations == 2 && i.rules.status == .review)
        #expect(i.rules.mustReference == ["tbl:uses", "item:SS-1"] && i.rules.keywords == ["risk"])
        #expect(i.location.description == "c.yaml:8:5")
        #expect(c.groups.map(\.id) == ["govern"])
    }

    @Test(arguments: [
        ("title: C\nitems:\n  - id: DS-1\n    side: north\n    title: T\n", "checklist.side", "c.yaml:4:11"),
        ("title: C\nitems:\n  - id: DS-1\n    side: demand\n    title: T\n    severity: fatal\n", "checklist.severity", "c.yaml:6:15"),
        ("title: C\n" + item + "  - id: DS-1\n    side: supply\n    title: U\n", "checklist.duplicate-id", "c.yaml:6:9"),
        ("title: C\nitems:\n  - id: 3 bad\n    side: demand\n    title: T\n", "checklist.id", "c.yaml:3:9"),
        ("title: C\ngroups:\n  - id: govern\n    title: G\nitems:\n  - id: DS-1\n    side: demand\n    group: goverm\n    title: T\n",
         "checklist.group", "c.yaml:8:12"),
        ("title: C\nitems:\n  - id: DS-1\n    side: demand\n    title: T\n    requires:\n      min-words: many\n", "yaml.type", "c.yaml:7:18"),
        ("title: C\nitems:\n  - id: DS-1\n    side: demand\n    title: T\n    requires:\n      status: done\n", "checklist.status", "c.yaml:7:15"),
        ("title: C\nitems: []\n", "checklist.no-items", "c.yaml:1:1"),
        (item, "checklist.missing-key", "c.yaml:1:1"),
        ("title: C\nitems:\n  - id: DS-1\n    title: T\n", "checklist.missing-key", "c.yaml:3:5"),
    ])
    func schemaErrorsAreLocated(_ yaml: String, _ id: String, _ location: String) {
        do throws(Diagnostic) {
            _ = try ChecklistLoader.load(yaml, file: "c.yaml")
            Issue.record("expected \(id)")
        } catch {
            #expect(error.id == id, "\(error)")
            #expect(error.location?.description == location, "\(error)")
        }
    }

    @Test func unknownKeysWarnWithSuggestions() throws {
        let (_, warnings) = try ChecklistLoader.load("title: C\n" + Self.item + "    requires:\n      min-word: 3\n", file: "c.yaml")
        #expect(warnings.map(\.id) == ["checklist.unknown-key"])
        let text = (warnings.first.map { $0.message + $0.notes.map(\.message).joined() }) ?? ""
        #expect(text.contains("min-words"))
    }
}
