/// Generated hostile YAML for the limit tests.
enum HostileYAML {
    /// A "billion laughs" document: `levels` anchors, each repeating the previous one `fanOut` times.
    static func aliasBomb(fanOut: Int = 9, levels: Int = 9) -> String {
        var yaml = "l0: &l0 [" + Array(repeating: "\"lol\"", count: fanOut).joined(separator: ", ") + "]\n"
        for level in 1..<max(levels, 2) {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: fanOut).joined(separator: ", ") + "]\n"
        }
        return yaml
    }
}
