import Foundation
import Testing
@testable import FolioKit

/// The whole `--untrusted` PDF build watched by strace: only the expected programs run, nothing is
/// opened outside the paper, the output, the build's work folder, TeX's trees, the fonts and the
/// system, and the canary beside the paper is never even tried.
@Suite(.requires(.strace), .requires(.tex)) struct StraceTests {
    static let programs: Set<String> = ["folio", "setpriv", "prlimit", "bwrap", "latexmk", "perl", "sh", "dash", "lualatex",
                                         "luahbtex", "luatex", "kpsewhich", "biber", "rsvg-convert", "mktexfmt", "fmtutil",
                                         "true",  // true: the probe that bubblewrap can run here
                                         "git"]   // git: the build's stamp (rev-parse, log, status; read-only)

    @Test func untrustedBuildSpawnsAndOpensOnlyWhatItShould() throws {
        try Requirement.strace.check()
        try Requirement.tex.check()
        let a = try AttackPaper(chapter: "# Results\n\nText with $x^2$ and a figure.\n\n![A figure](f.png){#fig:a}\n\nSee @fig:a.\n",
                                manifest: "raw-html: true\n")
        defer { a.remove() }
        try a.scratch.writePNG("Paper/f.png")
        let log = a.scratch.url.appendingPathComponent("strace.log")
        let strace = try #require(ProcessRunner.which("strace"))
        let r = try ProcessRunner.run(strace, ["-f", "-qq", "-e", "trace=execve,openat", "-o", log.path, TestPaths.folioBinary.path,
                                               "build", "--untrusted", "--to", "all", "--paper", a.paper.path, "--out", a.out.path],
                                      in: a.scratch.url.path, limits: .init(seconds: 600, memoryBytes: 8 << 30))
        #expect(r.status == 0, "\(r.output)")
        let text = try String(contentsOf: log, encoding: .utf8)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        let allowed = [a.paper.path, a.out.path, FileManager.default.temporaryDirectory.path + "/" + LaTeXSandbox.prefix,
                       "/usr/", "/etc/", "/proc/", "/sys/", "/dev/", "/lib", "/var/lib/texmf", "/var/cache/fontconfig",
                       home + "/.texlive", home + "/.cache/fontconfig", home + "/.gitconfig", home + "/.config/git/", TestPaths.packageRoot.path + "/.build",
                       "/opt/swift", "/bin/", "/sbin/", "/tmp/.X11", "/usr/lib/locale"]
        var spawned: Set<String> = []
        for line in text.split(separator: "\n") {
            guard let q1 = line.firstIndex(of: "\""), let q2 = line[line.index(after: q1)...].firstIndex(of: "\"") else { continue }
            let path = String(line[line.index(after: q1)..<q2])
            #expect(!path.hasPrefix(a.outside.path), "tried the canary folder: \(line)")
            let ok = !line.contains("= -1")
            if line.contains("execve(") && ok {
                spawned.insert((path as NSString).lastPathComponent)
            } else if line.contains("openat(") && ok && path.hasPrefix("/") {
                // bubblewrap builds its view of the allowed paths under /newroot.
                let seen = path.hasPrefix("/newroot/") ? String(path.dropFirst("/newroot".count)) : path
                let folder = ["/", "/tmp", "/proc", "/usr", "/newroot"].contains(seen)
                #expect(folder || allowed.contains { seen.hasPrefix($0) }, "opened \(path)")
            }
        }
        #expect(spawned.isSubset(of: Self.programs), "unexpected programs: \(spawned.subtracting(Self.programs))")
        #expect(spawned.contains("lualatex") || spawned.contains("luahbtex"))
        a.expectCanaryUntouched()
    }
}
