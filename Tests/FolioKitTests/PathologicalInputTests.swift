import Foundation
import Testing
@testable import FolioKit

/// Hostile inputs, generated here at two sizes. Each must render to HTML and LaTeX or be refused with a
/// located error (checked at about 256 KB and 1 MB), its output must stay within 64× the input, and its
/// cost must grow linearly with its size. Cost is counted, never timed: the instructions `folio render`
/// executes, under valgrind (`InstructionCount`), at about 32 KB and 128 KB. The count is the same on a
/// busy machine and an idle one, so no clock is read and no budget can fail because the machine is loaded.
@Suite struct PathologicalInputTests {
    static let small = 256_000
    static let large = 1_000_000
    static let countedSmall = 32_000
    static let countedLarge = 128_000
    static let maxGrowth = 64
    /// Linear cost: at most 1.25 × the size ratio (5× for 4× the input); quadratic is about 16×.
    static let slack = 1.25

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
        ("review openers without closers", { repeated("{++ a ", toAbout: $0) + "\n" }),
        ("review comments without closers", { repeated("{>> a ", toAbout: $0) + "\n" }),
        ("review closers without openers", { repeated("a ++} ", toAbout: $0) + "\n" }),
        ("many review marks", { repeated("{++a++}{>>@b: c<<} ", toAbout: $0) + "\n" }),
        ("long review mark", { b in "{~~ " + repeated("*a* ", toAbout: b / 2) + "~> " + repeated("b ", toAbout: b / 2) + "~~}\n" }),
        ("wide table header over one-cell rows", { b in
            "|" + String(repeating: " a |", count: 3_000) + "\n|" + String(repeating: "---|", count: 3_000) + "\n"
                + String(repeating: "| b\n", count: b / 4)
        }),
        ("wide table", { b in
            "|" + String(repeating: " a |", count: 200) + "\n|" + String(repeating: "---|", count: 200) + "\n"
                + repeated("| b |\n", toAbout: b)
        }),
        ("bracketed span openers", { repeated("[a ", toAbout: $0) + String(repeating: "]", count: 10) + "{.x}\n" }),
        ("many bracketed spans", { repeated("[a]{.x} ", toAbout: $0) + "\n" }),
        ("review marks then bracketed spans", { b in repeated("{++a++} ", toAbout: b / 2) + repeated("[a]{} ", toAbout: b / 2) + "\n" }),
        ("pandoc table rules without closing rules", { repeated("-----\nh  i\n--- ---\nrow\n\n", toAbout: $0) }),
        ("pandoc simple table headers without rows", { repeated("a  b\n-- --\n\n", toAbout: $0) }),
        ("grid table without its last rule", { b in "+---+---+\n" + repeated("| a | b |\n", toAbout: b) }),
        ("wide pandoc table over one-cell rows", { b in
            String(repeating: "-- ", count: 200) + "\n" + repeated("a\n", toAbout: b) + String(repeating: "-- ", count: 200) + "\n"
        }),
        ("block quotes then emphasis", { b in String(repeating: ">", count: b / 4) + String(repeating: "a*", count: b / 4) }),
        ("thousands of footnotes", { b in
            let n = b / 64
            return (1...n).map { "Text[^n\($0)].\n" }.joined() + "\n" + (1...n).map { "[^n\($0)]: Note \($0).\n" }.joined()
        }),
        ("footnote references without definitions", { repeated("[^x] ", toAbout: $0) }),
        ("deep attribute braces", { b in "# Heading " + String(repeating: "{", count: b / 2) + String(repeating: "}", count: b / 2) }),
        ("citation-like tokens", { b in String(repeating: "@key ", count: b / 5) + "\n" }),
        ("escaped quotes after an unclosed tag", { "<a " + repeated("\\\" ", toAbout: $0) + "\n" }),
        ("escaped quotes", { repeated("a\\\"b\\' ", toAbout: $0) + "\n" }),
        ("HTML tag openers without closers", { repeated("<a x=\"\\\" ", toAbout: $0) + "\n" }),
        ("long single line", { repeated("word ", toAbout: $0) }),
        ("many short paragraphs", { repeated("p\n\n", toAbout: $0) }),
    ]

    /// Renders one input to HTML and LaTeX in this process.
    static func render(_ input: String) -> (html: RenderPipeline.Result, tex: RenderPipeline.Result) {
        (RenderPipeline.render(input, file: "hostile.md", format: .html, standalone: false, rawHTML: false),
         RenderPipeline.render(input, file: "hostile.md", format: .latex, standalone: false, rawHTML: false))
    }

    @Test(arguments: shapes.indices) func shapeIsRenderedOrRefusedWithBoundedOutput(_ index: Int) {
        let (name, make) = Self.shapes[index]
        let smallInput = make(Self.small), largeInput = make(Self.large)
        let small = Self.render(smallInput), large = Self.render(largeInput)
        let html = large.html, tex = large.tex
        let refused = html.diagnostics.contains { $0.severity == .error && $0.location != nil }
        let growth = max(html.output.utf8.count, tex.output.utf8.count) / max(largeInput.utf8.count, 1)
        print("\(name): \(largeInput.utf8.count) bytes, " + (refused ? "refused: \(html.diagnostics.first?.message ?? "")" : "output ×\(growth)"))
        #expect(growth <= Self.maxGrowth, "shape '\(name)' grew \(growth)× (limit \(Self.maxGrowth)×)")
        #expect(html.diagnostics.map(\.id) == tex.diagnostics.map(\.id), "shape '\(name)': writers disagree")
        #expect(small.html.diagnostics.map(\.id) == small.tex.diagnostics.map(\.id), "shape '\(name)' (small): writers disagree")
        for d in html.diagnostics + small.html.diagnostics where d.severity == .error {
            #expect(d.location != nil, "shape '\(name)': an error without a location: \(d.message)")
        }
    }

    @Test(.requires(.valgrind), arguments: shapes.indices) func shapeCostsLinearInstructions(_ index: Int) throws {
        try Requirement.valgrind.check()
        let (name, make) = Self.shapes[index]
        let smallInput = make(Self.countedSmall), largeInput = make(Self.countedLarge)
        let small = try InstructionCount.render(smallInput), large = try InstructionCount.render(largeInput)
        let sizeRatio = Double(largeInput.utf8.count) / Double(max(smallInput.utf8.count, 1))
        let costRatio = Double(large) / Double(max(small, 1))
        print("\(name): \(smallInput.utf8.count) → \(largeInput.utf8.count) bytes, \(small) → \(large) instructions (×\(String(format: "%.2f", costRatio)))")
        #expect(costRatio <= Self.slack * sizeRatio,
                "shape '\(name)': \(sizeRatio)× the input cost \(costRatio)× the instructions (\(small) → \(large)); linear allows \(Self.slack * sizeRatio)×")
    }

    /// The refusal of an alias bomb costs the same however far the bomb would expand (9^9 or 9^12 nodes).
    @Test(.requires(.valgrind)) func yamlAliasBombIsRefusedAtBoundedCost() throws {
        try Requirement.valgrind.check()
        for levels in [9, 12] {
            do {
                _ = try ChapterLoader.load("---\n" + HostileYAML.aliasBomb(levels: levels) + "---\n# Title\n", path: "bomb.md",
                                           manifestPath: "bomb.md", matter: .main)
                Issue.record("the alias bomb with \(levels) levels was accepted")
            } catch {
                #expect(error.id == "yaml.too-many-nodes")
                #expect(error.location?.file == "bomb.md")
            }
        }
        // `folio render` reads front matter as a chapter does, so the CLI refuses the same bomb.
        func refuse(levels: Int) throws -> Int {
            try InstructionCount.render("---\n" + HostileYAML.aliasBomb(levels: levels) + "---\n# Title\n")
        }
        let nine = try refuse(levels: 9), twelve = try refuse(levels: 12)
        #expect(Double(twelve) / Double(max(nine, 1)) <= 2, "refusing 9^12 nodes cost \(twelve) instructions, 9^9 \(nine)")
    }
}
