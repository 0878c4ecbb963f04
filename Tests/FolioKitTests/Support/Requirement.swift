import Foundation
import Testing
@testable import FolioKit

/// Something a test needs from the machine: a tool, a Python module or `../shared`. A test that needs
/// one carries `.requires(...)`, so swift-testing reports it as skipped (with the reason) where the
/// requirement is missing. With `CI=true` the test always runs, and `check()` fails it when the
/// requirement is missing, so CI cannot pass by skipping.
struct Requirement: Sendable {
    let name: String
    let install: String
    let available: @Sendable () -> Bool

    static let tex = Requirement(name: "TeX Live (latexmk)", install: "make deps-tex installs it") {
        ProcessRunner.which("latexmk") != nil && ProcessRunner.which("pdftotext") != nil
    }
    static let pdftocairo = Requirement(name: "pdftocairo (poppler-utils)", install: "make deps installs it") {
        ProcessRunner.which("pdftocairo") != nil
    }
    static let tidy = Requirement(name: "HTML Tidy", install: "make deps-test installs it") { ProcessRunner.which("tidy") != nil }
    static let git = Requirement(name: "git", install: "apt-get install git") { ProcessRunner.which("git") != nil }
    static let shared = Requirement(name: "../shared (GFM examples, SARIF schema)", install: "clone the project beside ../shared, as CI does") {
        TestPaths.shared != nil
    }
    static let pandoc = Requirement(name: "pandoc 3", install: "scripts/ensure-pandoc installs it") { PandocPath.find() != nil }
    static let jsonschema = Requirement(name: "Python's jsonschema", install: "scripts/ensure-pip jsonschema:jsonschema installs it") {
        (try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import jsonschema"], in: "/"))?.status == 0
    }

    static let strace = Requirement(name: "strace", install: "make deps-test installs it") { ProcessRunner.which("strace") != nil }
    static let bubblewrap = Requirement(name: "bubblewrap", install: "make deps-tex installs it") { ProcessRunner.which("bwrap") != nil }

    var comment: Comment { "\(name) is missing: \(install)" }

    /// Fails the running test when the requirement is missing (reachable only with `CI=true`).
    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try #require(available(), "\(name) is missing on CI (\(install)); .ci/run must provide it", sourceLocation: sourceLocation)
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips the test where `requirement` is missing, except on CI.
    static func requires(_ requirement: Requirement) -> Self {
        .enabled(if: TestPaths.isCI || requirement.available(), requirement.comment)
    }
}

/// pandoc 3 from `PANDOC`, or from the pypandoc-binary wheel that scripts/ensure-pandoc installs.
enum PandocPath {
    static func find() -> String? {
        if let env = ProcessInfo.processInfo.environment["PANDOC"] { return env }
        guard let r = try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import pypandoc; print(pypandoc.get_pandoc_path())"],
                                             in: TestPaths.packageRoot.path), r.status == 0 else { return nil }
        let path = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}

/// Programs that pip installs (zizmor ships no Python module): on PATH or in pip's script folders.
enum PipProgram {
    static func find(_ name: String) -> String? {
        if let found = ProcessRunner.which(name) { return found }
        let script = "import sysconfig; print(sysconfig.get_path('scripts')); print(sysconfig.get_path('scripts', 'posix_user'))"
        guard let r = try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", script], in: "/"), r.status == 0 else { return nil }
        return r.output.split(separator: "\n").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension Requirement {
    static let zizmor = Requirement(name: "zizmor", install: "make deps-test installs it (scripts/ensure-pip bin/zizmor:zizmor)") {
        PipProgram.find("zizmor") != nil
    }
    static let checkJSONSchema = Requirement(name: "check-jsonschema", install: "make deps-test installs it") {
        PipProgram.find("check-jsonschema") != nil
    }
}
