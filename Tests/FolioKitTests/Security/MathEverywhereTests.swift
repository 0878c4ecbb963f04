import Foundation
import Testing
@testable import FolioKit

/// TeX that could escape math is refused wherever a formula sits, by every command, before any
/// writer runs. Each context × payload is a paper of its own; the canary beside it stays untouched.
@Suite struct MathEverywhereTests {
    /// Where a formula can sit: `P` is replaced by the payload. The line the error must point at is
    /// the line of `$`.
    /// (Math inside link text and image descriptions is not math: it is printed as escaped text, so
    /// it cannot reach LaTeX as TeX; InertOutputTests covers links.)
    static let contexts: [(name: String, chapter: String, line: Int)] = [
        ("chapter title", "# Results $P$\n\nText.\n", 1),
        ("section heading", "# C\n\n## Sub $P$\n\nText.\n", 3),
        ("table cell", "# C\n\n| a | b |\n| --- | --- |\n| $P$ | x |\n", 5),
        ("table caption", "# C\n\n| a |\n| --- |\n| x |\n\n: Cap $P$ {#tbl:a}\n", 7),
        ("footnote", "# C\n\nText.[^1]\n\n[^1]: Note $P$.\n", 5),
        ("list item", "# C\n\n- one\n- two $P$\n", 4),
        ("block quote", "# C\n\n> quoted $P$\n", 3),
        ("emphasis", "# C\n\nSome *very $P$ strong* text.\n", 3),
        ("callout", "# C\n\n> [!NOTE]\n> Careful $P$.\n", 4),
        ("display equation", "# C\n\n$$P$$ {#eq:a}\n", 3),
    ]

    static let payloads: [(name: String, tex: String)] = [
        ("input", #"\protect\input{SECRET}"#),
        ("directlua write", #"\directlua{local f=io.open("OUTSIDE/x","w") f:write("y") f:close()}"#),
        ("directlua via csname", #"\csname directlua\endcsname{os.exit(3)}"#),
        ("write18", #"\immediate\write18{touch OUTSIDE/x}"#),
        ("openout", #"\immediate\openout5=OUTSIDE/x.tex \immediate\write5{y}\immediate\closeout5"#),
        ("input pipe", #"\input|"touch OUTSIDE/x""#),
        ("catcode", #"\catcode`\@=11 \makeatletter"#),
        ("luaexec", #"\luaexec{os.execute("true")}"#),
    ]

    static var cases: [(Int, Int)] { contexts.indices.flatMap { c in payloads.indices.map { (c, $0) } } }

    func paper(context c: Int, payload p: Int) throws -> AttackPaper {
        let attack = try AttackPaper(chapter: "")
        let text = Self.contexts[c].chapter.replacingOccurrences(of: "P", with: Self.payloads[p].tex)
            .replacingOccurrences(of: "SECRET", with: attack.secret.path)
            .replacingOccurrences(of: "OUTSIDE", with: attack.outside.path)
        try attack.scratch.write("Paper/c.md", text)
        try attack.scratch.write("Paper/folio.yaml", "title: T\nchecklist: cl.yaml\nparts:\n  - title: P\n    side: demand\n    chapters: [c.md]\n")
        try attack.scratch.write("Paper/cl.yaml", "title: L\nitems:\n  - id: A-1\n    side: demand\n    title: A\n")
        return attack
    }

    @Test(arguments: cases) func refusedByBuildLintAndCheck(_ c: Int, _ p: Int) throws {
        let attack = try paper(context: c, payload: p)
        defer { attack.remove() }
        let what = "\(Self.payloads[p].name) in a \(Self.contexts[c].name)"
        let outcome = attack.build([.html, .latex])
        let unsafe = outcome.diagnostics.diagnostics.filter { $0.id == "math.unsafe" }
        #expect(!unsafe.isEmpty, "build accepted \(what): \(attack.ids(outcome))")
        #expect(unsafe.first?.location?.line == Self.contexts[c].line, "\(what) located at \(unsafe.first?.location?.description ?? "nowhere")")
        #expect(outcome.diagnostics.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: attack.out.appendingPathComponent("latex/paper.tex").path), "LaTeX written for \(what)")

        let lint = LintPipeline.run(paperDirectory: attack.paper.path, profile: .draft)
        #expect(lint.diagnostics.contains { $0.id == "math.unsafe" && $0.severity == .error }, "lint passed \(what)")
        let (_, check) = CheckPipeline.run(paperDirectory: attack.paper.path, profile: .final)
        #expect(check.diagnostics.contains { $0.id == "math.unsafe" }, "check passed \(what)")
        attack.expectCanaryUntouched()
    }

    /// `folio render` (one file, no paper) refuses it too.
    @Test func refusedByRender() {
        for (name, tex) in Self.payloads {
            let r = RenderPipeline.render("# T $\(tex)$\n", file: "x.md", format: .latex, standalone: true, rawHTML: false)
            #expect(r.diagnostics.contains { $0.id == "math.unsafe" }, "render accepted \(name)")
            #expect(r.output.isEmpty)
        }
    }
}
