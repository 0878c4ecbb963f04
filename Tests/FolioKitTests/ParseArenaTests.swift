import CParseArena
import Testing
@testable import FolioKit

/// The per-thread arena cmark-gfm parses from: zeroed memory, contents kept across growth (in place
/// and by copy, within a chunk and past one), and a chapter that needs more than a chunk.
@Suite struct ParseArenaTests {
    @Test func callocIsZeroedEvenOnReusedMemory() throws {
        folio_arena_begin()
        let first = try #require(folio_arena_calloc(64, 1)?.assumingMemoryBound(to: UInt8.self))
        first.update(repeating: 0xAB, count: 64)
        folio_arena_end()
        // The next parse on this thread reuses the kept chunk, which still holds 0xAB.
        folio_arena_begin()
        defer { folio_arena_end() }
        let again = try #require(folio_arena_calloc(8, 8)?.assumingMemoryBound(to: UInt8.self))
        #expect((0..<64).allSatisfy { again[$0] == 0 })
        #expect(folio_arena_used() == 64)
    }

    @Test func reallocKeepsContents() throws {
        folio_arena_begin()
        defer { folio_arena_end() }
        // The newest allocation grows in place; an older one is copied.
        var grown = try #require(folio_arena_realloc(nil, 16))
        let older = try #require(folio_arena_calloc(1, 32))
        older.storeBytes(of: 0x1234_5678, as: UInt32.self)
        let moved = try #require(folio_arena_realloc(older, 4096))
        #expect(moved.load(as: UInt32.self) == 0x1234_5678)
        for size in [100, 10_000, 600_000, 3_000_000] {
            let bytes = grown.assumingMemoryBound(to: UInt8.self)
            bytes[0] = 7
            grown = try #require(folio_arena_realloc(grown, size))
            #expect(grown.load(as: UInt8.self) == 7)
            grown.assumingMemoryBound(to: UInt8.self)[size - 1] = 9
        }
        #expect(Int(bitPattern: grown) % 16 == 0)
    }

    @Test func chapterLargerThanAChunkParsesWhole() {
        let paragraph = String(repeating: "Words with ~~struck~~ and *emphasis* and `code`. ", count: 40) + "\n\n"
        let text = "# Title\n\n" + String(repeating: paragraph, count: 400)
        let (doc, diagnostics) = CmarkParser.parse(text, file: "big.md")
        #expect(diagnostics.isEmpty)
        #expect(doc.blocks.count == 401)
        #expect(doc.blocks.last?.range.start.line == 3 + 2 * 399)
    }
}
