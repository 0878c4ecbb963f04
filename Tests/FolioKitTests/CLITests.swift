import Foundation
import Testing

/// Runs the built `folio` binary and checks output and exit codes.
@Suite struct CLITests {
    func paper(_ files: [String: String]) throws -> Scratch {
        let s = try Scratch()
        for (path, text) in files { try s.write(path, text) }
        return s
    }

    static let manifest = "title: T\nfront-matter:\n  - one.md\n"

    @Test func versionNamesCmark() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("folio 0.1.0"))
        #expect(r.stdout.contains("libcmark-gfm 0.29.0"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CLI.run(["frobnicate"]).status == 2)
        #expect(try CLI.run(["build", "--to", "docx"]).status == 2)
        #expect(try CLI.run(["build", "--profile", "loose"]).status == 2)
    }

    @Test func cleanBuildExitsZeroWithSummary() throws {
        let s = try paper(["Paper/folio.yaml": Self.manifest, "Paper/one.md": "# One\n\nText.\n"])
        defer { s.remove() }
        let r = try CLI.run(["build", "--to", "html"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasSuffix("no problems found\n"))
        #expect(!r.stderr.contains("\u{1B}["), "no colour when not on a terminal")
        #expect(s.read("Build/html/index.html")?.contains("<h2 class=\"chapter-title\">One</h2>") == true)
    }

    @Test func yamlErrorIsLocated() throws {
        let s = try paper(["Paper/folio.yaml": "title: T\nfront-matter: [one.md\n", "Paper/one.md": "# One\n"])
        defer { s.remove() }
        let r = try CLI.run(["build"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Paper/folio.yaml:3:1: error: invalid YAML"), "\(r.stderr)")
        #expect(r.stderr.contains("1 error, 0 warnings"))
    }

    @Test func missingChapterPointsAtManifestLine() throws {
        let s = try paper(["Paper/folio.yaml": "title: T\nparts:\n  - title: P\n    side: demand\n    chapters:\n      - gone.md\n"])
        defer { s.remove() }
        let r = try CLI.run(["build"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Paper/folio.yaml:6:9: error: chapter 'gone.md' does not exist [manifest.missing-chapter]"),
                "\(r.stderr)")
    }

    @Test func frontMatterErrorIsLocated() throws {
        let s = try paper(["Paper/folio.yaml": Self.manifest, "Paper/one.md": "---\ntitle: One\nstatus: final\n---\nText\n"])
        defer { s.remove() }
        let r = try CLI.run(["build"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Paper/one.md:3:9: error: status must be draft, review or approved"), "\(r.stderr)")
    }

    @Test func invalidUTF8IsLocated() throws {
        let s = try paper(["Paper/folio.yaml": Self.manifest])
        defer { s.remove() }
        try (Data("# One\n\nab".utf8) + Data([0xC3, 0x28])).write(to: s.url.appendingPathComponent("Paper/one.md"))
        let r = try CLI.run(["build"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Paper/one.md:3:3: error: file is not valid UTF-8"), "\(r.stderr)")
    }

    @Test func pathsMayNotLeaveThePaper() throws {
        let s = try paper(["Paper/folio.yaml": "title: T\nfront-matter: [../secret.md]\n", "secret.md": "# S\n"])
        defer { s.remove() }
        let r = try CLI.run(["build"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("must be a relative path inside the paper folder"))
    }

    @Test func failedBuildKeepsPreviousOutputs() throws {
        let s = try paper(["Paper/folio.yaml": Self.manifest, "Paper/one.md": "# One\n\nFirst version.\n"])
        defer { s.remove() }
        #expect(try CLI.run(["build"], in: s.url).status == 0)
        let before = s.read("Build/html/index.html")
        try s.write("Paper/one.md", "# One\n\n![missing](nope.png)\n")
        let r = try CLI.run(["build"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Paper/one.md:3:1: error: image file 'nope.png' does not exist"), "\(r.stderr)")
        #expect(s.read("Build/html/index.html") == before)
        #expect(s.read("Build/latex/paper.tex")?.contains("First version.") == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: s.url.appendingPathComponent("Build").path)
        #expect(!leftovers.contains { $0.hasPrefix(".staging") })
    }

    @Test func finalProfileTurnsWarningsIntoErrors() throws {
        let s = try paper(["Paper/folio.yaml": Self.manifest + "colour: blue\n", "Paper/one.md": "# One\n"])
        defer { s.remove() }
        let draft = try CLI.run(["build"], in: s.url)
        #expect(draft.status == 0)
        #expect(draft.stderr.contains("Paper/folio.yaml:4:1: warning: unknown key 'colour' in manifest"))
        let final = try CLI.run(["build", "--profile", "final"], in: s.url)
        #expect(final.status == 1)
        #expect(final.stderr.contains("Paper/folio.yaml:4:1: error: unknown key 'colour'"))
    }

    @Test func paperOptionNamesAnotherFolder() throws {
        let s = try paper(["docs/paper/folio.yaml": Self.manifest, "docs/paper/one.md": "# One\n"])
        defer { s.remove() }
        #expect(try CLI.run(["build"], in: s.url).status == 1, "no Paper/ here")
        let r = try CLI.run(["build", "--paper", "docs/paper", "--out", "out", "--to", "latex"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(s.read("out/latex/paper.tex")?.contains("\\chapter*{One}") == true)
    }

    @Test func renderReadsStandardInput() throws {
        let r = try CLI.run(["render", "-"], stdin: Data("# Hi\n\n*there*\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "<h1 id=\"hi\">Hi</h1>\n<p><em>there</em></p>\n")
        let tex = try CLI.run(["render", "-", "--to", "latex", "--standalone"], stdin: Data("# Hi\n".utf8))
        #expect(tex.stdout.contains("\\documentclass"))
        #expect(tex.stdout.contains("\\section*{Hi}"))
        #expect(tex.stdout.hasSuffix("\\end{document}\n"))
    }

    @Test func renderReportsUnreadableFiles() throws {
        let r = try CLI.run(["render", "no/such/file.md"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: cannot read 'no/such/file.md' [source.unreadable]"))
    }

    @Test func renderRejectsInvalidUTF8() throws {
        let r = try CLI.run(["render", "-"], stdin: Data([0x61, 0xFF]))
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:1:2: error: file is not valid UTF-8"))
        #expect(r.stdout.isEmpty)
    }
}

@Suite struct CLILimitTests {
    @Test func renderLimitCanBeRaised() throws {
        let deep = Data((String(repeating: "> ", count: 40) + "x\n").utf8)
        let refused = try CLI.run(["render", "-"], stdin: deep)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("<stdin>:1:65: error: block quotes nested this deep (33) exceeds the limit of 32 [limits.quote-depth]"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("raise 'quote-depth' in 'folio render --limit NAME=VALUE'"))
        let raised = try CLI.run(["render", "-", "--limit", "quote-depth=64"], stdin: deep)
        #expect(raised.status == 0)
        #expect(raised.stdout.hasPrefix("<blockquote>"))
        #expect(try CLI.run(["render", "-", "--limit", "depth=3"], stdin: deep).status == 2)
    }

    @Test func manifestLimitApplies() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("Paper/folio.yaml", "title: T\nfront-matter: [one.md]\nlimits:\n  table-columns: 2\n")
        try s.write("Paper/one.md", "# One\n\n| a | b | c |\n|---|---|---|\n")
        let r = try CLI.run(["build"], in: s.url)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Paper/one.md:4:1: error: columns in this table (3) exceeds the limit of 2 [limits.table-columns]"),
                "\(r.stderr)")
    }
}

/// `folio render` reads front matter as a one-chapter paper does.
@Suite struct RenderFrontMatterTests {
    @Test func theFrontMatterTitleBecomesTheHeadingAndThePageTitle() throws {
        let r = try CLI.run(["render", "-", "--standalone"], stdin: Data("---\ntitle: Access tiers\nowners: [wg]\n---\n\nBody *text*.\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("<title>Access tiers</title>"), "\(r.stdout)")
        #expect(r.stdout.contains(">Access tiers</h1>") && r.stdout.contains("<p>Body <em>text</em>.</p>"))
        #expect(!r.stdout.contains("owners") && !r.stdout.contains("<hr"), "the YAML is never printed")
        let tex = try CLI.run(["render", "-", "--to", "latex", "--standalone"], stdin: Data("---\ntitle: Access tiers\n---\n\nBody.\n".utf8))
        #expect(tex.stdout.contains("pdftitle={Access tiers}") && tex.stdout.contains("{Access tiers}"), "\(tex.stdout)")
        // A first-level heading wins over the front matter, with the chapter's warning.
        let both = try CLI.run(["render", "-", "--standalone"], stdin: Data("---\ntitle: Other\n---\n# Heading\n".utf8))
        #expect(both.stdout.contains("<title>Heading</title>"))
        #expect(both.stderr.contains("<stdin>:4:1: warning:") && both.stderr.contains("[chapter.title-conflict]"), "\(both.stderr)")
    }

    @Test func refusedFrontMatterIsTheChaptersLocatedError() throws {
        let bomb = "---\na: &a [x, x, x, x, x, x, x, x]\n" + (1...40).map { "k\($0): &k\($0) [*\($0 == 1 ? "a" : "k\($0 - 1)"), *\($0 == 1 ? "a" : "k\($0 - 1)")]" }.joined(separator: "\n") + "\n---\n\nBody.\n"
        let r = try CLI.run(["render", "-"], stdin: Data(bomb.utf8))
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "nothing is printed: \(r.stdout.prefix(200))")
        #expect(r.stderr.contains("<stdin>:") && r.stderr.contains("error:"), "\(r.stderr)")
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"]))
        try s.write("P/a.md", bomb)
        let build = try CLI.run(["build", "--paper", s.url.appendingPathComponent("P").path, "--to", "html",
                                 "--out", s.url.appendingPathComponent("out").path])
        let id = { (text: String) in text.split(separator: "[").last.map { String($0.prefix { $0 != "]" }) } }
        #expect(build.status == 1)
        #expect(id(r.stderr.split(separator: "\n").first.map(String.init) ?? "") == id(build.stderr.split(separator: "\n").first { $0.contains("error:") }.map(String.init) ?? ""),
                "render: \(r.stderr)\nbuild: \(build.stderr)")
        // A block that is YAML but not a mapping stays Markdown (a rule and a setext heading), as in pandoc.
        let rule = try CLI.run(["render", "-"], stdin: Data("---\nFoo\n---\n".utf8))
        #expect(rule.stdout == "<hr />\n<h2 id=\"foo\">Foo</h2>\n", "\(rule.stdout)")
    }
}
