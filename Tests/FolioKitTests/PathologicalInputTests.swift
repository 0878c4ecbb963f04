import Foundation
import Testing
@testable import FolioKit
#if canImport(Glibc)
import Glibc
#endif

/// Hostile inputs, generated here (about 1 MB each where the shape allows). Each must render to HTML
/// and LaTeX within the CPU budget or be refused with a located error, and the output must stay
/// within 64× the input. CPU time is this thread's own, so parallel tests do not disturb it.
@Suite(.serialized) struct PathologicalInputTests {
    static let megabyte = 1_000_000
    /// The issue's budget is 2 s of CPU time per input for a release build; tests run a debug build,
    /// so the check allows a generous margin and reports the measured time on failure.
    static let cpuBudget = 2.0
    static let margin = 5.0
    static let maxGrowth = 64

    static func repeated(_ unit: String, toAbout bytes: Int = megabyte) -> String {
        String(repeating: unit, count: max(1, bytes / max(unit.utf8.count, 1)))
    }

    /// Each shape: a name and its generated Markdown.
    static let shapes: [(String, @Sendable () -> String)] = [
        ("nested emphasis", { let n = 60_000; return String(repeating: "*a **a ", count: n) + "b" + String(repeating: " a** a*", count: n) }),
        ("emphasis closers without openers", { repeated("a_ ") }),
        ("emphasis openers without closers", { repeated("_a ") }),
        ("link closers without openers", { repeated("a]") }),
        ("link openers without closers", { repeated("[a") }),
        ("mismatched openers and closers", { repeated("*a_ ") }),
        ("openers and closers multiple of 3", { "a**b" + repeated("c* ") }),
        ("link openers and emphasis closers", { repeated("[ a_") }),
        ("bracket-paren pattern", { repeated("[ (](") }),
        ("nested brackets", { let n = 300_000; return String(repeating: "[", count: n) + "a" + String(repeating: "]", count: n) }),
        ("nested block quotes", { repeated("> ") + "a\n" }),
        ("deeply nested lists", { (0..<1_000).map { String(repeating: "  ", count: $0) + "* a\n" }.joined() }),
        ("NUL bytes", { repeated("abc\u{0}de\u{0}") }),
        ("backtick runs", { (1..<1_400).map { "e" + String(repeating: "`", count: $0) }.joined() }),
        ("unclosed links with angle brackets", { repeated("[a](<b") }),
        ("unclosed links", { repeated("[a](b") }),
        ("unclosed HTML comments", { "</" + repeated("<!--") }),
        ("list markers with blank lines", { repeated("- \n\n") }),
        ("many link reference definitions", { repeated("[a]: u\n") + "[a]\n" }),
        ("wide table header over one-cell rows", {
            "|" + String(repeating: " a |", count: 3_000) + "\n|" + String(repeating: "---|", count: 3_000) + "\n"
                + String(repeating: "| b\n", count: 3_000)
        }),
        ("wide table at 1 MB", {
            "|" + String(repeating: " a |", count: 200) + "\n|" + String(repeating: "---|", count: 200) + "\n"
                + repeated("| b |\n")
        }),
        ("block quotes then emphasis", { String(repeating: ">", count: 50_000) + String(repeating: "a*", count: 50_000) }),
        ("thousands of footnotes", {
            (1...4_000).map { "Text[^n\($0)].\n" }.joined() + "\n" + (1...4_000).map { "[^n\($0)]: Note \($0).\n" }.joined()
        }),
        ("footnote references without definitions", { repeated("[^x] ") }),
        ("deep attribute braces", { "# Heading " + String(repeating: "{", count: 400_000) + String(repeating: "}", count: 400_000) }),
        ("citation-like tokens", { String(repeating: "@key ", count: 100_000) + "\n" }),
        ("long single line", { repeated("word ") }),
        ("many short paragraphs", { repeated("p\n\n") }),
    ]

    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    @Test func everyShapeFinishesOrIsRefused() {
        var report: [String] = []
        for (name, make) in Self.shapes {
            let input = make()
            let start = Self.threadCPUSeconds()
            let html = Renderer.render(input, file: "hostile.md", format: .html, standalone: false, rawHTML: false)
            let tex = Renderer.render(input, file: "hostile.md", format: .latex, standalone: false, rawHTML: false)
            let cpu = Self.threadCPUSeconds() - start
            let refused = html.diagnostics.contains { $0.severity == .error && $0.location != nil }
            let growth = max(html.output.utf8.count, tex.output.utf8.count) / max(input.utf8.count, 1)
            report.append("\(name): \(input.utf8.count) bytes, \(String(format: "%.2f", cpu)) s CPU, "
                          + (refused ? "refused: \(html.diagnostics.first?.message ?? "")" : "output ×\(growth)"))
            #expect(cpu < Self.cpuBudget * Self.margin, "shape '\(name)' took \(cpu) s of CPU")
            #expect(growth <= Self.maxGrowth, "shape '\(name)' grew \(growth)× (limit \(Self.maxGrowth)×)")
            #expect(html.diagnostics.map(\.id) == tex.diagnostics.map(\.id), "shape '\(name)': writers disagree")
            for d in html.diagnostics where d.severity == .error {
                #expect(d.location != nil, "shape '\(name)': an error without a location: \(d.message)")
            }
        }
        print(report.joined(separator: "\n"))
    }

    @Test func yamlAliasBombFailsFast() {
        let yaml = HostileYAML.aliasBomb()
        let start = Self.threadCPUSeconds()
        do {
            _ = try ChapterLoader.load("---\n" + yaml + "---\n# Title\n", path: "bomb.md", manifestPath: "bomb.md", matter: .main)
            Issue.record("the alias bomb was accepted")
        } catch {
            #expect(error.id == "yaml.too-many-nodes")
            #expect(error.location?.file == "bomb.md")
        }
        #expect(Self.threadCPUSeconds() - start < Self.cpuBudget * Self.margin)
    }
}
