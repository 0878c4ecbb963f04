import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a writer's text goes: collected in memory (`text`), or written to a file as it grows, so a
/// build never holds a large paper's HTML and LaTeX whole (docs/PERFORMANCE.md, peak memory).
/// Writers hand it a chapter at a time; a failed write is kept and reported when the sink closes.
public final class TextSink: @unchecked Sendable {
    /// In memory: everything written. To a file: what is not yet flushed.
    public private(set) var text = ""
    /// The file's descriptor, or -1 for a sink in memory (and once closed).
    private var fd: Int32 = -1
    private let toFile: Bool
    private var failure: (any Error)?
    private static let chunk = 1 << 16

    /// A sink that keeps its text in memory.
    public init() { toFile = false }

    /// A sink that writes to a new file at `url`, replacing any file there.
    public init(file url: URL) throws {
        fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        toFile = true
        guard fd >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                          NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
        }
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    public func write(_ s: String) {
        text += s
        if toFile && text.utf8.count >= Self.chunk { flush() }
    }

    /// Writes out what is pending (a file sink only), straight from the text's UTF-8 storage.
    public func flush() {
        guard toFile, failure == nil, !text.isEmpty else { return }
        let fd = fd
        let problem: Int32? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, base + done, bytes.count - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return n < 0 ? errno : EIO }
            }
            return nil
        }
        if let problem { failure = POSIXError(.init(rawValue: problem) ?? .EIO) }
        text.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; throws the first write error, if any.
    public func close() throws {
        flush()
        if fd >= 0, Glibc.close(fd) != 0, failure == nil { failure = POSIXError(.init(rawValue: errno) ?? .EIO) }
        fd = -1
        if let failure { throw failure }
    }
}
