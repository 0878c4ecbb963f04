import Foundation

/// Where a writer's text goes: collected in memory (`text`), or written to a file as it grows, so a
/// build never holds a large paper's HTML and LaTeX whole (docs/PERFORMANCE.md, peak memory).
/// Writers hand it a chapter at a time; a failed write is kept and reported when the sink closes.
public final class TextSink: @unchecked Sendable {
    /// In memory: everything written. To a file: what is not yet flushed.
    public private(set) var text = ""
    private let handle: FileHandle?
    private var failure: (any Error)?
    private static let chunk = 1 << 16

    /// A sink that keeps its text in memory.
    public init() { handle = nil }

    /// A sink that writes to a new file at `url`, replacing any file there.
    public init(file url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
    }

    public func write(_ s: String) {
        text += s
        if handle != nil && text.utf8.count >= Self.chunk { flush() }
    }

    /// Writes out what is pending (a file sink only).
    public func flush() {
        guard let handle, failure == nil, !text.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            failure = error
        }
        text.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; throws the first write error, if any.
    public func close() throws {
        flush()
        try handle?.close()
        if let failure { throw failure }
    }
}
