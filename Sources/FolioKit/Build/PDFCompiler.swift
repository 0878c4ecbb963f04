import Foundation

/// Compiles the staged LaTeX with `latexmk -lualatex` in a fresh sandbox (`LaTeXSandbox`) and checks the log.
enum PDFCompiler {
    /// LaTeX's log from the last PDF build, in the output folder.
    static let logName = "latex.log"

    /// Compiles `latexDir/paper.tex` into `pdfDir/paper.pdf`, copying LaTeX's log to `logFile`.
    /// Returns diagnostics; errors mean no PDF.
    /// `osSandbox: false` leaves bubblewrap out (tests use it to prove the Lua sandbox holds alone).
    /// `sourceDate` fixes every date TeX writes (a reproducible build).
    static func compile(latexDir: URL, logFile: URL, pdfDir: URL, limits: ProcessRunner.Limits = .latex,
                        osSandbox: Bool = true, sourceDate: Date? = nil) -> [Diagnostic] {
        guard let latexmk = ProcessRunner.which("latexmk") else {
            return [.error("pdf.no-tex", "latexmk is not installed, so no PDF can be made", at: nil,
                           notes: ["run 'make pdf' to install TeX Live, or build with --to html,latex"])]
        }
        if let lualatex = ProcessRunner.which("lualatex") { FontCache.warm(lualatex: lualatex, limits: limits) }
        let box: LaTeXSandbox
        let roots = LaTeXSandbox.texRoots()
        do {
            box = try LaTeXSandbox()
            try copyTree(latexDir, to: box.src)
            box.seedFontNames(from: roots.trustedCaches)
            try Data(box.lua(read: roots.read, trustedCaches: roots.trustedCaches).utf8)
                .write(to: box.sandbox.appendingPathComponent("folio-sandbox.lua"))
            try Data(box.mainFile.utf8).write(to: box.src.appendingPathComponent("folio-main.tex"))
        } catch {
            return [.error("pdf.failed", "could not prepare the LaTeX build folder: \(error.localizedDescription)", at: nil)]
        }
        defer { box.remove() }
        var diagnostics: [Diagnostic] = []
        let latexmkArgs = ["-lualatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
                           "-no-shell-escape", "-jobname=paper", "-outdir=\(box.work.path)", "folio-main.tex"]
        var command = [latexmk] + latexmkArgs
        if osSandbox, let wrap = box.bubblewrap(trustedCaches: roots.trustedCaches), OSSandbox.works(wrap) {
            command = wrap + command
        } else {
            diagnostics.append(Diagnostic(.note, "pdf.no-os-sandbox",
                "LaTeX runs without an OS sandbox (bubblewrap is not installed or cannot run here); the Lua sandbox and TeX's paranoid file rules still apply",
                at: nil, notes: ["install it with 'apt-get install bubblewrap' (make deps-tex does this)"]))
        }
        var environment = box.environment(trustedCaches: roots.trustedCaches)
        if let sourceDate {
            environment["SOURCE_DATE_EPOCH"] = String(Int64(sourceDate.timeIntervalSince1970))
            environment["FORCE_SOURCE_DATE"] = "1"
        }
        let result: ProcessRunner.Output
        do {
            result = try ProcessRunner.run(command[0], Array(command.dropFirst()), in: box.src.path, limits: limits,
                                           environment: environment)
        } catch {
            return [.error("pdf.failed", "could not run latexmk: \(error)", at: nil)]
        }
        let log = (try? String(contentsOf: box.work.appendingPathComponent("paper.log"), encoding: .utf8)) ?? result.output
        try? Data(log.utf8).write(to: logFile)
        if result.timedOut {
            return diagnostics + [.error("pdf.timeout", "LaTeX ran longer than \(Int(limits.seconds)) s and was stopped", at: nil,
                                         notes: ["raise the limit with --latex-timeout SECONDS; the log is in \(DisplayPath.of(logFile.path))"])]
        }
        let problems = LaTeXLog.problems(in: log)
        diagnostics += problems.map { Diagnostic.error("pdf.latex-error", "LaTeX: \($0)", at: nil) }
        if result.status != 0 && !diagnostics.contains(where: { $0.severity == .error }) {
            let tail = result.output.split(separator: "\n").suffix(15).joined(separator: "\n")
            diagnostics.append(.error("pdf.failed", "latexmk failed (exit \(result.status))", at: nil, notes: [.init(tail)]))
        }
        for warning in LaTeXLog.undefinedReferences(in: log) {
            diagnostics.append(.warning("pdf.undefined-reference", "LaTeX: \(warning)", at: nil))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }
        do {
            try FileManager.default.createDirectory(at: pdfDir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: box.work.appendingPathComponent("paper.pdf"),
                                             to: pdfDir.appendingPathComponent("paper.pdf"))
        } catch {
            diagnostics.append(.error("pdf.failed", "latexmk made no PDF: \(error)", at: nil))
        }
        return diagnostics
    }

    /// Copies regular files and folders (the staged LaTeX holds nothing else), never links.
    static func copyTree(_ from: URL, to: URL) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: from.path) {
            let source = from.appendingPathComponent(name), target = to.appendingPathComponent(name)
            let type = try fm.attributesOfItem(atPath: source.path)[.type] as? FileAttributeType
            if type == .typeDirectory {
                try fm.createDirectory(at: target, withIntermediateDirectories: true)
                try copyTree(source, to: target)
            } else if type == .typeRegular {
                try Data(contentsOf: source).write(to: target)
            }
        }
    }
}

/// Whether an OS sandbox command can run on this machine (user namespaces may be disabled).
enum OSSandbox {
    nonisolated(unsafe) private static var cached: Bool?
    private static let lock = NSLock()

    static func works(_ wrap: [String]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let probe = (try? ProcessRunner.run(wrap[0], Array(wrap.dropFirst()) + ["/usr/bin/true"], in: "/"))?.status == 0
        cached = probe
        return probe
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
        }.prefix(20).map { String($0.trimmingWhitespace()) }
    }
}
