/// Generated hostile YAML for the limit tests.
enum HostileYAML {
    /// A "billion laughs" document: nine levels, each repeating the previous one `fanOut` times.
    static func aliasBomb(fanOut: Int = 9) -> String {
        var yaml = "a: &a [" + Array(repeating: "\"lol\"", count: fanOut).joined(separator: ", ") + "]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: fanOut).joined(separator: ", ") + "]\n"
            previous = name
        }
        return yaml
    }
}
