import Foundation

/// Compiles the staged LaTeX with `latexmk -lualatex` and checks the log.
enum PDFCompiler {
    /// Compiles `latexDir/paper.tex` into `pdfDir/paper.pdf`. Returns diagnostics; errors mean no PDF.
    static func compile(latexDir: URL, workDir: URL, pdfDir: URL) -> [Diagnostic] {
        guard let latexmk = ProcessRunner.which("latexmk") else {
            return [.error("pdf.no-tex", "latexmk is not installed, so no PDF can be made", at: nil,
                           notes: ["run 'make pdf' to install TeX Live, or build with --to html,latex"])]
        }
        let args = ["-lualatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
                    "-no-shell-escape", "-outdir=\(workDir.path)", "paper.tex"]
        let result: ProcessRunner.Output
        do {
            try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
            result = try ProcessRunner.run(latexmk, args, in: latexDir.path)
        } catch {
            return [.error("pdf.failed", "could not run latexmk: \(error)", at: nil)]
        }
        let log = (try? String(contentsOf: workDir.appendingPathComponent("paper.log"), encoding: .utf8)) ?? result.output
        let problems = LaTeXLog.problems(in: log)
        var diagnostics = problems.map { Diagnostic.error("pdf.latex-error", "LaTeX: \($0)", at: nil) }
        if result.status != 0 && diagnostics.isEmpty {
            let tail = result.output.split(separator: "\n").suffix(15).joined(separator: "\n")
            diagnostics.append(.error("pdf.failed", "latexmk failed (exit \(result.status))", at: nil, notes: [tail]))
        }
        for warning in LaTeXLog.undefinedReferences(in: log) {
            diagnostics.append(.warning("pdf.undefined-reference", "LaTeX: \(warning)", at: nil))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }
        do {
            try FileManager.default.createDirectory(at: pdfDir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: workDir.appendingPathComponent("paper.pdf"),
                                             to: pdfDir.appendingPathComponent("paper.pdf"))
        } catch {
            diagnostics.append(.error("pdf.failed", "latexmk made no PDF: \(error)", at: nil))
        }
        return diagnostics
    }
}

/// Reads a LaTeX log for errors and undefined references.
enum LaTeXLog {
    /// Error lines: `! message`, or `file.tex:12: message` as `-file-line-error` prints them.
    static func problems(in log: String) -> [String] {
        log.split(separator: "\n").filter { line in
            if line.hasPrefix("! ") { return true }
            guard let tex = line.range(of: ".tex:") else { return false }
            let rest = line[tex.upperBound...]
            let digits = rest.prefix(while: \.isNumber)
            return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix(": ")
        }.prefix(10).map { String($0) }
    }

    static func undefinedReferences(in log: String) -> [String] {
        log.split(separator: "\n").filter {
            $0.contains("There were undefined references")
                || (($0.contains("Reference `") || $0.contains("Citation `") || $0.contains("Citation '")) && $0.contains("undefined"))
        }.prefix(20).map { String($0.trimmingCharacters(in: .whitespaces)) }
    }
}
