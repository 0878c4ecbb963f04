import Testing
@testable import FolioKit

/// The sixteen-byte scan finds the same first member as a byte-by-byte one, for the shapes of set
/// the scanners use: a few bytes, a control-character range, a high range, and more than sixteen.
@Suite struct ByteSetTests {
    static let sets: [[UInt8]] = [
        Array("&<>\"".utf8),
        Array("\\`$[]@{+-~=<".utf8),
        Array("\\{}#$%&_~^[]".utf8) + Array(0x00...0x1F) + [0x7F, 0xC2],
        Array("#%~&_$\\{}^\"<>|` []".utf8) + Array(0x00...0x1F) + Array(0x7F...0xFF),
        [0x00], [0xFF], [],
    ]

    @Test(arguments: sets.indices)
    func firstIndexMatchesAByteByByteScan(_ which: Int) {
        let members = Self.sets[which]
        let set = ByteSet(members)
        var generator = TeXMathTests.SplitMix64(state: UInt64(which) + 1)
        for length in [0, 1, 15, 16, 17, 31, 33, 200, 1000] {
            // Mostly letters, with a member now and then, at every offset.
            let bytes: [UInt8] = (0..<length).map { _ in
                let r = generator.next()
                return r % 23 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : UInt8(ascii: "a") + UInt8(r % 26)
            }
            for start in [0, 1, 7, length / 2] where start <= length {
                for end in [length, max(start, length - 5)] {
                    var expected = start
                    while expected < end, !members.contains(bytes[expected]) { expected += 1 }
                    #expect(bytes.firstIndex(in: set, from: start, to: end) == expected,
                            "set \(which), length \(length), \(start)..<\(end)")
                }
            }
        }
        for b in UInt8.min...UInt8.max { #expect(set.contains(b) == members.contains(b)) }
    }

    /// The byte searches the lint directives and checklist markers use agree with a plain search.
    @Test func byteSearchesAgreeWithStringSearch() {
        let texts = ["", "f", "folio-lin", "a folio-lint: off", "folio-lint", "ffolio-lint", "é folio-lint é", "[[", "a[b[[", "[a[", "[[x]]", "ä[[ü"]
        for text in texts {
            #expect(text.containsBytes(LintDirectives.keyword) == text.contains("folio-lint"), "\(text)")
            #expect(LintDirectives.mentionsKeyword(text) == text.contains("folio-lint"), "\(text)")
            #expect(Coverage.mentionsCovers(text) == text.contains("[["), "\(text)")
        }
        #expect("abc".containsBytes([]))
    }
}
