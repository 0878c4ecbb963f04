import Foundation

/// Figures in the format each writer needs, converted by external tools under limits (time, memory):
/// SVG to PDF for LaTeX (rsvg-convert, from the sanitised SVG), and a PDF figure's first page to SVG
/// for HTML (pdftocairo, then the SVG sanitiser, so the page gets only what any SVG figure may hold).
enum FigureConversion {
    /// LaTeX cannot include SVG, so figures are converted to PDF with rsvg-convert, under limits.
    static func svgToPDF(_ source: String, named original: String, to target: URL, limits: ProcessRunner.Limits,
                                   sourceDate: Date?) -> Diagnostic? {
        guard let tool = ProcessRunner.which("rsvg-convert") else {
            return .error("build.no-rsvg", "rsvg-convert is needed to turn SVG figures into PDF for LaTeX", at: nil,
                          notes: ["install it with 'apt-get install librsvg2-bin' (make does this)"])
        }
        do {
            var environment: [String: String]?
            if let sourceDate {
                environment = ProcessInfo.processInfo.environment
                environment?["SOURCE_DATE_EPOCH"] = String(Int64(sourceDate.timeIntervalSince1970))
            }
            let r = try ProcessRunner.run(tool, ["-f", "pdf", "-o", target.path, source],
                                          in: target.deletingLastPathComponent().path, limits: limits, environment: environment)
            if r.timedOut {
                return .error("build.svg-timeout", "converting '\(DisplayPath.of(original))' to PDF took longer than \(Int(limits.seconds)) s",
                              at: SourceLocation(file: DisplayPath.of(original), line: 1, column: 1),
                              notes: ["simplify the figure (large blur or morphology filters are slow), or raise --svg-timeout"])
            }
            if r.status != 0 {
                return .error("build.svg", "cannot convert '\(DisplayPath.of(original))' to PDF: \(r.output)",
                              at: SourceLocation(file: DisplayPath.of(original), line: 1, column: 1))
            }
        } catch {
            return .error("build.svg", "cannot run rsvg-convert: \(error)", at: nil)
        }
        return nil
    }

    /// The largest SVG a PDF page may become (a small compressed PDF can expand enormously).
    static let maxSVGBytes = 32 << 20

    /// HTML cannot show a PDF figure, so its first page becomes an SVG, which is sanitised like any SVG
    /// figure (its warnings returned). pdftocairo gets a bare environment (no CI secrets) and the limits.
    static func pdfToSVG(_ source: String, named original: String, to target: URL, limits: ProcessRunner.Limits) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let d = convertPDF(source, named: original, to: target, limits: limits, warnings: &out) { out.append(d) }
        return out
    }

    private static func convertPDF(_ source: String, named original: String, to target: URL, limits: ProcessRunner.Limits,
                                   warnings: inout [Diagnostic]) -> Diagnostic? {
        let at = SourceLocation(file: DisplayPath.of(original), line: 1, column: 1)
        guard let tool = ProcessRunner.which("pdftocairo") else {
            return .error("build.no-pdftocairo", "pdftocairo is needed to show PDF figures in the HTML", at: at,
                          notes: ["install it with 'apt-get install poppler-utils' (make does this)"])
        }
        let raw = target.deletingPathExtension().appendingPathExtension("raw.svg")
        defer { try? FileManager.default.removeItem(at: raw) }
        do {
            let r = try ProcessRunner.run(tool, ["-svg", "-f", "1", "-l", "1", source, raw.path],
                                          in: target.deletingLastPathComponent().path, limits: limits,
                                          environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
            if r.timedOut {
                return .error("build.svg-timeout", "converting '\(DisplayPath.of(original))' to SVG took longer than \(Int(limits.seconds)) s", at: at,
                              notes: ["simplify the figure, or raise --svg-timeout"])
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: raw.path)[.size] as? Int) ?? 0
            guard size <= maxSVGBytes else {
                return .error("build.svg", "the first page of '\(DisplayPath.of(original))' becomes an SVG of \(size) bytes, over the limit of \(maxSVGBytes)",
                              at: at, notes: ["simplify the figure, or export it as PNG"])
            }
            guard r.status == 0, let data = FileManager.default.contents(atPath: raw.path) else {
                return .error("build.svg", "cannot convert '\(DisplayPath.of(original))' to SVG: \(r.output)", at: at,
                              notes: ["check that the PDF opens in a viewer, and export it again"])
            }
            let result = SVGSanitizer.sanitize(String(decoding: data, as: UTF8.self), file: DisplayPath.of(original))
            if let error = result.diagnostics.first(where: { $0.severity == .error }) { return error }
            warnings += result.diagnostics
            try Data(result.svg.utf8).write(to: target)
        } catch {
            return .error("build.svg", "cannot run pdftocairo: \(error)", at: at)
        }
        return nil
    }
}
