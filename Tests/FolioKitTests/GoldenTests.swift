import Foundation
import Testing
@testable import FolioKit

/// Golden files for both writers: each case folder holds `input.md` and the expected outputs.
@Suite struct GoldenTests {
    static let cases = ["blocks", "inlines", "specials", "raw-html", "edge"]

    @Test(arguments: cases) func fragment(_ name: String) throws {
        let dir = TestPaths.fixtures.appendingPathComponent("golden/\(name)")
        let input = try String(contentsOf: dir.appendingPathComponent("input.md"), encoding: .utf8)
        let html = RenderPipeline.render(input, file: "input.md", format: .html, standalone: false, rawHTML: false)
        let tex = RenderPipeline.render(input, file: "input.md", format: .latex, standalone: false, rawHTML: false)
        // Raw HTML that is not allowed is shown as text, and each piece says so.
        #expect(html.diagnostics.allSatisfy { $0.id == "html.as-text" })
        #expect(html.diagnostics.isEmpty == (name != "raw-html"))
        Golden.check(html.output, dir.appendingPathComponent("expected.html"))
        Golden.check(tex.output, dir.appendingPathComponent("expected.tex"))
    }

    @Test func rawHTMLPassesThroughWhenAllowed() throws {
        let dir = TestPaths.fixtures.appendingPathComponent("golden/raw-html")
        let input = try String(contentsOf: dir.appendingPathComponent("input.md"), encoding: .utf8)
        let html = RenderPipeline.render(input, file: "input.md", format: .html, standalone: false, rawHTML: true)
        Golden.check(html.output, dir.appendingPathComponent("expected-raw.html"))
        // Sanitised, with a located warning for each removal: the class attribute and the script.
        #expect(html.diagnostics.map(\.id) == ["html.removed", "html.removed"])
        #expect(html.diagnostics.map { $0.location?.description ?? "" } == ["input.md:1:6", "input.md:7:1"])
    }

    @Test func miniPaper() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let paperDir = TestPaths.fixtures.appendingPathComponent("papers/mini")
        let outcome = BuildPipeline.run(.init(paperDirectory: paperDir.path, outputDirectory: scratch.url.path,
                                              formats: [.html, .latex], profile: .final))
        #expect(outcome.diagnostics.diagnostics.isEmpty, "\(outcome.diagnostics.diagnostics)")
        let expected = paperDir.appendingPathComponent("expected")
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        Golden.check(scratch.read("html/index.html") ?? "", expected.appendingPathComponent("index.html"))
        Golden.check(scratch.read("latex/paper.tex") ?? "", expected.appendingPathComponent("paper.tex"))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("html/assets/tiers.svg").path))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("latex/assets/tiers.pdf").path))
    }
}

/// The words Folio writes, by the paper's language: Malay and Chinese papers, English fallback, overrides.
@Suite struct PaperWordsTests {
    @Test(arguments: [("ms", ["Kandungan", "Rajah 1.1", "Jadual 1.1", "Senarai Rajah", "Lampiran A", "Dipetik dalam", "Rujukan",
                              "Liputan senarai semak tadbir urus", "Bab 1"]),
                      ("zh", ["目录", "图 1.1", "表 1.1", "图目录", "附录A", "引用于", "参考文献", "治理清单覆盖情况", "第1章"])])
    func languagePaper(_ lang: String, _ words: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let paperDir = TestPaths.fixtures.appendingPathComponent("papers/lang-\(lang)")
        let outcome = BuildPipeline.run(.init(paperDirectory: paperDir.path, outputDirectory: scratch.url.path,
                                              formats: [.html, .latex], profile: .final))
        #expect(outcome.diagnostics.diagnostics.isEmpty, "\(outcome.diagnostics.diagnostics)")
        let html = scratch.read("html/index.html") ?? ""
        let tex = scratch.read("latex/paper.tex") ?? ""
        for w in words { #expect(html.contains(w), "the \(lang) page lacks '\(w)'") }
        for english in [">Contents<", "Figure", "Cited in", ">Part ", ">Chapter ", "Appendix", "Version", "Abstract"] {
            #expect(!html.contains(english), "the \(lang) page has the English '\(english)'")
        }
        let expected = paperDir.appendingPathComponent("expected")
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        Golden.check(html, expected.appendingPathComponent("index.html"))
        Golden.check(tex, expected.appendingPathComponent("paper.tex"))
    }

    /// The PDF uses the same words as the HTML: headings, contents, captions.
    @Test(.requires(.tex)) func theChinesePDFUsesTheSameWords() throws {
        try Requirement.tex.check()
        let scratch = try Scratch()
        defer { scratch.remove() }
        let paperDir = TestPaths.fixtures.appendingPathComponent("papers/lang-zh")
        let outcome = BuildPipeline.run(.init(paperDirectory: paperDir.path, outputDirectory: scratch.url.path,
                                              formats: [.html, .latex, .pdf], profile: .final))
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let text = try ProcessRunner.run("/usr/bin/pdftotext", [scratch.url.appendingPathComponent("pdf/paper.pdf").path, "-"], in: "/").output
        let html = scratch.read("html/index.html") ?? ""
        for w in ["目录", "第1章", "第I部分", "附录A", "图 1.1", "表 1.1", "图目录", "参考文献"] {
            #expect(text.contains(w), "the PDF lacks '\(w)'")
            #expect(html.contains(w), "the HTML lacks '\(w)'")
        }
    }

    @Test func otherLanguagesFallBackToEnglishWithOneWarning() throws {
        let (m, warnings) = try ManifestLoader.load(SmallPaper.manifest(["a.md"]).replacingOccurrences(of: "lang: en", with: "lang: fr-CA"),
                                                    file: "folio.yaml")
        #expect(warnings.map(\.id) == ["manifest.lang-words"])
        #expect(warnings.first?.location?.line == 2)
        #expect(m.words.phrase(.contents) == "Contents" && m.words.singular(.figure) == "Figure")
    }

    @Test func theManifestOverridesAnyWord() throws {
        let text = SmallPaper.manifest(["a.md"]).replacingOccurrences(of: "lang: en", with: "lang: ms")
            + "words:\n  contents: Isi kandungan\n  chapter-label: \"Bab ke-{}\"\ncrossref:\n  words:\n    figure: [Gambar, Gambar-gambar]\n"
        let (m, warnings) = try ManifestLoader.load(text, file: "folio.yaml")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(m.words.phrase(.contents) == "Isi kandungan")
        #expect(m.words.phrase(.chapterLabel, "3") == "Bab ke-3")
        #expect(m.words.singular(.figure) == "Gambar" && m.words.phrase(.appendixLabel, "A") == "Lampiran A")
        let (_, unknown) = try ManifestLoader.load(text + "words:\n  contnets: X\n".replacingOccurrences(of: "words:\n  contnets", with: "  contnets"),
                                                   file: "folio.yaml")
        #expect(unknown.contains { $0.id == "manifest.unknown-key" }, "\(unknown)")
    }
}
