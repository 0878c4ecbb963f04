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
    @Test func theGeneratorListsWhatRanInItsOrder() throws {
        let s = try Scratch()
        defer { s.remove() }
        let kit = "/w/.build/release/FolioKit.build/A.swift.o", lib = "/opt/libswiftCore.a(Swift.o)"
        try s.write("folio.map", """
            Memory map

            .text           0x0000000000001000  0x1000
             .text          0x0000000000001000       0x20 \(kit)
             .text.$s8FolioKit4coldyyF
                            0x0000000000001100       0x40 \(kit)
                            0x0000000000001100                $s8FolioKit4coldyyF
             .text.$s8FolioKit3hotyyF
                            0x0000000000001200       0x40 \(kit)
             .text.$s8FolioKit5startyyF
                            0x0000000000001300       0x40 \(kit)
             .text.$ss6stdlibyyF
                            0x0000000000001400       0x40 \(lib)
             .text.folio_main
                            0x0000000000001500       0x20 /w/.build/release/folio.build/main.swift.o
            .fini           0x0000000000002000        0x9

            """)
        // The first run starts the program; the second builds (and runs `start` again).
        try s.write("0.cg", "events: Ir\nob=(1) /tmp/folio-run\nfn=(1) main\n0x1500 1\n+4 1\nfn=(2) start\n0x1300 2\n")
        try s.write("1.cg", """
            events: Ir
            ob=(1) /tmp/folio-run
            fn=(1) hot
            0x1210 5
            cob=(2) /lib/libc.so.6
            cfn=(3) memcpy
            calls=1 0x9999
            0x1220 7
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
        // `cold` is at 0x1100 only in libc's numbering, the standard library is not ours, and the
        // object's plain `.text` is never named (it would move every object's).
        #expect(order == [".text.$s8FolioKit5startyyF", ".text.folio_main", ".text.$s8FolioKit3hotyyF"])
    }
}
