import Foundation
import Testing
@testable import FolioKit

/// The release link lays out Folio's own code in the order `scripts/link-order` wrote
/// (`Sources/folio/link-order.txt`, docs/PERFORMANCE.md).
@Suite struct LinkOrderTests {
    @Test func theListNamesSectionsOnceEach() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Sources/folio/link-order.txt"), encoding: .utf8)
        let names = text.split(separator: "\n").map(String.init)
        #expect(names.count > 500)
        #expect(names.allSatisfy { $0.hasPrefix(".text.") && !$0.contains(" ") })
        #expect(Set(names).count == names.count)
        #expect(names.contains(".text.folio_main"))
    }

    /// The generator, on a linker map and two callgrind runs made up for the purpose: only sections of
    /// FolioKit and folio that ran are listed, the first run's first, each group in address order.
    /// Each rule is the only evidence for one section: `rel` is reached by a relative position,
    /// `call` by the line after a `calls=` (a `cob=` does not leave the binary), `cold` only under
    /// another object, and `stdlib` is not Folio's.
    @Test func theGeneratorListsWhatRanInItsOrder() throws {
        let s = try Scratch()
        defer { s.remove() }
        let kit = "/w/a dir/.build/release/FolioKit.build/A.swift.o", lib = "/opt/libswiftCore.a(Swift.o)"
        func section(_ name: String, _ address: Int, _ object: String) -> String {
            " .text.\(name)\n                0x\(String(address, radix: 16, uppercase: false).leftPadded(16))       0x40 \(object)\n"
        }
        try s.write("folio.map", "Memory map\n\n.text           0x0000000000001000  0x1000\n"
            + " .text          0x0000000000001000       0x20 \(kit)\n"
            + section("cold", 0x1100, kit) + section("hot", 0x1200, kit) + section("start", 0x1300, kit)
            + section("stdlib", 0x1400, lib) + section("folio_main", 0x1500, "/w/.build/release/folio.build/main.swift.o")
            + section("rel", 0x1600, kit) + section("call", 0x1700, kit)
            + ".fini           0x0000000000002000        0x9\n")
        try s.write("0.cg", "events: Ir\nob=(1) /tmp/folio-run\nfn=(1) main\n0x1500 1\n+256 1\nfn=(2) start\n0x1300 2\n")
        try s.write("1.cg", """
            events: Ir
            ob=(1) /tmp/folio-run
            fn=(1) hot
            0x1210 5
            cob=(2) /lib/libc.so.6
            cfn=(3) memcpy
            calls=1 0x9999
            0x1704 7
            ob=(2)
            fn=(3)
            0x1100 9
            ob=(1)
            fn=(4) stdlib
            0x1404 1
            fn=(5) start
            0x1300 1
            """)
        let out = s.url.appendingPathComponent("order.txt").path
        let r = try ProcessRunner.run("/usr/bin/env", ["python3", TestPaths.packageRoot.appendingPathComponent("scripts/link-order.py").path,
                                                       s.url.appendingPathComponent("folio.map").path, "folio-run", out,
                                                       s.url.appendingPathComponent("0.cg").path, s.url.appendingPathComponent("1.cg").path],
                                      in: s.url.path)
        #expect(r.status == 0, "\(r.output)")
        let order = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(order == [".text.start", ".text.folio_main", ".text.rel", ".text.hot", ".text.call"])
    }

    @Test func theGeneratorRefusesRunsThatNeverReachedFolio() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("folio.map", ".text           0x0000000000001000  0x1000\n .text.folio_main\n                0x0000000000001500       0x20 /w/folio.build/main.swift.o\n")
        try s.write("0.cg", "events: Ir\nob=(1) /tmp/other-binary\nfn=(1) main\n0x1500 1\n")
        let out = s.url.appendingPathComponent("order.txt").path
        let r = try ProcessRunner.run("/usr/bin/env", ["python3", TestPaths.packageRoot.appendingPathComponent("scripts/link-order.py").path,
                                                       s.url.appendingPathComponent("folio.map").path, "folio-run", out,
                                                       s.url.appendingPathComponent("0.cg").path], in: s.url.path)
        #expect(r.status != 0 && !FileManager.default.fileExists(atPath: out))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
