/// Words in a masked prose line: runs of letters, digits, apostrophes and inner hyphens, as byte ranges.
enum ProseWords {
    struct Word {
        var start: Int
        var end: Int
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 || b == UInt8(ascii: "'")
    }

    static func words(_ line: [UInt8]) -> [Word] {
        var out: [Word] = []
        var i = 0
        while i < line.count {
            guard isWordByte(line[i]), line[i] != UInt8(ascii: "'") else { i += 1; continue }
            let start = i
            while i < line.count {
                if isWordByte(line[i]) {
                    i += 1
                } else if line[i] == UInt8(ascii: "-"), i + 1 < line.count, isWordByte(line[i + 1]), i > start {
                    i += 1
                } else {
                    break
                }
            }
            // Curly apostrophes (’) are UTF-8 bytes ≥ 0x80 and stay inside the word; a trailing ' does not.
            var end = i
            while end > start, line[end - 1] == UInt8(ascii: "'") { end -= 1 }
            out.append(Word(start: start, end: end))
        }
        return out
    }

    static func text(_ line: [UInt8], _ w: Word) -> String { String(decoding: line[w.start..<w.end], as: UTF8.self) }
}
