import Foundation
import FlyingFox
import FlyingSocks
import FolioKit

/// `folio serve`: builds the paper's HTML, serves it on the loopback address, watches the paper
/// folder and rebuilds on every change; pages reload themselves (a WebSocket) and show build errors
/// over the last good version. Ctrl-C stops it cleanly.
public enum PreviewServer {
    public struct Options: Sendable {
        public var session: PreviewSession.Options
        /// 127.0.0.1 unless the user names another address with --host.
        public var host = "127.0.0.1"
        /// 0 picks a free port.
        public var port: UInt16 = 8000
        /// How often the paper folder is checked for changes.
        public var interval: Duration = .milliseconds(200)
        public init(session: PreviewSession.Options) { self.session = session }
    }

    public enum Failure: Error, CustomStringConvertible {
        case address(String)
        case inUse(String, UInt16)
        case failed(String)

        public var description: String {
            switch self {
            case .address(let host): "'\(host)' is not an IPv4 address to listen on"
            case .inUse(let host, let port): "\(host):\(port) is already in use (another folio serve, or another program); choose another port with --port"
            case .failed(let why): "the preview server stopped: \(why)"
            }
        }
    }

    /// Runs until SIGINT or SIGTERM. `announce` hears the address once the server listens.
    public static func run(_ options: Options, report: @escaping @Sendable (DiagnosticEngine, String) -> Void,
                           announce: @escaping @Sendable (String) -> Void) async throws {
        let session = PreviewSession(options.session, report: report)
        await session.rebuild(reason: "first build")

        let address: sockaddr_in
        do { address = try .inet(ip4: options.host, port: options.port) } catch { throw Failure.address(options.host) }
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled)
        let folder = await session.htmlFolder
        let pdf = await session.pdfFile
        if options.session.pdf {
            await server.appendRoute(HTTPRoute(method: .GET, path: "/paper.pdf")) { _ in
                guard let data = try? Data(contentsOf: pdf) else {
                    return HTTPResponse(statusCode: .notFound, headers: [.init("Retry-After"): "5"],
                                        body: Data("the PDF is not built yet; LaTeX runs after each HTML build\n".utf8))
                }
                return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/pdf", .init("Cache-Control"): "no-store"], body: data)
            }
        }
        await server.appendRoute(HTTPRoute(method: .GET, path: LiveScript.path), to: .webSocket(LiveMessages(session: session)))
        await server.appendRoute("GET *") { request in serve(request, from: folder, body: true) }
        await server.appendRoute("HEAD *") { request in serve(request, from: folder, body: false) }

        let stop = ShutdownSignal()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await server.run()
                } catch let e as SocketError {
                    if case .failed(_, let code, _) = e, code == EADDRINUSE { throw Failure.inUse(options.host, options.port) }
                    throw Failure.failed("\(e)")
                }
            }
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                let port: UInt16 = if case .ip4(_, let p)? = await server.listeningAddress { p } else { options.port }
                announce("http://\(options.host):\(port)/")
                try await watch(session, options: options)
            }
            group.addTask {
                await stop.wait()
                throw CancellationError()
            }
            do {
                while let _ = try await group.next() {}
            } catch is CancellationError {
                // Ctrl-C: stop serving, let a running build finish, close the pages.
            }
            group.cancelAll()
            await server.stop(timeout: 1)
            await session.closeAll()
        }
    }

    /// Checks the paper folder every `interval`; a change waits for the writes to settle, then rebuilds.
    static func watch(_ session: PreviewSession, options: Options) async throws {
        let out = URL(fileURLWithPath: options.session.outputDirectory).standardizedFileURL.path
        let watcher = PaperWatcher(root: URL(fileURLWithPath: options.session.paperDirectory).standardizedFileURL, excluded: [out])
        var last = watcher.snapshot()
        while !Task.isCancelled {
            try await Task.sleep(for: options.interval)
            var now = watcher.snapshot()
            guard now != last else { continue }
            // Editors write in several steps (a temporary file, a rename): wait until it is quiet.
            try await Task.sleep(for: .milliseconds(60))
            let settled = watcher.snapshot()
            if settled != now { now = settled; continue }
            let changed = PaperWatcher.changes(from: last, to: now)
            last = now
            let names = changed.prefix(3).map { DisplayPath.of($0) }.joined(separator: ", ") + (changed.count > 3 ? ", …" : "")
            await session.rebuild(reason: "changed \(names)")
        }
    }

    static func serve(_ request: HTTPRequest, from folder: URL, body: Bool) -> HTTPResponse {
        let headers: HTTPHeaders = [.init("Cache-Control"): "no-store", .init("X-Content-Type-Options"): "nosniff"]
        switch StaticFiles.lookup(request.path, in: folder) {
        case .forbidden:
            return HTTPResponse(statusCode: .forbidden, headers: headers, body: Data("forbidden\n".utf8))
        case .notFound:
            return HTTPResponse(statusCode: .notFound, headers: headers, body: Data("not found\n".utf8))
        case .file(let url, let type):
            guard var data = try? Data(contentsOf: url) else {
                return HTTPResponse(statusCode: .notFound, headers: headers, body: Data("not found\n".utf8))
            }
            if type.hasPrefix("text/html") { data = Data(LiveScript.inject(into: String(decoding: data, as: UTF8.self)).utf8) }
            var h = headers
            h[.contentType] = type
            return HTTPResponse(statusCode: .ok, headers: h, body: body ? data : Data())
        }
    }
}

/// Each page's WebSocket: the session's messages out; the page sends nothing that matters.
struct LiveMessages: WSMessageHandler {
    let session: PreviewSession

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let updates = await session.connect()
        return AsyncStream { continuation in
            let forward = Task {
                for await message in updates { continuation.yield(.text(message)) }
                continuation.finish()
            }
            let drain = Task {
                for await _ in client {}
                forward.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                drain.cancel()
            }
        }
    }
}

/// SIGINT and SIGTERM, as something to wait for.
final class ShutdownSignal: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream<Void>.makeStream()
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [continuation] in continuation.yield() }
            source.resume()
            sources.append(source)
        }
    }

    func wait() async {
        for await _ in stream { return }
    }
}
