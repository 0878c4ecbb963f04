import Foundation
import Testing
@testable import FolioKit

/// A paper folder written by an attacker, with a canary folder beside it that nothing may read or write.
/// `secret.txt` holds a token unique to the test: no output may contain it, and the canary folder
/// must hold exactly what it held before the build.
struct AttackPaper {
    let scratch: Scratch
    let token: String
    var paper: URL { scratch.url.appendingPathComponent("Paper") }
    var out: URL { scratch.url.appendingPathComponent("Build") }
    var outside: URL { scratch.url.appendingPathComponent("outside") }
    var secret: URL { outside.appendingPathComponent("secret.txt") }

    /// A one-chapter paper; `manifest` adds lines to folio.yaml.
    init(chapter: String, manifest extra: String = "") throws {
        scratch = try Scratch()
        token = "CANARY-" + UUID().uuidString
        try scratch.write("outside/secret.txt", token + "\n")
        try scratch.write("Paper/folio.yaml", "title: T\n\(extra)parts:\n  - title: P\n    side: demand\n    chapters:\n      - c.md\n")
        try scratch.write("Paper/c.md", chapter)
    }

    func build(_ formats: [OutputFormat] = [.html, .latex], profile: Profile = .draft, untrusted: Bool = false) -> BuildPipeline.Outcome {
        var request = BuildPipeline.Request(paperDirectory: paper.path, outputDirectory: out.path, formats: formats, profile: profile)
        request.untrusted = untrusted
        return BuildPipeline.run(request)
    }

    func ids(_ outcome: BuildPipeline.Outcome) -> [String] { outcome.diagnostics.diagnostics.map(\.id) }

    /// Every file under the output folder (and LaTeX's log), as bytes.
    func outputs() -> [(String, Data)] {
        guard let e = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { item in
            guard let url = item as? URL, let data = try? Data(contentsOf: url) else { return nil }
            return (url.path, data)
        }
    }

    /// The canary was neither read into any output nor changed, and nothing was written beside it.
    func expectCanaryUntouched(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (path, data) in outputs() {
            #expect(!String(decoding: data, as: UTF8.self).contains(token), "the secret reached \(path)", sourceLocation: sourceLocation)
            if path.hasSuffix(".pdf"), let text = try? ProcessRunner.run("/usr/bin/pdftotext", [path, "-"], in: "/").output {
                #expect(!text.contains(token), "the secret is in the PDF text", sourceLocation: sourceLocation)
            }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outside.path)) ?? []
        #expect(names == ["secret.txt"], "files appeared beside the canary: \(names)", sourceLocation: sourceLocation)
        #expect((try? String(contentsOf: secret, encoding: .utf8)) == token + "\n", "the canary changed", sourceLocation: sourceLocation)
    }

    func remove() { scratch.remove() }
}
