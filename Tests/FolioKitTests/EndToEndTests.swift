import Foundation
import Testing
@testable import FolioKit

/// Builds real papers with real TeX Live and reads the PDF back. Skipped (and reported so) without
/// TeX Live, except on CI.
@Suite(.serialized, .requires(.tex)) struct EndToEndTests {
    init() throws {
        try Requirement.tex.check()
    }

    func pdfText(_ pdf: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-layout", pdf.path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The `/URI` targets of the PDF's link annotations (pdftotext does not show them).
    func linkTargets(_ pdf: URL) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import re, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            chunks = [data]
            for m in re.finditer(rb'stream\\r?\\n(.*?)endstream', data, re.S):
                try: chunks.append(zlib.decompress(m.group(1)))
                except Exception: pass
            for c in chunks:
                for u in re.findall(rb'/URI\\s*\\(([^)]*)\\)', c): print(u.decode('latin-1'))
            """, pdf.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func thePaperBuildsToPDF() throws {
        let out = try Scratch()
        defer { out.remove() }
        let r = try CLI.run(["build", "--to", "all", "--profile", "final", "--out", out.url.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasSuffix("no problems found\n"), "the paper must build with no warnings: \(r.stderr)")
        let log = try String(contentsOf: out.url.appendingPathComponent("latex.log"), encoding: .utf8)
        #expect(!log.contains("LaTeX Error"))
        #expect(!log.contains("undefined references"))
        #expect(!log.contains("Reference `"))
        let text = try pdfText(out.url.appendingPathComponent("pdf/paper.pdf"))
        let manifestText = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Paper/folio.yaml"), encoding: .utf8)
        let manifest = try ManifestLoader.load(manifestText, file: "folio.yaml").0
        let html = out.read("html/index.html") ?? ""
        // Every chapter title in the HTML must be in the PDF too.
        let titles = html.matches(of: /<h2 class="chapter-title">(?:<span class="chapnum">[^<]*<\/span> )?([^<]+)<\/h2>/).map { String($0.1) }
        #expect(titles.count >= 7)
        let flat = text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        for title in titles {
            #expect(flat.contains(title.replacingOccurrences(of: "&amp;", with: "&")), "PDF lacks chapter '\(title)'")
        }
        // The paper's own title (from the manifest) heads both outputs.
        #expect(html.contains("<title>\(manifest.title)"), "the HTML <title> is not the manifest's title")
        #expect(flat.contains(manifest.title), "the PDF lacks the paper's title '\(manifest.title)'")
        // Numbering agrees: the HTML's "Chapter 1"/"Part I" labels are in the PDF.
        #expect(html.contains("<span class=\"chapnum\">Chapter 1</span>"))
        #expect(flat.contains("Chapter 1"))
        #expect(flat.contains("Part I"))
        // The same numbers in both: every caption label and cross-reference text of the HTML is in the PDF.
        let labels = html.matches(of: /<span class="(?:figure|table|listing)-label">([^<]+):<\/span>/).map { String($0.1) }
        let body = html.components(separatedBy: "<main class=\"paper\">").last ?? html
        let references = body.matches(of: /<a href="#(?:sec|fig|tbl|eq|lst|important|warning|note|tip|caution)[:-][^"]*">([^<]+)<\/a>/)
            .map { String($0.1) }
        #expect(labels.count >= 4 && references.count >= 20, "\(labels.count) labels, \(references.count) references")
        for text in Set(labels + references) {
            #expect(flat.contains(text), "the PDF lacks '\(text)', which the HTML shows")
        }
        // Citations read the same in both: every formatted citation and every bibliography entry's
        // opening words in the HTML are in the PDF, and nothing is left undefined.
        let citations = body.matches(of: /<span id="cite-[0-9]+" class="citation"><a href="#ref-[^"]+">([^<]+)<\/a>/)
            .map { String($0.1).replacingOccurrences(of: "&amp;", with: "&") }
        let entries = body.matches(of: /<p class="reference" id="ref-[^"]+">([^<.]+)/).map { String($0.1) }
        #expect(citations.count >= 60 && entries.count >= 25, "\(citations.count) citations, \(entries.count) entries")
        // Compared on letters and digits only: TeX breaks lines (and hyphenates) inside them; a citation
        // split by a page break must still have every word.
        let letters = Self.lettersOnly(text)
        for text in Set(citations + entries) {
            let whole = letters.contains(Self.lettersOnly(text))
            let words = text.split(separator: " ").allSatisfy { letters.contains(Self.lettersOnly(String($0))) }
            #expect(whole || words, "the PDF lacks the citation text '\(text)'")
        }
        #expect(!log.contains("Citation `"))
    }

    /// `latex-citations: biblatex`: the LaTeX cites with biblatex, and biber and LuaLaTeX compile it in every style.
    @Test(arguments: ["author-date", "numeric", "notes"])
    func biblatexModeCompiles(_ style: String) throws {
        let s = try Scratch()
        defer { s.remove() }
        let paper = s.url.appendingPathComponent("Paper")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("papers/citations"), to: paper)
        let manifest = try String(contentsOf: paper.appendingPathComponent("folio.yaml"), encoding: .utf8)
        try s.write("Paper/folio.yaml", manifest + "citation-style: \(style)\nlatex-citations: biblatex\n")
        let r = try CLI.run(["build", "--paper", paper.path, "--to", "all", "--out", s.url.appendingPathComponent("Build").path])
        #expect(r.status == 0, "\(r.stderr)")
        let tex = s.read("Build/latex/paper.tex") ?? ""
        #expect(tex.contains("\\autocite") && tex.contains("\\printbibliography"))
        #expect(s.read("Build/latex/references.bib")?.contains("@article{tan2023,") == true)
        let log = (try? String(contentsOf: s.url.appendingPathComponent("Build/latex.log"), encoding: .utf8)) ?? ""
        #expect(!log.contains("undefined"), "biblatex left citations undefined")
        let text = try pdfText(s.url.appendingPathComponent("Build/pdf/paper.pdf"))
        #expect(Self.lettersOnly(text).contains("TieredAccesstoFrontierModels"), "titles keep their capitals")
        #expect(text.contains("Öztürk"))
    }

    /// Letters and digits, with ligatures such as "ﬃ" unfolded.
    static func lettersOnly(_ s: String) -> String {
        String(s.precomposedStringWithCompatibilityMapping.filter { $0.isLetter || $0.isNumber })
    }

    @Test func specialCharactersAndScriptsSurviveIntoThePDF() throws {
        let s = try Scratch()
        defer { s.remove() }
        let mini = TestPaths.fixtures.appendingPathComponent("papers/mini")
        try FileManager.default.copyItem(at: mini, to: s.url.appendingPathComponent("Paper"))
        let specials = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("golden/specials/input.md"), encoding: .utf8)
        try s.write("Paper/chapters/conclusion.md", specials + "\nScripts: 中文 தமிழ் Bahasa Melayu.\n")
        let edge = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("golden/edge/input.md"), encoding: .utf8)
        try s.write("Paper/chapters/appendix.md", "---\ntitle: Edge cases\n---\n\n" + edge)
        let r = try CLI.run(["build", "--to", "pdf"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try pdfText(s.url.appendingPathComponent("Build/pdf/paper.pdf"))
        #expect(text.contains("Specials: # $ % & ~ _ ^ \\ { } [ ]"), "heading")
        #expect(text.contains("Text: # $ % & ~ _ ^ \\ { } [ ]"), "paragraph")
        #expect(text.contains("Footnote: # $ % & ~ _ ^ \\ { } [ ]"), "footnote")
        #expect(text.contains("\\end{folioCode} \\begin{document}"), "code block")
        #expect(text.contains("Mini paper: # $ % & ~ _ ^ \\ { }"), "title")
        #expect(text.contains("R&D Unit #2"), "affiliation")
        #expect(text.contains("中文"), "Chinese")
        #expect(text.contains("தமிழ்"), "Tamil")
        // pandoc's smart punctuation, as in the HTML; TeX adds no ligatures of its own (<< stays).
        #expect(text.contains("Straight “quotes”, dashes – and — and << guillemets >> stay as typed."), "smart punctuation, no TeX ligatures")
        #expect(text.contains("The cell’s note."), "footnote text from a table cell")
        #expect(text.contains("Second."), "footnote cited by a footnote")
        let log = try String(contentsOf: s.url.appendingPathComponent("Build/latex.log"), encoding: .utf8)
        #expect(!log.contains("Missing character"), "a glyph is missing from every font")
        let uris = try linkTargets(s.url.appendingPathComponent("Build/pdf/paper.pdf"))
        #expect(uris.contains("https://example.org/path_with_underscores/~user/?q=a%20b&r=1#frag-ment"), "\(uris)")
    }
}

/// The paper's page passes HTML Tidy (no TeX Live needed).
@Suite struct HTMLValidityTests {
    /// HTML Tidy must find no errors and no warnings in the paper's page.
    @Test(.requires(.tidy)) func thePaperIsValidHTML() throws {
        try Requirement.tidy.check()
        let out = try Scratch()
        defer { out.remove() }
        let r = try CLI.run(["build", "--to", "html", "--out", out.url.path])
        #expect(r.status == 0, "\(r.stderr)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(ProcessRunner.which("tidy")))
        p.arguments = ["-q", "-e", out.url.appendingPathComponent("html/index.html").path]
        let pipe = Pipe()
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let report = String(decoding: data, as: UTF8.self)
        #expect(report.isEmpty, "tidy: \(report.prefix(2000))")
    }
}
