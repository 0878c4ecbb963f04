import Foundation
import Testing
@testable import FolioKit

/// Locations name their file by a number (`SourceFiles`); they must behave as if they held the name.
@Suite struct SourceFilesTests {
    @Test func aLocationReadsAndComparesByItsFilesName() {
        let a = SourceLocation(file: "chapters/zeta-\(UUID().uuidString).md", line: 3, column: 1)
        let b = SourceLocation(file: "chapters/alpha-\(UUID().uuidString).md", line: 9, column: 9)
        // Numbered in the order first seen (zeta first), compared by name (alpha first).
        #expect(a.fileNumber < b.fileNumber)
        #expect(b < a && !(a < b))
        #expect(a.file.hasPrefix("chapters/zeta-") && b.description.hasPrefix("chapters/alpha-"))
        #expect(a == SourceLocation(file: a.file, line: 3, column: 1))
        #expect(a != SourceLocation(file: b.file, line: 3, column: 1))
        #expect(Set([a, SourceLocation(fileNumber: a.fileNumber, line: 3, column: 1)]).count == 1)

        var moved = a
        moved.file = b.file
        #expect(moved.fileNumber == b.fileNumber && moved.line == 3)
        #expect(SourceFiles.name(-1) == "" && SourceFiles.name(Int32.max) == "")
    }

    /// Chapters are parsed on several threads at once: each name gets one number, whoever asks first.
    @Test func namesAreNumberedOnceAcrossThreads() {
        let names = (0..<64).map { "t-\(UUID().uuidString)-\($0).md" }
        let seen = Parallel.map(8 * names.count, jobs: 4) { i in SourceFiles.number(names[i % names.count]) }
        for (i, name) in names.enumerated() {
            let numbers = Set(stride(from: i, to: seen.count, by: names.count).map { seen[$0] })
            #expect(numbers.count == 1)
            #expect(numbers.first.map(SourceFiles.name) == name)
        }
        #expect(Set(seen).count == names.count)
    }
}
