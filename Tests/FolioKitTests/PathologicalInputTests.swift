import Foundation
import Testing
@testable import FolioKit
#if canImport(Glibc)
import Glibc
#endif

/// Hostile inputs, generated here at two sizes (about 256 KB and 1 MB). Each must render to HTML and
/// LaTeX or be refused with a located error; its cost must grow linearly with its size, and its output
/// must stay within 64× the input. Cost is proved by scaling, not by seconds: the shared machines tests
/// run on are noisy, so a time budget would fail whenever they are busy. CPU time is this thread's own.
@Suite(.serialized) struct PathologicalInputTests {
    static let small = 256_000
    static let large = 1_000_000
    static let maxGrowth = 64
    /// Linear cost with generous noise: 1.4 × the size ratio (about 5.5× for 4× the input); quadratic is ~16×.
    static let slack = 1.4
    /// Measurements below this are timer noise; they count as this much.
    static let floor = 0.01

    static func repeated(_ unit: String, toAbout bytes: Int) -> String {
        String(repeating: unit, count: max(1, bytes / max(unit.utf8.count, 1)))
    }

    /// Each shape: a name and its Markdown at about the given number of bytes.
    static let shapes: [(String, @Sendable (Int) -> String)] = [
        ("nested emphasis", { b in let n = b / 14; return String(repeating: "*a **a ", count: n) + "b" + String(repeating: " a** a*", count: n) }),
        ("emphasis closers without openers", { repeated("a_ ", toAbout: $0) }),
        ("emphasis openers without closers", { repeated("_a ", toAbout: $0) }),
        ("link closers without openers", { repeated("a]", toAbout: $0) }),
        ("link openers without closers", { repeated("[a", toAbout: $0) }),
        ("mismatched openers and closers", { repeated("*a_ ", toAbout: $0) }),
        ("openers and closers multiple of 3", { "a**b" + repeated("c* ", toAbout: $0) }),
        ("link openers and emphasis closers", { repeated("[ a_", toAbout: $0) }),
        ("bracket-paren pattern", { repeated("[ (](", toAbout: $0) }),
        ("nested brackets", { b in String(repeating: "[", count: b / 2) + "a" + String(repeating: "]", count: b / 2) }),
        ("nested block quotes", { repeated("> ", toAbout: $0) + "a\n" }),
        ("deeply nested lists", { b in (0..<Int(Double(b).squareRoot())).map { String(repeating: "  ", count: $0) + "* a\n" }.joined() }),
        ("NUL bytes", { repeated("abc\u{0}de\u{0}", toAbout: $0) }),
        ("backtick runs", { b in (1..<Int(Double(2 * b).squareRoot())).map { "e" + String(repeating: "`", count: $0) }.joined() }),
        ("unclosed links with angle brackets", { repeated("[a](<b", toAbout: $0) }),
        ("unclosed links", { repeated("[a](b", toAbout: $0) }),
        ("unclosed HTML comments", { "</" + repeated("<!--", toAbout: $0) }),
        ("list markers with blank lines", { repeated("- \n\n", toAbout: $0) }),
        ("many link reference definitions", { repeated("[a]: u\n", toAbout: $0) + "[a]\n" }),
        ("wide table header over one-cell rows", { b in
            "|" + String(repeating: " a |", count: 3_000) + "\n|" + String(repeating: "---|", count: 3_000) + "\n"
                + String(repeating: "| b\n", count: b / 4)
        }),
        ("wide table", { b in
            "|" + String(repeating: " a |", count: 200) + "\n|" + String(repeating: "---|", count: 200) + "\n"
                + repeated("| b |\n", toAbout: b)
        }),
        ("block quotes then emphasis", { b in String(repeating: ">", count: b / 4) + String(repeating: "a*", count: b / 4) }),
        ("thousands of footnotes", { b in
            let n = b / 64
            return (1...n).map { "Text[^n\($0)].\n" }.joined() + "\n" + (1...n).map { "[^n\($0)]: Note \($0).\n" }.joined()
        }),
        ("footnote references without definitions", { repeated("[^x] ", toAbout: $0) }),
        ("deep attribute braces", { b in "# Heading " + String(repeating: "{", count: b / 2) + String(repeating: "}", count: b / 2) }),
        ("citation-like tokens", { b in String(repeating: "@key ", count: b / 5) + "\n" }),
        ("long single line", { repeated("word ", toAbout: $0) }),
        ("many short paragraphs", { repeated("p\n\n", toAbout: $0) }),
    ]

    /// This thread's CPU time, read only to form ratios between two sizes of one input (never
    /// compared with a budget): the machine's load scales both runs alike.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Renders one input to HTML and LaTeX; returns the CPU seconds and both results.
    static func render(_ input: String) -> (cpu: Double, html: RenderPipeline.Result, tex: RenderPipeline.Result) {
        let start = threadCPUSeconds()
        let html = RenderPipeline.render(input, file: "hostile.md", format: .html, standalone: false, rawHTML: false)
        let tex = RenderPipeline.render(input, file: "hostile.md", format: .latex, standalone: false, rawHTML: false)
        return (threadCPUSeconds() - start, html, tex)
    }

    @Test(arguments: shapes.indices) func shapeCostsLinearTimeOrIsRefused(_ index: Int) {
        let (name, make) = Self.shapes[index]
        let smallInput = make(Self.small), largeInput = make(Self.large)
        var small = Self.render(smallInput), large = Self.render(largeInput)
        let sizeRatio = Double(largeInput.utf8.count) / Double(max(smallInput.utf8.count, 1))
        let allowed = Self.slack * sizeRatio
        func costRatio() -> Double { max(large.cpu, Self.floor) / max(small.cpu, Self.floor) }
        // A busy machine can slow one run: measure again (keeping the fastest) before calling it superlinear.
        for _ in 0..<2 where costRatio() > allowed {
            let s = Self.render(smallInput), l = Self.render(largeInput)
            if s.cpu > small.cpu { small = s }
            if l.cpu < large.cpu { large = l }
        }
        let html = large.html, tex = large.tex
        let refused = html.diagnostics.contains { $0.severity == .error && $0.location != nil }
        let growth = max(html.output.utf8.count, tex.output.utf8.count) / max(largeInput.utf8.count, 1)
        print("\(name): \(smallInput.utf8.count) → \(largeInput.utf8.count) bytes, CPU \(String(format: "%.3f → %.3f s (×%.1f, allowed ×%.1f)", small.cpu, large.cpu, costRatio(), allowed)), "
              + (refused ? "refused: \(html.diagnostics.first?.message ?? "")" : "output ×\(growth)"))
        #expect(costRatio() <= allowed, "shape '\(name)': \(sizeRatio)× the input cost \(costRatio())× the CPU (\(small.cpu) → \(large.cpu) s); linear allows \(allowed)×")
        #expect(growth <= Self.maxGrowth, "shape '\(name)' grew \(growth)× (limit \(Self.maxGrowth)×)")
        #expect(html.diagnostics.map(\.id) == tex.diagnostics.map(\.id), "shape '\(name)': writers disagree")
        #expect(small.html.diagnostics.map(\.id) == small.tex.diagnostics.map(\.id), "shape '\(name)' (small): writers disagree")
        for d in html.diagnostics + small.html.diagnostics where d.severity == .error {
            #expect(d.location != nil, "shape '\(name)': an error without a location: \(d.message)")
        }
    }

    /// The refusal of an alias bomb costs the same however far the bomb would expand (9^9 or 9^12 nodes).
    @Test func yamlAliasBombIsRefusedAtBoundedCost() {
        func refuse(levels: Int) -> Double {
            let yaml = HostileYAML.aliasBomb(levels: levels)
            let start = Self.threadCPUSeconds()
            do {
                _ = try ChapterLoader.load("---\n" + yaml + "---\n# Title\n", path: "bomb.md", manifestPath: "bomb.md", matter: .main)
                Issue.record("the alias bomb with \(levels) levels was accepted")
            } catch {
                #expect(error.id == "yaml.too-many-nodes")
                #expect(error.location?.file == "bomb.md")
            }
            return max(Self.threadCPUSeconds() - start, Self.floor)
        }
        var nine = refuse(levels: 9), twelve = refuse(levels: 12)
        for _ in 0..<2 where twelve / nine > 5 { nine = max(nine, refuse(levels: 9)); twelve = min(twelve, refuse(levels: 12)) }
        #expect(twelve / nine <= 5, "refusing 9^12 nodes cost \(twelve / nine)× refusing 9^9 (\(nine) → \(twelve) s)")
    }
}
