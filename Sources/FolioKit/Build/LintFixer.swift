import Foundation

/// `folio lint --fix`: applies only the fixes rules mark as safe (repeated words, double spaces,
/// discouraged terms, spelling variants), writes each file atomically, and leaves alone any file with
/// findings it cannot fix unless forced.
public enum LintFixer {
    public struct FileResult: Sendable {
        public var path: String
        public var applied: Int
        public var newText: String
        public var oldText: String
        /// Why the file was left alone, if it was.
        public var skipped: String?
    }

    public static func plan(_ findings: [Diagnostic], sources: [LintSource], force: Bool) -> [FileResult] {
        var results: [FileResult] = []
        for src in sources {
            let mine = findings.filter { $0.location?.file == src.path }
            let fixes = mine.flatMap(\.fixes)
            guard !fixes.isEmpty else { continue }
            let oldText = src.text(src.lines)
            let unfixable = mine.filter { $0.fixes.isEmpty && $0.severity != .note }.count
            if unfixable > 0 && !force {
                results.append(FileResult(path: src.path, applied: 0, newText: oldText, oldText: oldText,
                                          skipped: "\(unfixable) finding\(unfixable == 1 ? "" : "s") cannot be fixed safely; use --force to fix the rest anyway"))
                continue
            }
            var lines = src.lines
            var applied = 0
            for (lineNo, edits) in Dictionary(grouping: fixes, by: \.line) {
                guard lineNo >= 1, lineNo <= lines.count else { continue }
                var line = lines[lineNo - 1]
                var floor = Int.max
                // Right to left, so earlier columns stay valid; overlapping edits wait for the next run.
                for e in edits.sorted(by: { $0.column > $1.column }) {
                    let start = e.column - 1, end = start + e.length
                    guard start >= 0, end <= line.count, end <= floor else { continue }
                    line.replaceSubrange(start..<end, with: Array(e.replacement.utf8))
                    floor = start
                    applied += 1
                }
                lines[lineNo - 1] = line
            }
            results.append(FileResult(path: src.path, applied: applied, newText: src.text(lines), oldText: oldText, skipped: nil))
        }
        return results
    }

    /// Writes the fixed files atomically: Foundation writes a new, uniquely named temporary file beside
    /// each one and renames it over the original, so no name a pull request could plant is followed.
    public static func write(_ results: [FileResult], sources: [LintSource]) throws {
        for r in results where r.skipped == nil && r.applied > 0 {
            guard let url = sources.first(where: { $0.path == r.path })?.url else { continue }
            try Data(r.newText.utf8).write(to: url, options: .atomic)
        }
    }

    /// A unified diff of the planned changes, for `--fix --dry-run`.
    public static func diff(_ results: [FileResult]) -> String {
        var out = ""
        for r in results where r.skipped == nil && r.applied > 0 {
            let a = r.oldText.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            let b = r.newText.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            out += "--- a/\(r.path)\n+++ b/\(r.path)\n"
            // Fixes never add or remove lines, so changed lines pair up one to one.
            for i in 0..<min(a.count, b.count) where a[i] != b[i] {
                out += "@@ -\(i + 1) +\(i + 1) @@\n-\(a[i])\n+\(b[i])\n"
            }
        }
        return out
    }
}
