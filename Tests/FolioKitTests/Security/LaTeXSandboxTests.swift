import Foundation
import Testing
@testable import FolioKit

/// The PDF build treats LaTeX as untrusted code. These payloads skip the math gate (they are written
/// straight into the LaTeX), so they test the sandbox itself: the Lua restrictions alone, and with
/// bubblewrap around them. Each must read and write nothing outside the build: the build fails, or
/// the PDF holds no secret.
@Suite(.requires(.tex)) struct LaTeXSandboxTests {
    static let payloads: [(name: String, tex: String)] = [
        ("io.open read", #"\directlua{local f = io.open("SECRET") if f then tex.print(f:read("a")) end}"#),
        ("io.open write", #"\directlua{local f = io.open("OUTSIDE/x", "w") if f then f:write("y") f:close() end}"#),
        ("io.lines", #"\directlua{for l in io.lines("SECRET") do tex.print(l) end}"#),
        ("os.execute", #"\directlua{os.execute("touch OUTSIDE/x")}"#),
        ("io.popen", #"\directlua{io.popen("touch OUTSIDE/x")}"#),
        ("bytecode", #"\directlua{local g = load(string.dump(function() return "BYTECODE-RAN" end)) if g then tex.print(g()) end}"#),
        ("loadstring bytecode", #"\directlua{local g = loadstring(string.dump(function() return "BYTECODE-RAN" end)) if g then tex.print(g()) end}"#),
        ("lfs.mkdir", #"\directlua{lfs.mkdir("OUTSIDE/d")}"#),
        ("lfs.chdir", #"\directlua{lfs.chdir("OUTSIDE") local f = io.open("secret.txt") if f then tex.print(f:read("a")) end}"#),
        ("relative ..", #"\directlua{local f = io.open("../../../../../../../../../OUTSIDE/secret.txt") if f then tex.print(f:read("a")) end}"#),
        ("os.rename", #"\directlua{os.rename("SECRET", "OUTSIDE/moved")}"#),
        ("package.loadlib", #"\directlua{package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")}"#),
        ("debug", #"\directlua{debug.getregistry()}"#),
        ("openout", #"\immediate\openout5=OUTSIDE/x.tex \immediate\write5{y}\immediate\closeout5"#),
        ("input", #"\input{SECRET}"#),
        ("input pipe", #"\input|"touch OUTSIDE/x" "#),
        ("write18", #"\immediate\write18{touch OUTSIDE/x}"#),
        ("csname directlua", #"\csname directlua\endcsname{local f = io.open("OUTSIDE/x", "w") if f then f:write("y") f:close() end}"#),
    ]

    static var cases: [(Int, Bool)] { payloads.indices.flatMap { [($0, false), ($0, true)] } }

    @Test(arguments: cases) func payloadTouchesNothingOutside(_ index: Int, _ osSandbox: Bool) throws {
        try Requirement.tex.check()
        let attack = try AttackPaper(chapter: "")
        defer { attack.remove() }
        let tex = Self.payloads[index].tex.replacingOccurrences(of: "SECRET", with: attack.secret.path)
            .replacingOccurrences(of: "OUTSIDE", with: attack.outside.path)
        let latex = try attack.scratch.write("latex/paper.tex",
            "\\documentclass{article}\n\\begin{document}\nBefore.\n\(tex)\nAfter.\n\\end{document}\n")
        let diagnostics = PDFCompiler.compile(latexDir: latex.deletingLastPathComponent(),
                                              logFile: attack.out.appendingPathComponent("latex.log"),
                                              pdfDir: attack.out.appendingPathComponent("pdf"), limits: .init(seconds: 120, memoryBytes: 4 << 30),
                                              osSandbox: osSandbox)
        attack.expectCanaryUntouched()
        let pdf = attack.out.appendingPathComponent("pdf/paper.pdf").path
        if FileManager.default.fileExists(atPath: pdf) {
            let text = try ProcessRunner.run("/usr/bin/pdftotext", [pdf, "-"], in: "/").output
            #expect(!text.contains("BYTECODE-RAN"), "bytecode ran (\(Self.payloads[index].name))")
            #expect(text.contains("Before."))
        } else {
            #expect(diagnostics.contains { $0.severity == .error }, "no PDF and no error")
        }
    }

    /// A work folder left by a build that was killed is removed by the next one.
    @Test func staleWorkFoldersAreRemoved() throws {
        let tmp = FileManager.default.temporaryDirectory
        let dead = tmp.appendingPathComponent("\(LaTeXSandbox.prefix)999999999-dead")
        try FileManager.default.createDirectory(at: dead.appendingPathComponent("work"), withIntermediateDirectories: true)
        try Data("\\relax".utf8).write(to: dead.appendingPathComponent("work/paper.aux"))
        LaTeXSandbox.removeStale()
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }
}
