import Foundation
import Testing
@testable import FolioKit

/// Runs every example of the GFM spec files in `../shared/conformance` through the renderer behind
/// `folio render` and compares the normalised HTML.
@Suite struct GFMConformanceTests {
    struct Example {
        var file: String
        var number: Int
        var line: Int
        var extensions: String
        var markdown: String
        var html: String
    }

    /// Extensions whose examples differ on purpose, with the reason.
    static let expectedDifferences: [String: String] = [
        "autolink": "Folio never attaches cmark-gfm's autolink extension (CVE-2023-22485 in 0.29.0.gfm.6)",
    ]

    static let tagFilter = "Folio always applies GFM's tag filter to raw HTML, so <script>, <style> and the like are escaped"
    static let commentRule = "libcmark-gfm 0.29.0.gfm.13 follows CommonMark 0.31's HTML-comment rule; this spec file is 0.29"
    static let autolink = "uses bare-URL autolinks; Folio does not attach the autolink extension (CVE-2023-22485)"

    /// Single examples that differ on purpose: (file, example number) → reason.
    static let excusedExamples: [String: String] = [
        "gfm-spec.txt#140": tagFilter, "gfm-spec.txt#141": tagFilter, "gfm-spec.txt#142": tagFilter,
        "gfm-spec.txt#145": tagFilter, "gfm-spec.txt#147": tagFilter, "gfm-regression.txt#17": tagFilter,
        "gfm-extensions.txt#19": autolink, "gfm-extensions.txt#24": autolink, "gfm-extensions.txt#25": autolink,
        "gfm-spec.txt#645": commentRule, "gfm-spec.txt#646": commentRule,
        "gfm-regression.txt#13": "a footnote referenced twice: cmark gives both references id=fnref1, Folio gives the second fnref1-2 so ids stay unique",
    ]

    static func examples(in url: URL) throws -> [Example] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var out: [Example] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var lineNo = 0
        var number = 0
        while let line = lines.popFirst() {
            lineNo += 1
            guard line.hasPrefix(fence + " example") else { continue }
            let ext = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
            let start = lineNo
            var md: [Substring] = [], html: [Substring] = []
            var inHTML = false
            while let l = lines.popFirst() {
                lineNo += 1
                if l == fence { break }
                if l == "." && !inHTML { inHTML = true; continue }
                if inHTML { html.append(l) } else { md.append(l) }
            }
            number += 1
            let fix = { (s: [Substring]) in s.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") }
            out.append(Example(file: url.lastPathComponent, number: number, line: start, extensions: ext,
                               markdown: fix(md) + (md.isEmpty ? "" : "\n"), html: fix(html) + (html.isEmpty ? "" : "\n")))
        }
        return out
    }

    /// Removes differences that are not failures: heading ids Folio adds, whitespace between tags, void-element style.
    static func normalise(_ html: String) -> String {
        var s = html
        s = s.replacingOccurrences(of: #"(<h[1-6]) id="[^"]*""#, with: "$1", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\s*/>"#, with: ">", options: .regularExpression)
        s = s.replacingOccurrences(of: #">\s+<"#, with: "><", options: .regularExpression)
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.requires(.shared)) func specExamplesMatch() throws {
        let dir = try TestPaths.requireShared().appendingPathComponent("conformance")
        var total = 0, passed = 0, excused = 0
        var failures: [String] = []
        var stale: [String] = []
        for name in ["gfm-spec.txt", "gfm-extensions.txt", "gfm-regression.txt"] {
            for ex in try Self.examples(in: dir.appendingPathComponent(name)) where ex.html != "<IGNORE>\n" && !ex.extensions.contains("disabled") {
                total += 1
                let result = RenderPipeline.render(ex.markdown, file: "example.md", format: .html, standalone: false, rawHTML: true,
                                             limits: InputLimits(), cmarkTagFilter: true)
                let matches = Self.normalise(result.output) == Self.normalise(ex.html)
                if matches, let reason = Self.reason(for: ex) {
                    stale.append("\(ex.file)#\(ex.number) now matches; remove it from excusedExamples (\(reason))")
                } else if matches {
                    passed += 1
                } else if let reason = Self.expectedDifferences.first(where: { ex.extensions.contains($0.key) })?.value
                            ?? Self.reason(for: ex) {
                    excused += 1
                    _ = reason
                } else {
                    failures.append("\(name) example \(ex.number) (line \(ex.line)) [\(ex.extensions)]\n--- input\n\(ex.markdown)--- expected\n\(ex.html)--- got\n\(result.output)")
                    print("FAIL \(name) \(ex.number) [\(ex.extensions)]")
                }
            }
        }
        print("GFM conformance: \(passed)/\(total) match, \(excused) differ for listed reasons, \(failures.count) fail")
        #expect(total > 600, "only \(total) examples were read from \(dir.path)")
        #expect(stale.isEmpty, "\(stale.joined(separator: "\n"))")
        #expect(failures.isEmpty, "\(failures.count) examples differ:\n\(failures.prefix(15).joined(separator: "\n\n"))")
    }

    static func reason(for ex: Example) -> String? {
        excusedExamples["\(ex.file)#\(ex.number)"]
    }
}
