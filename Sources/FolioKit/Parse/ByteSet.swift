/// A set of bytes as 256 bits, for scanners and escapers: a lookup is a few register operations,
/// with no table in memory and no bounds check.
struct ByteSet: Sendable {
    private var low: UInt64 = 0      // 0x00...0x3F
    private var middle: UInt64 = 0   // 0x40...0x7F
    private var high: UInt64 = 0     // 0x80...0xBF
    private var top: UInt64 = 0      // 0xC0...0xFF

    init(_ bytes: [UInt8]) {
        for b in bytes {
            let bit = UInt64(1) << UInt64(b & 63)
            switch b >> 6 {
            case 0: low |= bit
            case 1: middle |= bit
            case 2: high |= bit
            default: top |= bit
            }
        }
    }

    init(_ scalars: String) { self.init(Array(scalars.utf8)) }

    @inline(__always)
    func contains(_ b: UInt8) -> Bool {
        let word = b < 0x80 ? (b < 0x40 ? low : middle) : (b < 0xC0 ? high : top)
        return word &>> UInt64(b & 63) & 1 == 1
    }

    /// Whether any byte of `text` is in the set (over the string's buffer when it is native).
    func occurs(in text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains { contains($0) } }) {
            return found
        }
        return text.utf8.contains { contains($0) }
    }
}
