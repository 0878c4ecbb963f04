import Foundation

/// Copies text into an output string a run at a time: the bytes between two special ones go in
/// one append, and only the special bytes are handed to the caller. Every writer's text passes
/// through here, so it reads the string's UTF-8 buffer directly rather than through `String.Index`.
enum ByteEscaper {
    /// Appends `text` to `out`. For each byte in `special`, `replace(bytes, i, &out)` appends what
    /// stands for it and returns how many bytes it consumed (at least 1). Every run copied whole must
    /// begin and end between scalars: the special bytes are ASCII, or `replace` consumes whole
    /// scalars, or (as for URLs) every byte from 0x80 up is special, so the runs are plain ASCII.
    @inline(__always)
    static func append(_ text: String, to out: inout String, special: ByteSet,
                       replace: (UnsafeBufferPointer<UInt8>, Int, inout String) -> Int) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            var i = 0
            let count = bytes.count
            while i < count {
                i = special.firstIndex(in: bytes, from: i, to: count)
                guard i < count else { break }
                if runStart < i { appendRun(text, runStart, i, to: &out) }
                i += max(1, replace(bytes, i, &out))
                runStart = min(i, count)
            }
            if runStart == 0 {
                out += text
            } else if runStart < count {
                appendRun(text, runStart, count, to: &out)
            }
        }
        if done == nil {
            // A bridged or foreign string: copy it into native UTF-8 once, then escape that.
            var native = text
            native.makeContiguousUTF8()
            append(native, to: &out, special: special, replace: replace)
        }
    }

    @inline(__always)
    private static func appendRun(_ text: String, _ from: Int, _ to: Int, to out: inout String) {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: from)
        let end = utf8.index(start, offsetBy: to - from)
        out += text[start..<end]
    }
}
