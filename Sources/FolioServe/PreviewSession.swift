import Foundation
import FolioKit

/// The preview's state: the last build's outcome and every connected page. Each rebuild goes
/// through the one analysis (`BuildPipeline`, HTML only); a failed build leaves the last good page in
/// place (the pipeline stages its outputs) and the pages show the errors over it.
public actor PreviewSession {
    public struct Options: Sendable {
        public var paperDirectory: String
        public var outputDirectory: String
        public var untrusted = false
        /// Also rebuild the PDF in the background after each HTML build (`--pdf`).
        public var pdf = false
        public init(paperDirectory: String, outputDirectory: String) {
            self.paperDirectory = paperDirectory
            self.outputDirectory = outputDirectory
        }
    }

    public let options: Options
    /// Counts successful builds; pages learn it with each "reload".
    public private(set) var version = 0
    /// The diagnostics of the last build, errors first.
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var builds = 0
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
    /// Chapters parsed by earlier builds: an edit re-parses only the chapters it touched.
    public let cache = ParseCache()
    /// Chapters resolved by earlier builds: an edit resolves again only what it can change.
    public let resolveCache = ResolveCache()
    /// Chapters checked by earlier builds.
    public let validationCache = ValidationCache()
    /// Chapters written by earlier builds: an edit renders only the chapters whose output changes.
    public let emitCache = EmitCache()
    /// The repository's folder and the commit's date and subject, so that a rebuild runs git once.
    public let provenanceMemo = GitProvenance.Memo()
    /// Prints each build's diagnostics and a status line.
    private let report: @Sendable (DiagnosticEngine, String) -> Void

    public init(_ options: Options, report: @escaping @Sendable (DiagnosticEngine, String) -> Void) {
        self.options = options
        self.report = report
    }

    public var htmlFolder: URL {
        URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.appendingPathComponent("html")
    }

    /// Where the background PDF builds write (`<out>/pdf-build/pdf/paper.pdf`), apart from the HTML.
    public var pdfBuildFolder: URL {
        URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.appendingPathComponent("pdf-build")
    }

    public var pdfFile: URL { pdfBuildFolder.appendingPathComponent("pdf/paper.pdf") }

    private var pdfRunning = false
    private var pdfPending = false
    /// Finished PDF builds (tests wait for them).
    public private(set) var pdfBuilds = 0

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Builds the HTML and tells every page: "reload", or the errors to show.
    @discardableResult
    public func rebuild(reason: String) -> Bool {
        let started = Date()
        var request = BuildPipeline.Request(paperDirectory: options.paperDirectory, outputDirectory: options.outputDirectory,
                                            formats: [.html], profile: .draft)
        request.untrusted = options.untrusted
        request.cache = cache
        request.resolveCache = resolveCache
        request.validationCache = validationCache
        request.emitCache = emitCache
        // git runs while the paper is analysed.
        let (directory, pdf, memo) = (options.paperDirectory, options.pdf, provenanceMemo)
        request.findProvenance = {
            // The preview does without a stamp rather than stop.
            guard case .success(var p) = GitProvenance.detect(paperDirectory: directory, profile: .draft, memo: memo) else { return .success(nil) }
            if pdf { p.links.pdf = "paper.pdf" }
            return .success(p)
        }
        let outcome = BuildPipeline.run(request)
        builds += 1
        diagnostics = outcome.diagnostics.sorted
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        if outcome.diagnostics.hasErrors {
            report(outcome.diagnostics, "\(reason): the build failed (\(ms) ms); the page keeps the last good version")
            broadcast(errorsMessage())
            return false
        }
        version += 1
        report(outcome.diagnostics, "\(reason): rebuilt in \(ms) ms")
        broadcast(#"{"type":"reload","version":\#(version)}"#)
        if options.pdf { startPDF(provenance: outcome.provenance) }
        return true
    }

    /// The PDF, built after the HTML and never holding it back: one LaTeX run at a time, and changes
    /// made meanwhile give one more run when it ends.
    private func startPDF(provenance: Provenance?) {
        guard !pdfRunning else {
            pdfPending = true
            return
        }
        pdfRunning = true
        var request = BuildPipeline.Request(paperDirectory: options.paperDirectory, outputDirectory: pdfBuildFolder.path,
                                            formats: [.latex, .pdf], profile: .draft)
        request.untrusted = options.untrusted
        request.provenance = provenance
        Task.detached { [self] in
            let started = Date()
            let outcome = BuildPipeline.run(request)
            await self.finishedPDF(outcome, seconds: Date().timeIntervalSince(started), provenance: provenance)
        }
    }

    private func finishedPDF(_ outcome: BuildPipeline.Outcome, seconds: Double, provenance: Provenance?) {
        pdfRunning = false
        pdfBuilds += 1
        let took = String(format: "%.1f", seconds)
        if outcome.diagnostics.hasErrors {
            report(outcome.diagnostics, "the PDF failed (\(took) s); the last good PDF is still served")
        } else {
            report(DiagnosticEngine(), "PDF rebuilt in \(took) s")
            broadcast(#"{"type":"pdf"}"#)
        }
        if pdfPending {
            pdfPending = false
            startPDF(provenance: provenance)
        }
    }

    /// A new page: it hears every later build, and now whether the last one failed.
    public func connect() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        clients[id] = continuation
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.disconnect(id) }
        }
        continuation.yield(hasErrors ? errorsMessage() : #"{"type":"ok","version":\#(version)}"#)
        return stream
    }

    private func disconnect(_ id: UUID) { clients[id] = nil }

    public func closeAll() {
        for c in clients.values { c.finish() }
        clients = [:]
    }

    private func broadcast(_ message: String) {
        for c in clients.values { c.yield(message) }
    }

    private func errorsMessage() -> String {
        let items: [[String: String]] = diagnostics.filter { $0.severity == .error }.prefix(50).map { d in
            ["where": d.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "", "severity": "\(d.severity)",
             "id": d.id, "message": d.message]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["type": "errors", "items": items], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
