import Foundation

/// Reads source files as UTF-8, reporting the exact position of invalid bytes.
public enum SourceText {
    /// Decodes bytes as UTF-8 (a leading byte-order mark is dropped).
    public static func decode(_ bytes: [UInt8], file: String) throws(Diagnostic) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let s = String(validating: body, as: UTF8.self) { return s }
        var line = 1, column = 1, i = body.startIndex
        while i < body.endIndex {
            let len = validSequenceLength(body, at: i)
            if len == 0 { break }
            if body[i] == 0x0A { line += 1; column = 1 } else { column += len }
            i += len
        }
        let byte = i < body.endIndex ? "0x" + String(body[i], radix: 16, uppercase: true) : "end of file"
        throw .error("source.invalid-utf8", "file is not valid UTF-8 (at \(byte))",
                     at: SourceLocation(file: file, line: line, column: column))
    }

    /// Reads and decodes a file; an unreadable file is an error at `reference` (or unlocated).
    /// Sources are regular files of at most `maxBytes` (64 MiB; chapters have a lower limit of their own).
    public static func read(_ url: URL, displayPath: String, reference: SourceLocation? = nil) throws(Diagnostic) -> String {
        try text(of: RegularFile.read(url.path, maxBytes: maxBytes, followLinks: true),
                 displayPath: displayPath, reference: reference)
    }

    /// Decodes what a `SourceProvider` read, or turns its problem into a located error.
    static func text(of result: Result<[UInt8], RegularFile.Problem>, displayPath: String,
                     reference: SourceLocation?) throws(Diagnostic) -> String {
        switch result {
        case .success(let bytes):
            return try decode(bytes, file: displayPath)
        case .failure(.directory):
            throw .error("source.not-a-file", "'\(displayPath)' is a directory, not a file", at: reference)
        case .failure(.special), .failure(.symlink):
            throw .error("source.not-a-file", "'\(displayPath)' is not a regular file (a FIFO, socket or device)", at: reference)
        case .failure(.tooLarge(let n)):
            throw .error("source.too-large", "'\(displayPath)' is \(n) bytes; source files may be at most \(maxBytes >> 20) MiB", at: reference)
        case .failure(.missing):
            throw .error("source.unreadable", "cannot read '\(displayPath)'", at: reference)
        }
    }

    static let maxBytes = 64 << 20

    /// Length of the valid UTF-8 sequence starting at `i`, or 0 if it is invalid.
    private static func validSequenceLength(_ b: ArraySlice<UInt8>, at i: Int) -> Int {
        let c = b[i]
        let (len, lo, hi): (Int, UInt8, UInt8)
        switch c {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (len, lo, hi) = (2, 0x80, 0xBF)
        case 0xE0: (len, lo, hi) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (len, lo, hi) = (3, 0x80, 0xBF)
        case 0xED: (len, lo, hi) = (3, 0x80, 0x9F)
        case 0xF0: (len, lo, hi) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (len, lo, hi) = (4, 0x80, 0xBF)
        case 0xF4: (len, lo, hi) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard i + len <= b.endIndex else { return 0 }
        guard b[i + 1] >= lo, b[i + 1] <= hi else { return 0 }
        for k in 2..<len where !(0x80...0xBF).contains(b[i + k]) { return 0 }
        return len
    }
}

extension String {
    /// Whether the byte occurs anywhere in the string's UTF-8 (memchr over native strings).
    func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }) {
            return found
        }
        return utf8.contains(byte)
    }

    /// Whether the byte `first` is directly followed by `second` anywhere (`"]["`, `"^["`): a byte scan
    /// for the checks that run on every text node, where Foundation's string search is too slow.
    func containsBytes(_ first: UInt8, _ second: UInt8) -> Bool {
        // Native strings are contiguous: memchr finds each `second`, and only its predecessor is read.
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, bytes.count >= 2 else { return false }
            var from = 1
            while from < bytes.count, let hit = memchr(base + from, Int32(second), bytes.count - from) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if base[at - 1] == first { return true }
                from = at + 1
            }
            return false
        }) {
            return found
        }
        var previous: UInt8 = 0
        for c in utf8 {
            if c == second, previous == first { return true }
            previous = c
        }
        return false
    }

    /// Whether `needle`'s bytes occur anywhere in the string's UTF-8, without copying a native string:
    /// memchr finds each candidate first byte and memcmp compares the rest.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var text = self
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count >= needle.count else { return false }
            let last = buffer.count - needle.count
            var i = 0
            while i <= last, let hit = memchr(base + i, Int32(first), last - i + 1) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if needle.withUnsafeBufferPointer({ n in n.baseAddress.map { memcmp(base + i, $0, n.count) == 0 } ?? true }) { return true }
                i += 1
            }
            return false
        }
    }
}
