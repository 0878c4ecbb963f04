import Foundation

/// Sandboxed PDF builds may read the shared luaotfload caches but never write them, so the caches are
/// filled by a trusted run first: a document Folio writes itself (its font setup and a line in each
/// script), never the paper. It runs once per font setup; a stamp in `TEXMFVAR` records it.
enum FontCache {
    static var document: String {
        """
        \\documentclass{article}
        \(LaTeXPreamble.fonts)
        \\begin{document}
        Folio \\textbf{bold} \\textit{italic} \\textbf{\\textit{both}} \\textsf{sans \\textbf{bold} \\textit{italic}}
        \\texttt{mono \\textbf{bold}} 中文 தமிழ் → ✓
        \\end{document}

        """
    }

    /// The stamp for this font setup, or nil when there is no writable `TEXMFVAR`.
    static func stamp() -> URL? {
        guard let texmfvar = LaTeXSandbox.kpseVariable("TEXMFVAR") else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in document.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return URL(fileURLWithPath: texmfvar).appendingPathComponent("folio/fonts-\(String(hash, radix: 16)).stamp")
    }

    /// Fills the shared caches when this font setup has not been cached yet. Failures only make the
    /// sandboxed build slower (it then caches fonts in its own folder), so they are not reported.
    static func warm(lualatex: String, limits: ProcessRunner.Limits) {
        guard let stamp = stamp(), !FileManager.default.fileExists(atPath: stamp.path) else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(LaTeXSandbox.prefix)\(getpid())-fonts-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(document.utf8).write(to: dir.appendingPathComponent("fonts.tex"))
            let r = try ProcessRunner.run(lualatex, ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "fonts.tex"],
                                          in: dir.path, limits: limits)
            guard r.status == 0, !r.timedOut else { return }
            try FileManager.default.createDirectory(at: stamp.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: stamp)
        } catch {
            return
        }
    }
}
