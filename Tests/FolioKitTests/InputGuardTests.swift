import Testing
@testable import FolioKit

/// Each input limit, with its exact message and location.
@Suite struct InputGuardTests {
    func check(_ text: String, _ limits: InputLimits = InputLimits()) -> Diagnostic? {
        InputGuard.check(text, file: "ch.md", lineOffset: 2, limits: limits)
    }

    @Test func quoteDepth() throws {
        let d = try #require(check("ok\n" + String(repeating: "> ", count: 40) + "x\n"))
        #expect(d.id == "limits.quote-depth")
        #expect(d.message == "block quotes nested this deep (33) exceeds the limit of 32")
        #expect(d.location == SourceLocation(file: "ch.md", line: 4, column: 65))
        #expect(d.notes == ["raise 'quote-depth' in the manifest's 'limits:' section if this input is intended"])
    }

    @Test func listDepth() throws {
        let text = (0..<40).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()
        let d = try #require(check(text))
        #expect(d.id == "limits.list-depth")
        #expect(d.message == "lists nested this deep (33) exceeds the limit of 32")
        #expect(d.location?.line == 35)
    }

    @Test func listMarkersOnOneLine() throws {
        let d = try #require(check(String(repeating: "- ", count: 40) + "x\n"))
        #expect(d.id == "limits.list-depth")
    }

    @Test func tableColumns() throws {
        let text = "|" + String(repeating: " a |", count: 300) + "\n|" + String(repeating: "---|", count: 300) + "\n"
        let d = try #require(check(text))
        #expect(d.id == "limits.table-columns")
        #expect(d.message == "columns in this table (300) exceeds the limit of 256")
        #expect(d.location == SourceLocation(file: "ch.md", line: 4, column: 1))
    }

    @Test func tableCells() throws {
        var limits = InputLimits()
        limits.tableCells = 10
        let d = try #require(check("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n| 7 | 8 |\n", limits))
        #expect(d.id == "limits.table-cells")
        #expect(d.message == "cells in this table (12) exceeds the limit of 10")
        #expect(d.location?.line == 8)
    }

    @Test func footnotes() throws {
        var limits = InputLimits()
        limits.footnotes = 2
        let d = try #require(check("x[^a][^b][^c]\n\n[^a]: A\n[^b]: B\n[^c]: C\n", limits))
        #expect(d.id == "limits.footnotes")
        #expect(d.location == SourceLocation(file: "ch.md", line: 7, column: 1))
    }

    @Test func footnoteDepth() throws {
        var limits = InputLimits()
        limits.footnoteDepth = 2
        let text = "x[^a]\n\n[^a]: A\n    [^b]: B\n        [^c]: C\n"
        let d = try #require(check(text, limits))
        #expect(d.id == "limits.footnote-depth")
        #expect(d.message == "footnote definitions nested this deep (3) exceeds the limit of 2")
        #expect(d.location == SourceLocation(file: "ch.md", line: 7, column: 9))
    }

    @Test func chapterBytes() throws {
        var limits = InputLimits()
        limits.chapterBytes = 10
        let d = try #require(check("12345\n12345678\n", limits))
        #expect(d.id == "limits.chapter-bytes")
        #expect(d.message == "chapter size in bytes (15) exceeds the limit of 10")
        #expect(d.location == SourceLocation(file: "ch.md", line: 4, column: 5))
    }

    @Test func fencedCodeIsNotStructure() {
        let text = "```\n" + String(repeating: "> ", count: 100) + "\n" + String(repeating: "- ", count: 100) + "\n```\n"
        #expect(check(text) == nil)
    }

    @Test func ordinaryMarkdownPasses() {
        #expect(check("# T\n\n> quote\n> > nested\n\n- a\n  - b\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n") == nil)
    }

    @Test func refusedTextNeverReachesTheParser() {
        let (doc, diagnostics) = CmarkParser.parse(String(repeating: ">", count: 100) + "x", file: "ch.md")
        #expect(doc.blocks.isEmpty)
        #expect(diagnostics.map(\.id) == ["limits.quote-depth"])
    }

    @Test func limitsComeFromTheManifest() throws {
        let (m, warnings) = try ManifestLoader.load("title: T\nfront-matter: [a.md]\nlimits:\n  quote-depth: 64\n  colums: 3\n",
                                                    file: "folio.yaml")
        #expect(m.limits.quoteDepth == 64)
        #expect(warnings.map(\.message) == ["unknown key 'colums' in limits"])
    }
}

/// The linked parser must be one with the 2023 CVE fixes.
@Suite struct LibraryVersionTests {
    @Test func linkedCmarkGFMIsPatched() throws {
        let version = CmarkParser.libraryVersion
        let release = try #require(CmarkParser.gfmRelease(version), "unexpected version string '\(version)'")
        #expect(release >= CmarkParser.firstPatchedRelease,
                "folio links libcmark-gfm \(version); 0.29.0.gfm.13 or later is required (run make deps)")
        #expect(CmarkParser.libraryWarning == nil)
    }

    @Test func versionParsing() {
        #expect(CmarkParser.gfmRelease("0.29.0.gfm.6") == 6)
        #expect(CmarkParser.gfmRelease("0.29.0.gfm.13") == 13)
        #expect(CmarkParser.gfmRelease("0.30.0") == nil)
    }
}
