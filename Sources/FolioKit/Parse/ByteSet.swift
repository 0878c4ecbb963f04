import Foundation

/// A set of bytes, for scanners and escapers. A lookup is a load and a shift with no bounds check;
/// `firstIndex` looks at sixteen bytes at a time when the set is a few bytes and two ranges at its
/// ends (below 0x20, from 0x80), as every set Folio scans for is.
struct ByteSet: Sendable {
    /// Bit `b & 63` of word `b >> 6` is set when `b` is in the set.
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// The members from 0 up to `below`, and from `from` up to 0xFF, are the set's two end ranges;
    /// `singles` holds each other member repeated in all sixteen lanes.
    private var below: UInt8 = 0
    private var from = 256
    private var singles: [SIMD16<UInt8>] = []
    /// Whether `singles` is short enough for the sixteen-byte scan to pay.
    private var vectorised = false

    init(_ bytes: [UInt8]) {
        for b in bytes {
            let bit = UInt64(1) << UInt64(b & 63)
            switch b >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }
        var low = 0
        while low < 255, contains(UInt8(low)) { low += 1 }
        var high = 256
        while high > low + 1, contains(UInt8(high - 1)) { high -= 1 }
        below = UInt8(low)
        from = high
        singles = (low..<high).filter { contains(UInt8($0)) }.map { SIMD16(repeating: UInt8($0)) }
        vectorised = singles.count <= 16
    }

    init(_ scalars: String) { self.init(Array(scalars.utf8)) }

    /// One load and one shift: the word is read by its offset rather than chosen by comparisons.
    @inline(__always)
    func contains(_ b: UInt8) -> Bool {
        let word = withUnsafeBytes(of: words) { $0.load(fromByteOffset: Int(b &>> 6) &<< 3, as: UInt64.self) }
        return word &>> UInt64(b & 63) & 1 == 1
    }

    /// The first index in `start..<end` (`end` at most `bytes.count`) whose byte is in the set, or
    /// `end` when none is.
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        let end = Swift.min(end, bytes.count)
        var i = Swift.max(start, 0)
        if vectorised, let base = bytes.baseAddress, end - i >= 16 {
            let raw = UnsafeRawPointer(base)
            let low = SIMD16<UInt8>(repeating: below)
            let high = SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: Swift.min(from, 255)))
            let hasHigh = from < 256
            let found: Int? = singles.withUnsafeBufferPointer { singles in
                while i + 16 <= end {
                    let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                    var hit = v .< low
                    if hasHigh { hit .|= v .>= high }
                    for k in singles.indices { hit .|= v .== singles[k] }
                    // Lanes that hit are all ones; the lowest one is the first byte.
                    let lanes = unsafeBitCast(hit, to: SIMD2<UInt64>.self)
                    if lanes[0] != 0 { return i + (lanes[0].trailingZeroBitCount >> 3) }
                    if lanes[1] != 0 { return i + 8 + (lanes[1].trailingZeroBitCount >> 3) }
                    i += 16
                }
                return nil
            }
            if let found { return found }
        }
        while i < end, !contains(bytes[i]) { i += 1 }
        return i
    }

    /// Whether any byte of `text` is in the set (over the string's buffer when it is native).
    func occurs(in text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in firstIndex(in: bytes, from: 0, to: bytes.count) < bytes.count }) {
            return found
        }
        return text.utf8.contains { contains($0) }
    }
}

extension Array<UInt8> {
    /// The first index from `start` whose byte is in `set`, or `end` (at most `count`) when none is.
    func firstIndex(in set: ByteSet, from start: Int, to end: Int) -> Int {
        withUnsafeBufferPointer { set.firstIndex(in: $0, from: start, to: end) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` from `start` (memchr), or `count` when there is none: how the
    /// line scanners find the next line feed.
    func firstIndex(of byte: UInt8, from start: Int) -> Int {
        guard let base = baseAddress, start < count else { return count }
        return memchr(base + start, Int32(byte), count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
    }
}
