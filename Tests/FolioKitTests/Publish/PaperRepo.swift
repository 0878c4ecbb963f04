import Foundation
import Testing
@testable import FolioKit

/// A git repository (with a bare remote) holding the mini fixture paper in `Paper/`, committed.
struct PaperRepo {
    let repo: GitRepo
    var work: URL { repo.work }
    var paper: URL { repo.work.appendingPathComponent("Paper") }
    var remote: URL { repo.remote }
    /// The first commit.
    let first: String

    init() throws {
        let repo = try GitRepo()
        let paper = repo.work.appendingPathComponent("Paper")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("papers/mini"), to: paper)
        try FileManager.default.removeItem(at: paper.appendingPathComponent("expected"))
        try repo.write(".gitignore", "Build/\n")
        first = try repo.commit("First draft")
        self.repo = repo
    }

    @discardableResult
    func git(_ args: [String], in directory: URL? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        try repo.git(args, in: directory, sourceLocation: sourceLocation)
    }

    /// Appends a paragraph to the conclusion and commits it.
    @discardableResult
    func edit(_ text: String, message: String) throws -> String {
        let file = paper.appendingPathComponent("chapters/conclusion.md")
        let old = try String(contentsOf: file, encoding: .utf8)
        try Data((old + "\n" + text + "\n").utf8).write(to: file)
        return try repo.commit(message)
    }

    func provenance(_ profile: Profile = .draft, environment: [String: String] = ["SOURCE_DATE_EPOCH": "1767225600"],
                    in directory: URL? = nil) throws -> Provenance {
        try GitProvenance.detect(paperDirectory: (directory ?? paper).path, profile: profile, environment: environment).get()
    }

    /// Builds the paper with a stamp; returns the outcome and the output folder.
    func build(_ formats: [OutputFormat], profile: Profile = .draft, provenance: Provenance? = nil, paper dir: URL? = nil,
               out: String = "Build") throws -> (BuildPipeline.Outcome, URL) {
        let paperDir = dir ?? paper
        let output = paperDir.deletingLastPathComponent().appendingPathComponent(out)
        var request = BuildPipeline.Request(paperDirectory: paperDir.path, outputDirectory: output.path, formats: formats, profile: profile)
        request.provenance = try provenance ?? self.provenance(profile, in: paperDir)
        return (BuildPipeline.run(request), output)
    }

    func remove() { repo.remove() }
}

/// The text of every page of a PDF, by `pdftotext` (pages end with a form feed).
func pdfPages(_ pdf: URL) throws -> [String] {
    let tool = try #require(ProcessRunner.which("pdftotext"))
    let r = try ProcessRunner.run(tool, ["-layout", pdf.path, "-"], in: "/")
    #expect(r.status == 0)
    var pages = r.output.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages
}
