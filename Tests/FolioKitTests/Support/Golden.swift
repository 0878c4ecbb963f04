import Foundation
import Testing

/// Compares output with a golden file; `FOLIO_RECORD=1` rewrites the file instead.
enum Golden {
    static func check(_ actual: String, _ file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if TestPaths.recording {
            try? Data(actual.utf8).write(to: file)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing golden file \(file.path); run FOLIO_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(a, e)).firstIndex(where: { $0.0 != $0.1 }) ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end>"
        let want = line < e.count ? String(e[line]) : "<end>"
        Issue.record("\(file.lastPathComponent) differs at line \(line + 1)\n  expected: \(want)\n  actual:   \(got)\n(re-record with FOLIO_RECORD=1 if the change is intended)",
                     sourceLocation: sourceLocation)
    }
}
