import Foundation
import Testing
@testable import FolioKit

/// Golden files for both writers: each case folder holds `input.md` and the expected outputs.
@Suite struct GoldenTests {
    static let cases = ["blocks", "inlines", "specials", "raw-html", "edge"]

    @Test(arguments: cases) func fragment(_ name: String) throws {
        let dir = TestPaths.fixtures.appendingPathComponent("golden/\(name)")
        let input = try String(contentsOf: dir.appendingPathComponent("input.md"), encoding: .utf8)
        let html = RenderPipeline.render(input, file: "input.md", format: .html, standalone: false, rawHTML: false)
        let tex = RenderPipeline.render(input, file: "input.md", format: .latex, standalone: false, rawHTML: false)
        // Raw HTML that is not allowed is shown as text, and each piece says so.
        #expect(html.diagnostics.allSatisfy { $0.id == "html.as-text" })
        #expect(html.diagnostics.isEmpty == (name != "raw-html"))
        Golden.check(html.output, dir.appendingPathComponent("expected.html"))
        Golden.check(tex.output, dir.appendingPathComponent("expected.tex"))
    }

    @Test func rawHTMLPassesThroughWhenAllowed() throws {
        let dir = TestPaths.fixtures.appendingPathComponent("golden/raw-html")
        let input = try String(contentsOf: dir.appendingPathComponent("input.md"), encoding: .utf8)
        let html = RenderPipeline.render(input, file: "input.md", format: .html, standalone: false, rawHTML: true)
        Golden.check(html.output, dir.appendingPathComponent("expected-raw.html"))
        // Sanitised, with a located warning for each removal: the class attribute and the script.
        #expect(html.diagnostics.map(\.id) == ["html.removed", "html.removed"])
        #expect(html.diagnostics.map { $0.location?.description ?? "" } == ["input.md:1:6", "input.md:7:1"])
    }

    @Test func miniPaper() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let paperDir = TestPaths.fixtures.appendingPathComponent("papers/mini")
        let outcome = BuildPipeline.run(.init(paperDirectory: paperDir.path, outputDirectory: scratch.url.path,
                                              formats: [.html, .latex], profile: .final))
        #expect(outcome.diagnostics.diagnostics.isEmpty, "\(outcome.diagnostics.diagnostics)")
        let expected = paperDir.appendingPathComponent("expected")
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        Golden.check(scratch.read("html/index.html") ?? "", expected.appendingPathComponent("index.html"))
        Golden.check(scratch.read("latex/paper.tex") ?? "", expected.appendingPathComponent("paper.tex"))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("html/assets/tiers.svg").path))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("latex/assets/tiers.pdf").path))
    }
}
