import Testing
@testable import FolioKit

@Suite struct AttributeParserTests {
    @Test func fullBlock() throws {
        let a = try #require(AttributeParser.parse("{#sec:x .a .b key=value k2=\"quoted value\" -}"))
        #expect(a.id == "sec:x")
        #expect(a.classes == ["a", "b", "unnumbered"])
        #expect(a["key"] == "value")
        #expect(a["k2"] == "quoted value")
    }

    @Test func rejectsNonAttributes() {
        #expect(AttributeParser.parse("{not attrs}") == nil)
        #expect(AttributeParser.parse("{}") == nil)
        #expect(AttributeParser.parse("{#a #b}") == nil)
        #expect(AttributeParser.parse("{k=\"open}") == nil)
    }

    @Test func trailingSplit() throws {
        let (head, attrs) = try #require(AttributeParser.splitTrailing("Title with {braces} {#id}"))
        #expect(head == "Title with {braces}")
        #expect(attrs.id == "id")
        #expect(AttributeParser.splitTrailing("x{#id}") == nil, "needs a space before the block")
    }

    @Test func headingAttributesAcrossTextNodes() throws {
        let (doc, _) = CmarkParser.parse("## Tiered access {#sec:my_id covers=\"DS-3 DS-4\"}\n", file: "t.md")
        guard case .heading(let h) = doc.blocks.first?.kind else { Issue.record("no heading"); return }
        #expect(h.content.plainText == "Tiered access")
        #expect(h.attributes.id == "sec:my_id")
        #expect(h.attributes["covers"] == "DS-3 DS-4")
    }

    @Test func deepBracesStayLinear() {
        let text = String(repeating: "{", count: 50_000) + "x" + String(repeating: "}", count: 50_000)
        #expect(AttributeParser.splitTrailing(text) == nil)
    }
}

@Suite struct SourcePositionTests {
    @Test func blocksCarryFileLineColumn() {
        let (doc, _) = CmarkParser.parse("para\n\n- item\n\n  ## H\n", file: "ch.md", lineOffset: 4)
        #expect(doc.blocks.first?.range.start == SourceLocation(file: "ch.md", line: 5, column: 1))
        #expect(doc.blocks.last?.range.start.line == 7)
    }

    @Test func frontMatterOffsetsBodyLines() throws {
        let fm = try FrontMatter.split("---\ntitle: X\n---\nBody\n", file: "c.md")
        #expect(fm.yaml == "title: X")
        #expect(fm.bodyLineOffset == 3)
        #expect(fm.body == "Body\n")
    }

    @Test func unclosedFrontMatterIsLocated() {
        #expect(throws: Diagnostic.self) { try FrontMatter.split("---\ntitle: X\n", file: "c.md") }
    }

    @Test func invalidUTF8IsLocated() {
        do {
            _ = try SourceText.decode(Array("ok\nab".utf8) + [0xFF], file: "bad.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(file: "bad.md", line: 2, column: 3))
            #expect(error.id == "source.invalid-utf8")
        }
    }
}

@Suite struct YAMLTests {
    @Test func syntaxErrorsPointAtTheLine() {
        do {
            _ = try YAMLValue.parse("title: ok\nparts: [a, b\nother: 1\n", file: "folio.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "yaml.syntax")
            #expect((error.location?.line ?? 0) >= 2)
        }
    }

    @Test func aliasBombFailsFast() {
        #expect(throws: Diagnostic.self) { try YAMLValue.parse(HostileYAML.aliasBomb(fanOut: 10), file: "bomb.yaml") }
    }

    @Test func duplicateKeysAreErrors() {
        #expect(throws: Diagnostic.self) { try YAMLValue.parse("a: 1\na: 2\n", file: "d.yaml") }
    }
}

@Suite struct ManifestTests {
    @Test func unknownKeyGetsSuggestion() throws {
        let (_, warnings) = try ManifestLoader.load("title: T\nfront-matter: [a.md]\nbibliografy: refs.bib\n", file: "folio.yaml")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("did you mean 'bibliography'") == true)
        #expect(warnings.first?.location?.line == 3)
    }

    @Test func badSideIsLocated() {
        do {
            _ = try ManifestLoader.load("title: T\nparts:\n  - title: P\n    side: middle\n    chapters: [a.md]\n", file: "folio.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "manifest.side")
            #expect(error.location?.line == 4)
        }
    }

    @Test func missingTitle() {
        #expect(throws: Diagnostic.self) { try ManifestLoader.load("front-matter: [a.md]\n", file: "folio.yaml") }
    }

    @Test func languageTag() {
        #expect(ManifestLoader.isLanguageTag("en-SG"))
        #expect(ManifestLoader.isLanguageTag("zh-Hans-SG"))
        #expect(!ManifestLoader.isLanguageTag("en_SG"))
        #expect(!ManifestLoader.isLanguageTag(""))
    }
}

@Suite struct ResolveTests {
    @Test func numerals() {
        #expect(RomanNumeral.string(4) == "IV")
        #expect(RomanNumeral.string(14) == "XIV")
        #expect(AppendixLetter.string(1) == "A")
        #expect(AppendixLetter.string(27) == "AA")
    }

    @Test func slugs() {
        var s = Slugger()
        #expect(Slugger.slug("Hello, World!") == "hello-world")
        #expect(Slugger.slug("Données — 中文") == "données-中文")
        let claimed = s.claim("intro")
        let first = s.unique("intro")
        let second = s.unique("intro")
        let again = s.claim("intro")
        #expect(claimed && !again)
        #expect(first == "intro-1")
        #expect(second == "intro-2")
    }
}

@Suite struct YAMLDepthTests {
    @Test func deepFlowNestingIsRefused() {
        let yaml = "a: " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n"
        do {
            _ = try YAMLValue.parse(yaml, file: "deep.yaml", lineOffset: 1)
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "yaml.too-deep")
            #expect(error.location == SourceLocation(file: "deep.yaml", line: 2, column: 1))
        }
    }

    @Test func deepBlockNestingIsRefused() {
        let yaml = String(repeating: "- ", count: 50_000) + "x\n"
        #expect(throws: Diagnostic.self) { try YAMLValue.parse(yaml, file: "deep.yaml") }
    }

    @Test func ordinaryYAMLPasses() throws {
        let yaml = "a:\n  b:\n    - [1, {c: 'x[y'}]\n    - \"q{\" # [[[[\n"
        #expect(try YAMLValue.parse(yaml, file: "ok.yaml") != nil)
    }
}
