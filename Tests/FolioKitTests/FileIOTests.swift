import Foundation
import Testing
@testable import FolioKit

/// Files are read and written with POSIX calls (`RegularFile.read`, `TextSink`), not Foundation's handles.
@Suite struct FileIOTests {
    @Test func aFileIsReadWholeAndNotPastItsLimit() throws {
        let s = try Scratch()
        defer { s.remove() }
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = s.url.appendingPathComponent("f.bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(RegularFile.read(path, maxBytes: 1 << 20, followLinks: true) == .success(bytes))
        #expect(RegularFile.read(path, maxBytes: 199_999, followLinks: true) == .failure(.tooLarge(200_000)))
        let empty = s.url.appendingPathComponent("empty").path
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(RegularFile.read(empty, maxBytes: 10, followLinks: true) == .success([]))
        #expect(RegularFile.read(s.url.path, maxBytes: 10, followLinks: true) == .failure(.directory))
        #expect(RegularFile.read(path + ".none", maxBytes: 10, followLinks: true) == .failure(.missing))
    }

    @Test func aSinkWritesItsTextInChunksAndReportsAFailedWrite() throws {
        let s = try Scratch()
        defer { s.remove() }
        let url = s.url.appendingPathComponent("out.txt")
        let sink = try TextSink(file: url)
        let piece = String(repeating: "Zürich 東京 ", count: 1_000)
        for _ in 0..<40 { sink.write(piece) }
        try sink.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == String(repeating: piece, count: 40))

        // /dev/full takes the open and refuses every write: the error must reach the caller.
        let full = try TextSink(file: URL(fileURLWithPath: "/dev/full"))
        full.write(String(repeating: "x", count: 1 << 17))
        #expect(throws: (any Error).self) { try full.close() }
    }
}
