import Foundation
import Testing
@testable import FolioKit

/// Raw HTML, links, reports and bibliography files stay inert whatever the paper says.
@Suite struct InertOutputTests {
    // MARK: Raw HTML

    static let htmlVectors: [(name: String, html: String, bad: [String])] = [
        ("img onerror", #"<img src=x onerror=alert(1)>"#, ["onerror"]),
        ("script", #"<script>alert(1)</script>"#, ["<script"]),
        ("iframe", #"<iframe src="https://evil.example"></iframe>"#, ["<iframe", "evil.example"]),
        ("object", #"<object data="x.swf"></object>"#, ["<object"]),
        ("style", #"<style>body{display:none}</style>"#, ["<style"]),
        ("javascript link", #"<a href="javascript:alert(1)">x</a>"#, ["javascript"]),
        ("entity-hidden scheme", #"<a href="jav&#x61;script&colon;alert(1)">x</a>"#, ["script&colon;", "jav&#x61;"]),
        ("tab in scheme", "<a href=\"java\tscript:alert(1)\">x</a>", ["script:"]),
        ("svg onload", #"<svg onload=alert(1)><circle r=1></svg>"#, ["<svg", "onload"]),
        ("form", #"<form action="https://evil.example"><input name=p></form>"#, ["<form", "<input"]),
        ("data URL link", #"<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>"#, ["data:text"]),
        ("inline style", #"<p style="position:fixed;top:0">x</p>"#, ["position"]),
        ("meta refresh", #"<meta http-equiv="refresh" content="0;url=https://evil.example">"#, ["http-equiv"]),
        ("unquoted handler", #"<b onmouseover=alert(1)>x</b>"#, ["onmouseover"]),
    ]

    @Test(arguments: htmlVectors.indices) func rawHTMLIsSanitised(_ i: Int) throws {
        let v = Self.htmlVectors[i]
        let a = try AttackPaper(chapter: "# C\n\nText.\n\n\(v.html)\n\nInline \(v.html) here.\n", manifest: "raw-html: true\n")
        defer { a.remove() }
        let outcome = a.build([.html], profile: .draft)
        let html = a.scratch.read("Build/html/index.html") ?? ""
        for bad in v.bad { #expect(!html.lowercased().contains(bad.lowercased()), "\(v.name): '\(bad)' reached the page") }
        let removed = outcome.diagnostics.diagnostics.filter { $0.id == "html.removed" }
        #expect(!removed.isEmpty, "\(v.name) changed without a word")
        #expect(removed.allSatisfy { $0.location?.file.hasSuffix("c.md") == true && ($0.location?.line ?? 0) >= 5 })
    }

    @Test func allowedMarkupSurvives() {
        let r = HTMLSanitizer.sanitize(#"<details open><summary>More</summary><p>A <a href="https://example.org" title="t">link</a>, <kbd>Ctrl</kbd>, <sup>2</sup>.</p></details>"#, at: nil)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        #expect(r.html == #"<details open=""><summary>More</summary><p>A <a href="https://example.org" title="t">link</a>, <kbd>Ctrl</kbd>, <sup>2</sup>.</p></details>"#)
    }

    @Test func rawHTMLOffIsShownAsTextAndSaysSo() throws {
        let a = try AttackPaper(chapter: "# C\n\n<img src=x onerror=alert(1)>\n")
        defer { a.remove() }
        let outcome = a.build([.html])
        #expect(outcome.diagnostics.diagnostics.contains { $0.id == "html.as-text" && $0.location?.line == 3 })
        #expect(a.scratch.read("Build/html/index.html")?.contains("&lt;img src=x onerror=alert(1)&gt;") == true)
    }

    static let dangerousLinks = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java%0Ascript:alert(1)", "\u{1}javascript:alert(1)",
                                 "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
                                 " javascript:alert(1)"]

    @Test(arguments: [false, true]) func dangerousLinksAreDroppedWhateverTheSettings(_ rawHTML: Bool) throws {
        let links = Self.dangerousLinks.enumerated().map { "[l\($0)](<\($1)>)" }.joined(separator: " ")
        let a = try AttackPaper(chapter: "# C\n\n\(links)\n", manifest: rawHTML ? "raw-html: true\n" : "")
        defer { a.remove() }
        _ = a.build([.html])
        let html = (a.scratch.read("Build/html/index.html") ?? "").lowercased()
        for bad in ["javascript:", "vbscript:", "data:text", "file:"] { #expect(!html.contains("href=\"" + bad), "\(bad) kept (raw-html \(rawHTML))") }
        #expect(!html.contains("href=\"%01javascript"))
    }

    // MARK: --untrusted

    @Test func untrustedIgnoresRawHTMLAndRaisedLimitsWithLocatedWarnings() throws {
        let a = try AttackPaper(chapter: "# C\n\n<img src=x onerror=alert(1)>\n",
                                manifest: "raw-html: true\nlimits:\n  table-columns: 100000\n  quote-depth: 4\n")
        defer { a.remove() }
        let outcome = a.build([.html], untrusted: true)
        let ignored = outcome.diagnostics.diagnostics.filter { $0.id == "untrusted.ignored" }
        #expect(ignored.map { $0.location?.line ?? 0 } == [2, 4], "\(ignored)")
        #expect(ignored.first?.message.contains("raw-html") == true)
        #expect(ignored.last?.message.contains("table-columns: 100000") == true)
        // The lowered limit is kept; raw HTML is shown as text.
        #expect(a.scratch.read("Build/html/index.html")?.contains("&lt;img") == true)
        #expect(outcome.diagnostics.diagnostics.contains { $0.id == "html.as-text" })
    }

    @Test func untrustedFlagOnTheCommandLine() throws {
        let a = try AttackPaper(chapter: "# C\n\nText.\n", manifest: "raw-html: true\n")
        defer { a.remove() }
        for command in [["build", "--to", "html", "--out", a.out.path], ["lint"], ["check"]] {
            let r = try CLI.run(command + ["--paper", a.paper.path, "--untrusted"])
            // lint reports on stdout, build and check on stderr.
            #expect((r.stderr + r.stdout).contains("folio.yaml:2:11: warning: ignored 'raw-html: true'"), "\(command): \(r.stderr) \(r.stdout)")
        }
    }

    // MARK: Settings files and sources

    @Test func manifestLinkedFromOutsideIsRefused() throws {
        let a = try AttackPaper(chapter: "# C\n")
        defer { a.remove() }
        try a.scratch.write("outside/folio.yaml", "title: \(a.token)\nparts: []\n")
        try FileManager.default.removeItem(at: a.paper.appendingPathComponent("folio.yaml"))
        try FileManager.default.createSymbolicLink(at: a.paper.appendingPathComponent("folio.yaml"),
                                                   withDestinationURL: a.outside.appendingPathComponent("folio.yaml"))
        let r = try CLI.run(["build", "--to", "html", "--paper", a.paper.path, "--out", a.out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("[manifest.path-outside]"))
        #expect(!r.stderr.contains(a.token) && !r.stdout.contains(a.token))
    }

    @Test func lintSettingsLinkedFromOutsideAreRefused() throws {
        let a = try AttackPaper(chapter: "# C\n\nText.\n")
        defer { a.remove() }
        try a.scratch.write("outside/lint.yaml", "rules:\n  \(a.token): off\n")
        try FileManager.default.createSymbolicLink(at: a.paper.appendingPathComponent(".folio-lint.yaml"),
                                                   withDestinationURL: a.outside.appendingPathComponent("lint.yaml"))
        let r = try CLI.run(["lint", "--paper", a.paper.path])
        #expect(r.stdout.contains("[lint.config-outside]"), "\(r.stdout)")
        #expect(!r.stderr.contains(a.token) && !r.stdout.contains(a.token))
    }

    @Test func chapterThatIsAFIFOIsAnErrorNotAHang() throws {
        let a = try AttackPaper(chapter: "")
        defer { a.remove() }
        try FileManager.default.removeItem(at: a.paper.appendingPathComponent("c.md"))
        #expect(mkfifo(a.paper.appendingPathComponent("c.md").path, 0o644) == 0)
        let outcome = a.build([.html])
        #expect(outcome.diagnostics.diagnostics.contains { $0.id == "source.not-a-file" }, "\(a.ids(outcome))")
    }

    // MARK: Reports

    static let hostileTitle = "<img src=https://tracker.example/p.gif> @org/team [click](https://evil.example) ![x](https://t.example/p.png) | `code` *em*"

    @Test func checkMarkdownReportIsInert() throws {
        let s = try Scratch()
        defer { s.remove() }
        let fixture = TestPaths.fixtures.appendingPathComponent("papers/checklist")
        let copy = s.url.appendingPathComponent("paper")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let list = copy.appendingPathComponent("checklist.yaml")
        let text = try String(contentsOf: list, encoding: .utf8)
            .replacingOccurrences(of: "title: Use-case definition and risk classification", with: "title: '\(Self.hostileTitle)'")
        try Data(text.utf8).write(to: list)
        let r = try CLI.run(["check", "--paper", copy.path, "--format", "markdown"])
        let row = r.stdout.split(separator: "\n").first { $0.contains("DS-1") }.map(String.init) ?? ""
        #expect(row.contains("&lt;img src=https://tracker.example/p.gif&gt;"), "\(row)")
        #expect(row.contains("@\u{200B}org/team"))
        for raw in ["<img", "[click](", "![x](", "`code`", "*em*"] { #expect(!row.contains(raw), "'\(raw)' left raw: \(row)") }
        // The pipe is escaped, so the row still has its five cells.
        #expect(row.components(separatedBy: " | ").count == 5, "\(row)")
    }

    @Test func githubAnnotationsBreakMentions() throws {
        let a = try AttackPaper(chapter: "# C\n\nSee @fig:nope and @org.\n")
        defer { a.remove() }
        let r = try CLI.run(["lint", "--paper", a.paper.path, "--format", "github"])
        let lines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(!lines.isEmpty, "\(r.stdout + r.stderr)")
        for line in lines {
            let message = line.components(separatedBy: "::").dropFirst(2).joined(separator: "::")
            #expect(!message.contains(try Regex("@[A-Za-z]")), "mention left in: \(line)")
        }
    }

    /// A title from CSL-JSON that tries to close the field and add one: biber itself reads the file back.
    @Test(.requires(.tex)) func biblatexValuesCannotCloseTheirField() throws {
        try Requirement.tex.check()
        let s = try Scratch()
        defer { s.remove() }
        let json = #"[{"id": "k", "type": "book", "title": "A}, note = {INJECTED} , x = {", "author": [{"family": "B\\}, C"}], "issued": {"date-parts": [[2020]]}}]"#
        let (refs, diagnostics) = BibliographyLoader.parse(json, file: "refs.json", isJSON: true)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let bib = try s.write("in.bib", BibLaTeXWriter.bib(refs))
        let biber = try #require(ProcessRunner.which("biber"))
        let r = try ProcessRunner.run(biber, ["--tool", "--quiet", "--output-file=out.bib", bib.path], in: s.url.path)
        #expect(r.status == 0, "\(r.output)")
        let out = (s.read("out.bib") ?? "").lowercased()
        // biber writes one field per line: only the fields Folio wrote may appear.
        let fields = out.split(separator: "\n").compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard let eq = t.firstIndex(of: "="), !t.hasPrefix("@") else { return nil }
            return t[..<eq].trimmingCharacters(in: .whitespaces)
        }
        #expect(Set(fields) == ["author", "title", "date"], "\(fields)\n\(out)")
        #expect(out.contains("injected"), "the text itself is kept")
    }
}
