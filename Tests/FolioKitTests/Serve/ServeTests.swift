import Foundation
import Testing
@testable import FolioKit
@testable import FolioServe

/// `folio serve` as an author uses it: a real server process, a real headless Chromium, real edits.
@Suite("Live preview")
struct ServeTests {
    /// A running `folio serve` on a copy of the mini paper, on a free port.
    final class Server {
        let scratch: Scratch
        let process = Process()
        let url: String
        var paper: URL { scratch.url.appendingPathComponent("Paper") }
        private let output = Pipe()

        init(extra: [String] = []) throws {
            scratch = try Scratch()
            try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("papers/mini"),
                                             to: scratch.url.appendingPathComponent("Paper"))
            process.executableURL = TestPaths.folioBinary
            process.arguments = ["serve", "--paper", "Paper", "--out", "Build/preview", "--port", "0"] + extra
            process.currentDirectoryURL = scratch.url
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line names the address.
            var line = Data()
            let handle = output.fileHandleForReading
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            url = text.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init) ?? ""
        }

        /// Ctrl-C; returns the exit status.
        func interrupt() -> Int32 {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit {
            if process.isRunning { process.terminate() }
            scratch.remove()
        }
    }

    /// A raw HTTP GET, so that `..` and encodings reach the server as written.
    func get(_ url: String, path: String) throws -> (status: Int, body: String) {
        let script = """
        import http.client, sys, urllib.parse
        u = urllib.parse.urlsplit(sys.argv[1])
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        c.putrequest("GET", sys.argv[2], skip_host=False, skip_accept_encoding=True)
        c.endheaders()
        r = c.getresponse()
        print(r.status)
        sys.stdout.write(r.read().decode("utf-8", "replace"))
        """
        let r = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, url, path], in: "/")
        let status = Int(r.output.prefix { $0 != "\n" }) ?? 0
        return (status, String(r.output.drop { $0 != "\n" }.dropFirst()))
    }

    @Test("Edits show in Chromium without a reload; a broken chapter shows an overlay with its location; the fix clears it",
          .requires(.chromium))
    func liveInChromium() throws {
        try Requirement.chromium.check()
        let server = try Server()
        #expect(server.url.hasPrefix("http://127.0.0.1:"), "no address announced")
        let chapter = server.paper.appendingPathComponent("chapters/conclusion.md")
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/FolioKitTests/Support/live_preview.py")
        // No address-space limit: Chromium reserves far more than it uses. The script bounds its own waits.
        let r = try ProcessRunner.run("/usr/bin/env", ["python3", script.path, server.url, chapter.path], in: server.scratch.url.path)
        let line = r.output.split(separator: "\n").last.map(String.init) ?? ""
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(r.output)")
        #expect(seen["loaded"] as? Bool == true)
        #expect(seen["edited"] as? Bool == true, "the new text never appeared")
        #expect(seen["same_window"] as? Bool == true, "the page was reloaded as a whole")
        #expect((seen["scroll"] as? Double ?? (seen["scroll"] as? Int).map(Double.init) ?? 0) >= 500, "the scroll position was lost")
        #expect(seen["overlay"] as? Bool == true, "no overlay for the broken chapter")
        let overlay = seen["overlay_text"] as? String ?? ""
        #expect(overlay.contains("chapters/conclusion.md:") && overlay.contains("nosuchkey2"), "\(overlay)")
        #expect(seen["kept_last_good"] as? Bool == true, "the last good page is not underneath")
        #expect(seen["cleared"] as? Bool == true, "fixing the chapter did not clear the overlay")
        #expect(seen["same_window_at_end"] as? Bool == true)
        #expect(server.interrupt() == 0)
        // Ctrl-C leaves no staging folders behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: server.scratch.url.appendingPathComponent("Build/preview").path)
        #expect(left.allSatisfy { !$0.hasPrefix(".") }, "\(left)")
    }

    @Test("Only files inside the output folder are served: no .., no encoded .., no links out")
    func pathSafety() throws {
        let server = try Server()
        let ok = try get(server.url, path: "/")
        #expect(ok.status == 200 && ok.body.contains(LiveScript.path))
        #expect(try get(server.url, path: "/style.css").status == 200)
        for bad in ["/../Paper/folio.yaml", "/%2e%2e/Paper/folio.yaml", "/..%2fPaper%2ffolio.yaml", "/assets/../../../Paper/folio.yaml"] {
            let r = try get(server.url, path: bad)
            #expect(r.status == 403 || r.status == 404, "\(bad) gave \(r.status)")
            #expect(!r.body.contains("title:"), "\(bad) served the manifest")
        }
        // A link in the output folder that leads out of it.
        let html = server.scratch.url.appendingPathComponent("Build/preview/html")
        try FileManager.default.createSymbolicLink(at: html.appendingPathComponent("leak.yaml"), withDestinationURL: server.paper.appendingPathComponent("folio.yaml"))
        #expect(try get(server.url, path: "/leak.yaml").status == 403)
        #expect(server.interrupt() == 0)
    }

    @Test("Two servers on one port: the second says the port is taken and exits 1")
    func portInUse() throws {
        let first = try Server()
        let port = String(first.url.split(separator: ":").last?.prefix { $0.isNumber } ?? "")
        let second = try CLI.run(["serve", "--paper", "Paper", "--out", "Build/other", "--port", port], in: first.scratch.url)
        #expect(second.status == 1)
        #expect(second.stderr.contains("127.0.0.1:\(port) is already in use"), "\(second.stderr)")
        #expect(first.interrupt() == 0)
    }

    @Test("--pdf builds the PDF in the background: the HTML is served at once, /paper.pdf once LaTeX is done", .requires(.tex))
    func pdfInTheBackground() throws {
        try Requirement.tex.check()
        let server = try Server(extra: ["--pdf"])
        let page = try get(server.url, path: "/")
        #expect(page.status == 200 && page.body.contains("href=\"paper.pdf\""), "the HTML waited for LaTeX, or lacks the PDF link")
        var pdf = (status: 0, body: "")
        for _ in 0..<600 where pdf.status != 200 {
            pdf = try get(server.url, path: "/paper.pdf")
            if pdf.status != 200 { usleep(250_000) }
        }
        #expect(pdf.status == 200 && pdf.body.hasPrefix("%PDF"), "no PDF after 150 s")
        #expect(server.interrupt() == 0)
    }

    @Test("Path lookups, content types and the watcher's change list")
    func units() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("site/index.html", "<html><head></head><body>x</body></html>")
        try s.write("site/a/b.svg", "<svg/>")
        let root = s.url.appendingPathComponent("site")
        guard case .file(let index, let type) = StaticFiles.lookup("/", in: root) else { Issue.record("no index"); return }
        #expect(index.lastPathComponent == "index.html" && type.hasPrefix("text/html"))
        guard case .file(_, let svg) = StaticFiles.lookup("/a/b.svg?x=1", in: root) else { Issue.record("no svg"); return }
        #expect(svg == "image/svg+xml")
        #expect(StaticFiles.lookup("/a/%2e%2e/index.html", in: root) == .forbidden)
        #expect(StaticFiles.lookup("/nothing", in: root) == .notFound)
        #expect(StaticFiles.lookup("/a", in: root) == .notFound)
        #expect(LiveScript.inject(into: "<head></head>").hasSuffix("</script>\n</head>"))
        let old = ["a": PaperWatcher.Stamp(size: 1, modified: .distantPast), "b": PaperWatcher.Stamp(size: 1, modified: .distantPast)]
        let new = ["a": PaperWatcher.Stamp(size: 2, modified: .distantPast), "c": PaperWatcher.Stamp(size: 1, modified: .distantPast)]
        #expect(PaperWatcher.changes(from: old, to: new) == ["a", "b", "c"])
    }
}

extension Requirement {
    static let chromium = Requirement(name: "Chromium and Python's websocket-client", install: "make deps-test installs them") {
        ProcessRunner.which("chromium") != nil
            && (try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import websocket"], in: "/"))?.status == 0
    }
}
