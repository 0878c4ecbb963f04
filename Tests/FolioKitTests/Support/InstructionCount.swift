import Foundation
import Synchronization
import Testing
@testable import FolioKit

/// Counts the instructions `folio render -` executes on an input, under valgrind's callgrind: the same
/// count for the same binary and input however busy the machine is, so cost can be compared between
/// two sizes of one input without reading any clock. The release binary (`make tool`, which `make
/// test` runs first) is used, with its debug info stripped, since valgrind cannot read Swift's DWARF.
enum InstructionCount {
    static var releaseBinary: URL { TestPaths.packageRoot.appendingPathComponent(".build/release/folio") }

    /// A copy of the release binary without debug info, made once per test run.
    static let strippedBinary: URL? = {
        guard FileManager.default.isExecutableFile(atPath: releaseBinary.path), let objcopy = ProcessRunner.which("objcopy") else {
            return nil
        }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("folio-nodebug-\(getpid())")
        guard let r = try? ProcessRunner.run(objcopy, ["--strip-debug", releaseBinary.path, copy.path], in: "/"), r.status == 0 else {
            return nil
        }
        return copy
    }()

    /// Instructions for `folio render - ARGS` on `input`, above those for an empty input (process start).
    static func render(_ input: String, _ args: [String] = []) throws -> Int {
        try count(input, args) - baseline(args)
    }

    private static let baselines = Mutex<[String: Int]>([:])

    private static func baseline(_ args: [String]) throws -> Int {
        let key = args.joined(separator: " ")
        if let known = baselines.withLock({ $0[key] }) { return known }
        let n = try count("", args)
        baselines.withLock { $0[key] = n }
        return n
    }

    private static func count(_ input: String, _ args: [String]) throws -> Int {
        let binary = try #require(strippedBinary, "the release folio binary is missing (make tool builds it)")
        let valgrind = try #require(ProcessRunner.which("valgrind"), "valgrind is missing (make deps-test installs it)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-count-\(UUID().uuidString).md")
        try Data(input.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: valgrind)
        p.arguments = ["--tool=callgrind", "--callgrind-out-file=/dev/null", binary.path, "render", "-"] + args
        p.standardInput = try FileHandle(forReadingFrom: file)
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        // callgrind's summary: "==PID== Collected : 123456".
        let line = try #require(log.split(separator: "\n").last { $0.contains("Collected :") }, "no callgrind summary in: \(log.suffix(500))")
        return try #require(Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? ""), "unreadable count: \(line)")
    }
}

extension Requirement {
    static let valgrind = Requirement(name: "valgrind, objcopy and the release folio binary",
                                      install: "make test installs valgrind and binutils and builds it (make tool)") {
        ProcessRunner.which("valgrind") != nil && InstructionCount.strippedBinary != nil
    }
}
