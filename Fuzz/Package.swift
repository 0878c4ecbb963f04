// swift-tools-version:6.0
// libFuzzer targets for Folio. Built by `make fuzz` with `--sanitize fuzzer --sanitize address`;
// not part of the main package, because each target's `main` comes from libFuzzer.
import PackageDescription

let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "FolioFuzz",
    dependencies: [.package(name: "Folio", path: "..")],
    targets: ["FuzzMarkdown", "FuzzYAML", "FuzzAttributes", "FuzzBibliography"].map { name in
        .executableTarget(name: name, dependencies: [.product(name: "FolioKit", package: "Folio")], swiftSettings: fuzzFlags)
    },
    swiftLanguageModes: [.v6]
)
