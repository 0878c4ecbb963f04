// swift-tools-version:6.0
import PackageDescription

/// Release builds on Linux put each function of Folio's own code in a section of its own, so that the
/// link can lay out the code a build runs together (`Sources/folio/link-order.txt`).
let codeByUse = SwiftSetting.unsafeFlags(["-Xfrontend", "-function-sections"], .when(platforms: [.linux], configuration: .release))

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .executable(name: "folio-serve", targets: ["folio-serve"]),
        .library(name: "FolioKit", targets: ["FolioKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // A per-thread bump arena that cmark-gfm allocates a chapter's parse from (CmarkParser).
        .target(name: "CParseArena"),
        // The two GNU posix_spawn file actions ProcessRunner needs (Swift's Glibc module leaves them out).
        .target(name: "CSpawn"),
        .target(
            name: "FolioKit",
            dependencies: ["CCmarkGFM", "CParseArena", "CSpawn", .product(name: "Yams", package: "Yams"),
                           .product(name: "HashTreeCollections", package: "swift-collections")],
            swiftSettings: [codeByUse],
            // Link the fixed parser statically, so the binary carries it wherever it is copied.
            linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libcmark-gfm-extensions.a", "-Xlinker", "-l:libcmark-gfm.a"])]
        ),
        // The live preview (folio serve): an HTTP server over FolioKit, kept out of the library and out
        // of the folio executable (it loads FoundationNetworking); `folio serve` runs `folio-serve`.
        .target(
            name: "FolioServe",
            dependencies: ["FolioKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // The release folio has the Swift runtime and Foundation linked in: calls into them skip the
        // shared libraries' indirection, and nothing is relocated at start (docs/PERFORMANCE.md).
        // folio-serve keeps them shared: FoundationNetworking would need libcurl's static library.
        // It also lays out the code a build runs together (scripts/link-order, docs/PERFORMANCE.md), which
        // takes gold's --section-ordering-file: gold is named rather than left to the driver's default.
        .executableTarget(
            name: "folio",
            dependencies: ["FolioKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["link-order.txt"],
            swiftSettings: [codeByUse],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-lswiftSynchronization", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims",
                                            "-l_FoundationCollections", "-lstdc++", "-use-ld=gold",
                                            "-Xlinker", "--section-ordering-file=\(Context.packageDirectory)/Sources/folio/link-order.txt"],
                                           .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(
            name: "folio-serve",
            dependencies: ["FolioKit", "FolioServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "FolioKitTests",
            dependencies: ["FolioKit", "FolioServe", "CParseArena", "folio", "folio-serve", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures", "Support/live_preview.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
