import Foundation
import Testing
@testable import FolioKit

/// A real git repository in a scratch folder, with a bare repository as its remote `origin`.
struct GitRepo {
    let scratch: Scratch
    var work: URL { scratch.url.appendingPathComponent("work") }
    var remote: URL { scratch.url.appendingPathComponent("remote.git") }

    init() throws {
        scratch = try Scratch()
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try git(["init", "-q", "--bare", remote.path], in: scratch.url)
        try git(["init", "-q", "-b", "main"])
        try git(["remote", "add", "origin", remote.path])
    }

    /// Runs git in the work tree (or `directory`); returns its output, failing the test on a non-zero exit.
    @discardableResult
    func git(_ args: [String], in directory: URL? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let r = try ProcessRunner.run("/usr/bin/env", ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"] + args,
                                      in: (directory ?? work).path)
        #expect(r.status == 0, "git \(args.joined(separator: " ")): \(r.output)", sourceLocation: sourceLocation)
        return r.output
    }

    func write(_ relative: String, _ text: String) throws {
        try scratch.write("work/" + relative, text)
    }

    /// Commits everything and pushes it to the bare remote; returns the commit id.
    @discardableResult
    func commit(_ message: String) throws -> String {
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message])
        try git(["push", "-q", "origin", "main"])
        return try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What `git status`, the index and HEAD say, to show that reading a revision changed none of them.
    func state() throws -> String {
        try git(["status", "--porcelain=v1", "--untracked-files=all"]) + "\n" + git(["ls-files", "--stage"]) + "\n"
            + git(["rev-parse", "HEAD"])
    }

    func remove() { scratch.remove() }
}

/// A small paper: one chapter per name, each with the given body.
enum SmallPaper {
    static func manifest(_ chapters: [String], extra: String = "") -> String {
        "title: Small paper\nlang: en\n" + extra + "parts:\n  - title: Demand\n    side: demand\n    chapters: [\(chapters.joined(separator: ", "))]\n"
    }
}
