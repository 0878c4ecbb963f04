import Foundation
import Testing
@testable import FolioKit

/// Lint sees what build sees: for every fixture paper and `Paper/`, under both profiles, every error id
/// `build --to html,latex` reports is among the error ids `lint` reports.
@Suite struct AnalysisAgreementTests {
    static let papers: [String] = {
        let dir = TestPaths.fixtures.appendingPathComponent("papers")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0).path } + [TestPaths.packageRoot.appendingPathComponent("Paper").path]
    }()

    @Test(arguments: papers, Profile.allCases)
    func lintReportsEveryBuildError(paper: String, profile: Profile) throws {
        let s = try Scratch()
        defer { s.remove() }
        var request = BuildPipeline.Request(paperDirectory: paper, outputDirectory: s.url.path, formats: [.html, .latex], profile: profile)
        request.untrusted = false
        let build = BuildPipeline.run(request)
        let lint = LintPipeline.run(paperDirectory: paper, profile: profile)
        let buildErrors = Set(build.diagnostics.diagnostics.filter { $0.severity == .error }.map(\.id))
        let lintErrors = Set(lint.diagnostics.filter { $0.severity == .error }.map(\.id))
        #expect(buildErrors.isSubset(of: lintErrors), "\(paper) (\(profile)): build errors lint misses: \(buildErrors.subtracting(lintErrors).sorted())")
    }

    @Test func unsafeMathAndChecklistFindingsReachLint() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"], extra: "checklist: checklist.yaml\n"))
        try s.write("P/checklist.yaml", """
            title: C
            items:
              - id: DS-1
                side: demand
                title: Needs
                severity: error
            """)
        try s.write("P/a.md", "# A\n\nRead $\\input{/etc/passwd}$ here.\n")
        let dir = s.url.appendingPathComponent("P").path
        let build = BuildPipeline.run(.init(paperDirectory: dir, outputDirectory: s.url.appendingPathComponent("out").path,
                                            formats: [.html], profile: .draft))
        #expect(build.diagnostics.diagnostics.contains { $0.id == "math.unsafe" })
        let lint = try CLI.run(["lint", "--paper", dir, "--format", "json"])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("\"math.unsafe\"") && lint.stdout.contains("\"check.not-covered\""), "\(lint.stdout)")
        // The unsafe-math error guards TeX: configuration cannot lower it.
        try s.write("P/.folio-lint.yaml", "rules:\n  math.unsafe: off\n  check.not-covered: warning\n")
        let configured = LintPipeline.run(paperDirectory: dir, profile: .draft)
        #expect(configured.diagnostics.contains { $0.id == "math.unsafe" && $0.severity == .error })
        #expect(configured.diagnostics.contains { $0.id == "check.not-covered" && $0.severity == .warning })
    }

    @Test func oldLintNamesStillConfigureTheStageFindings() throws {
        let bib = "@misc{tan2023, title = {T}, year = 2023}\n@misc{unused, title = {U}, year = 2020}\n"
        let manifest = "lint:\n  rules:\n    refs.uncited-entry: off\n    refs.undefined-label: warning\n"
        let f = try LintHarness.lint(LintHarness.front + "As shown [@tan2023], see @sec:none.\n", manifest: manifest, bib: bib)
        #expect(!f.contains { $0.id == "citation.uncited" })
        #expect(f.contains { $0.id == "crossref.undefined" && $0.severity == .warning })
        let inline = try LintHarness.lint(LintHarness.front + "<!-- folio-lint disable-next-line refs.undefined-label -->\nSee @sec:none.\n")
        #expect(!inline.contains { $0.id == "crossref.undefined" }, "\(inline.map(\.id))")
    }

    @Test func theProfileIsAppliedOnce() throws {
        let f = try LintHarness.lint(LintHarness.front + "The the end.\n", profile: .final)
        #expect(f.first { $0.id == "prose.repeated-word" }?.severity == .error, "final raises warnings to errors in the engine")
    }
}

/// Resolve runs its passes in order; coverage sees only what the authors wrote.
@Suite struct ResolvePassTests {
    @Test func thePassesRunInTheDocumentedOrder() {
        #expect(Resolver.passes.map(\.name) == ["numbering", "math macros", "cross-references", "citations", "coverage", "abbreviations", "appendices", "footnotes"])
    }

    @Test func wordsFolioInsertsAreNotEvidence() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"], extra: "checklist: c.yaml\nglossary: g.yaml\n"))
        try s.write("P/c.yaml", "title: C\nitems:\n  - id: DS-1\n    side: demand\n    title: Needs\n")
        try s.write("P/g.yaml", "entries:\n  - term: Infocomm Media Development Authority\n    acronym: IMDA\n    definition: Singapore's regulator.\n")
        try s.write("P/a.md", "# A\n\n## Rules {covers=\"DS-1\"}\n\nThe IMDA sets five rules.\n")
        let analysis = Analyzer.run(DiskProvider(directory: s.url.appendingPathComponent("P").path))
        let resolved = try #require(analysis.resolved)
        #expect(HTMLPage.paper(resolved).contains("Infocomm Media Development Authority (<abbr"), "the expansion is in the output")
        #expect(resolved.coverage?.results.first?.words == 6, "only the heading and the five words the author wrote count")
    }
}

/// Footnote numbers are assigned once, in Resolve, after citation notes are added; both writers print them.
@Suite struct FootnoteNumberTests {
    @Test func citationNotesAndAuthorsNotesShareOneNumbering() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"], extra: "bibliography: [r.bib]\ncitation-style: notes\n"))
        try s.write("P/r.bib", "@book{tan2023, author = {Tan, Wei}, title = {Access}, year = 2023, publisher = {P}}\n")
        try s.write("P/a.md", "# A\n\nFirst a citation [@tan2023], then a note.[^n]\n\n[^n]: The author's note.\n")
        let analysis = Analyzer.run(DiskProvider(directory: s.url.appendingPathComponent("P").path))
        let ch = try #require(analysis.resolved?.chapters.first)
        #expect(ch.footnotes.count == 2)
        #expect(ch.footnoteNumbers["n"] == 2, "the citation's note comes first: \(ch.footnoteNumbers)")
        let resolved = try #require(analysis.resolved)
        let html = HTMLPage.paper(resolved)
        let tex = LaTeXDocument.paper(resolved).output
        #expect(html.contains("The author") && tex.contains("\\footnote[2]{The author"), "\(tex.components(separatedBy: "footnote").dropFirst().map { $0.prefix(40) })")
    }
}

/// What the review of the one analysis found, each kept fixed by a test.
@Suite struct AnalysisReviewTests {
    @Test func anUntrustedPaperCannotSilenceItsOwnErrors() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"]) + "lint:\n  rules:\n    crossref.undefined: off\n")
        try s.write("P/a.md", "<!-- folio-lint disable-file -->\n# A\n\nSee @sec:nowhere.\n")
        let dir = s.url.appendingPathComponent("P").path
        let trusted = BuildPipeline.run(.init(paperDirectory: dir, outputDirectory: s.url.appendingPathComponent("o1").path,
                                              formats: [.html], profile: .draft))
        #expect(!trusted.diagnostics.hasErrors, "a trusted paper may switch its own findings off")
        var request = BuildPipeline.Request(paperDirectory: dir, outputDirectory: s.url.appendingPathComponent("o2").path,
                                            formats: [.html], profile: .draft)
        request.untrusted = true
        let untrusted = BuildPipeline.run(request)
        #expect(untrusted.diagnostics.diagnostics.contains { $0.id == "crossref.undefined" && $0.severity == .error })
        // A setting for a fixed-severity id says it does nothing.
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"]) + "lint:\n  rules:\n    math.unsafe: off\n")
        let lint = LintPipeline.run(paperDirectory: dir, profile: .draft)
        #expect(lint.diagnostics.contains { $0.id == "lint.fixed-rule" && $0.location?.line == 9 }, "\(lint.diagnostics.map(\.id))")
    }

    @Test func fixKeepsTheByteOrderMark() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"]))
        let chapter = try s.write("P/a.md", "\u{FEFF}---\nowners: [wg]\n---\n# A\n\nThe the end.\n")
        let r = try CLI.run(["lint", "--paper", s.url.appendingPathComponent("P").path, "--fix"])
        #expect(r.stderr.contains("fixed 1 finding"), "\(r.stderr)")
        let bytes = [UInt8](try Data(contentsOf: chapter))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "the byte-order mark survives --fix")
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("The end.\n"))
    }

    @Test func sinceAndRevisionTogetherAreAUsageError() throws {
        let r = try CLI.run(["lint", "--since", "HEAD", "--revision", "HEAD"])
        #expect(r.status == 64 || r.status == 2, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains("--since"))
    }

    @Test func aSymlinkLoopIsRefusedNotFollowed() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", SmallPaper.manifest(["a.md"]))
        let dir = s.url.appendingPathComponent("P")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
        let analysis = Analyzer.run(DiskProvider(directory: dir.path))
        #expect(analysis.paper == nil)
        #expect(analysis.diagnostics.contains { $0.id == "manifest.path-outside" && $0.location?.line == 6 }, "\(analysis.diagnostics)")
    }
}
