import Foundation

/// Lines changed since a git revision (`folio lint --since REV`), from `git diff -U0` hunks plus
/// untracked files, keyed by absolute path.
public enum GitChanges {
    /// Marks a file that is new since the revision: every line counts as changed.
    public static let wholeFile: Set<Int> = [0]

    public static func contains(_ changes: [String: Set<Int>], file: String, line: Int) -> Bool {
        guard let lines = changes[file] else { return false }
        return lines == wholeFile || lines.contains(line)
    }

    /// Settings no repository config can turn into a command (fsmonitor, external diff and textconv programs).
    static let hardening = ["--no-pager", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null",
                            "-c", "core.quotePath=false"]

    public static func lines(since revision: String, in directory: String,
                             limits: ProcessRunner.Limits = .git) -> Result<[String: Set<Int>], Diagnostic> {
        guard !revision.hasPrefix("-") else {
            return .failure(.error("lint.since", "'\(revision)' is not a revision", at: nil))
        }
        guard let git = ProcessRunner.which("git") else {
            return .failure(.error("lint.since", "--since needs git, which is not installed", at: nil))
        }
        func run(_ args: [String]) throws -> ProcessRunner.Output {
            let r = try ProcessRunner.run(git, hardening + args, in: directory, limits: limits)
            if r.timedOut { throw GitTimeout() }
            return r
        }
        do {
            let top = try run(["rev-parse", "--show-toplevel"])
            guard top.status == 0 else {
                return .failure(.error("lint.since", "'\(DisplayPath.of(directory))' is not in a git repository", at: nil))
            }
            let root = top.output.trimmingWhitespaceAndNewlines()
            let diff = try run(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames",
                                "--end-of-options", revision, "--", "."])
            guard diff.status == 0 else {
                return .failure(.error("lint.since", "git cannot compare with '\(revision)': \(diff.output.trimmingWhitespaceAndNewlines())", at: nil))
            }
            var changed = parse(diff.output, root: root)
            let untracked = try run(["ls-files", "--others", "--exclude-standard", "--full-name", "--", "."])
            for name in untracked.output.split(separator: "\n") {
                let path = URL(fileURLWithPath: root).appendingPathComponent(unquote(String(name))).standardizedFileURL.path
                changed[path] = wholeFile
            }
            return .success(changed)
        } catch is GitTimeout {
            return .failure(.error("lint.git-timeout", "git ran longer than \(Int(limits.seconds)) s and was stopped", at: nil,
                                   notes: ["raise the limit with --git-timeout SECONDS"]))
        } catch {
            return .failure(.error("lint.since", "cannot run git: \(error)", at: nil))
        }
    }

    struct GitTimeout: Error {}

    /// Undoes git's C-style quoting of a path ("b/a\"b.md", octal escapes for other bytes).
    static func unquote(_ s: String) -> String {
        var t = s
        if t.hasSuffix("\t") { t.removeLast() }
        guard t.hasPrefix("\""), t.hasSuffix("\""), t.count >= 2 else { return t }
        let inner = Array(t.utf8.dropFirst().dropLast())
        var out: [UInt8] = []
        var i = 0
        while i < inner.count {
            guard inner[i] == UInt8(ascii: "\\"), i + 1 < inner.count else { out.append(inner[i]); i += 1; continue }
            let e = inner[i + 1]
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = 0, k = i + 1
                while k < inner.count, k < i + 4, inner[k] >= 0x30, inner[k] <= 0x37 { value = value * 8 + Int(inner[k] - 0x30); k += 1 }
                out.append(UInt8(truncatingIfNeeded: value))
                i = k
            default: out.append(e); i += 2
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `+++ b/path` names the file; `@@ -a,b +c,d @@` adds lines c..<c+d (d defaults to 1).
    static func parse(_ diff: String, root: String) -> [String: Set<Int>] {
        var out: [String: Set<Int>] = [:]
        var current: String?
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") {
                // git ends names that contain spaces with a tab, and quotes names with special characters.
                var name = unquote(String(line.dropFirst(4)))
                if name.hasSuffix("\t") { name.removeLast() }
                current = name == "/dev/null" ? nil
                    : URL(fileURLWithPath: root).appendingPathComponent(name.hasPrefix("b/") ? String(name.dropFirst(2)) : name).standardizedFileURL.path
            } else if line.hasPrefix("@@"), let file = current {
                let parts = line.split(separator: " ")
                guard parts.count >= 3, parts[2].hasPrefix("+") else { continue }
                let spec = parts[2].dropFirst().split(separator: ",")
                guard let start = spec.first.flatMap({ Int($0) }) else { continue }
                let count = spec.count > 1 ? Int(spec[1]) ?? 1 : 1
                if count > 0 { out[file, default: []].formUnion(start..<(start + count)) }
            }
        }
        return out
    }
}
