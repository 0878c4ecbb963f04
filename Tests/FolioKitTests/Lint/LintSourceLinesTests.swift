import Testing
@testable import FolioKit

/// A chapter's lines as the linter splits them: at each LF, empty lines and the empty piece after
/// a final newline kept, exactly as the standard library's split would.
@Suite struct LintSourceLinesTests {
    @Test(arguments: ["", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\n\n", "x\r\ny\r\n", String(repeating: "line\n", count: 300)])
    func linesMatchSplit(_ text: String) {
        let bytes = Array(text.utf8)[...]
        let ours = LintSource.lines(bytes).map(Array.init)
        let reference = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        #expect(ours == reference)
    }

    @Test func linesOfASliceKeepTheirIndices() {
        let bytes = Array("\u{FEFF}one\ntwo".utf8).dropFirst(3)
        #expect(LintSource.lines(bytes).map { String(decoding: $0, as: UTF8.self) } == ["one", "two"])
    }
}
