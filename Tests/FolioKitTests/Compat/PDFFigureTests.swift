import Foundation
import Testing
@testable import FolioKit

/// PDF figures, as LaTeX-first teams have them (issue 16): LaTeX includes the PDF as it is, and the
/// HTML shows its first page converted to SVG by pdftocairo and sanitised like any SVG figure.
@Suite(.requires(.pdftocairo)) struct PDFFigureTests {
    static func build(_ pdf: Data, formats: [OutputFormat] = [.html, .latex]) throws -> (s: Scratch, outcome: BuildPipeline.Outcome) {
        let s = try Scratch()
        try s.write("P/folio.yaml", "title: T\nback-matter: [a.md]\n")
        try s.write("P/a.md", "# Figures\n\n![A chart.](figures/chart.pdf){#fig:chart}\n\nSee @fig:chart.\n")
        try s.writeData("P/figures/chart.pdf", pdf)
        let outcome = BuildPipeline.run(.init(paperDirectory: s.url.appendingPathComponent("P").path,
                                              outputDirectory: s.url.appendingPathComponent("out").path, formats: formats, profile: .draft))
        return (s, outcome)
    }

    @Test func pdfFigureInBothOutputs() throws {
        try Requirement.pdftocairo.check()
        let (s, outcome) = try Self.build(Scratch.pdf)
        defer { s.remove() }
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let html = s.read("out/html/index.html") ?? ""
        #expect(html.contains("src=\"assets/chart.svg\""))
        let svg = s.read("out/html/assets/chart.svg") ?? ""
        #expect(svg.contains("<svg") && svg.contains("200pt"), "the page's size: \(svg.prefix(300))")
        #expect(svg.contains("rgb(0%, 0%, 100%)") || svg.contains("#0000ff") || svg.contains("rgb(0%,0%,100%)"), "the blue rectangle")
        #expect(!svg.contains("<script"))
        let tex = s.read("out/latex/paper.tex") ?? ""
        #expect(tex.contains("{assets/chart.pdf}"))
        let copied = FileManager.default.contents(atPath: s.url.appendingPathComponent("out/latex/assets/chart.pdf").path)
        #expect(copied == Scratch.pdf, "LaTeX gets the PDF as it is")
        #expect(html.contains("Figure 1"))
    }

    @Test func aBrokenPDFIsALocatedError() throws {
        try Requirement.pdftocairo.check()
        let (s, outcome) = try Self.build(Data("%PDF-1.4\nnot a real document\n".utf8))
        defer { s.remove() }
        let e = outcome.diagnostics.diagnostics.first { $0.id == "build.svg" }
        #expect(e?.location?.file.hasSuffix("figures/chart.pdf") == true, "\(outcome.diagnostics.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: s.url.appendingPathComponent("out/html").path), "no output on failure")
    }

    @Test func aFileThatIsNotAPDFIsRefused() throws {
        let (s, outcome) = try Self.build(Scratch.png)
        defer { s.remove() }
        let e = outcome.diagnostics.diagnostics.first { $0.id == "image.content" }
        #expect(e?.message.contains("holds a PNG image, not PDF") == true, "\(outcome.diagnostics.diagnostics)")
    }

    /// `a/plot.svg` and `b/plot.pdf` become `plot.pdf` and `plot.svg` in the other writer: never the same file.
    @Test func convertedNamesNeverCollide() throws {
        try Requirement.pdftocairo.check()
        let s = try Scratch()
        defer { s.remove() }
        try s.write("P/folio.yaml", "title: T\nback-matter: [a.md]\n")
        try s.write("P/a.md", "# F\n\n![One.](a/plot.svg){#fig:a}\n\n![Two.](b/plot.pdf){#fig:b}\n\nSee @fig:a and @fig:b.\n")
        try s.write("P/a/plot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>")
        try s.writeData("P/b/plot.pdf", Scratch.pdf)
        let outcome = BuildPipeline.run(.init(paperDirectory: s.url.appendingPathComponent("P").path,
                                              outputDirectory: s.url.appendingPathComponent("out").path, formats: [.html, .latex], profile: .draft))
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let html = s.read("out/html/index.html") ?? "", tex = s.read("out/latex/paper.tex") ?? ""
        let srcs = html.components(separatedBy: "src=\"assets/").dropFirst().map { $0.prefix { $0 != "\"" } }
        let paths = tex.components(separatedBy: "{assets/").dropFirst().map { $0.prefix { $0 != "}" } }
        #expect(Set(srcs).count == 2 && Set(paths).count == 2, "\(srcs) \(paths)")
    }

    @Test(.requires(.tex)) func pdfFigureCompiles() throws {
        try Requirement.tex.check()
        let (s, outcome) = try Self.build(Scratch.pdf, formats: [.html, .latex, .pdf])
        defer { s.remove() }
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: s.url.appendingPathComponent("out/pdf/paper.pdf").path))
    }
}
