/// An output `folio build` can produce.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    case html, latex, pdf

    /// Parses `html,latex`, `all` and the like. Returns nil and the bad word when one is unknown.
    public static func parseList(_ text: String) -> Result<[OutputFormat], BadFormat> {
        var out: [OutputFormat] = []
        for word in text.split(separator: ",").map({ $0.trimmingWhitespace().lowercased() }) {
            if word == "all" {
                out += allCases
            } else if let f = OutputFormat(rawValue: word) {
                out.append(f)
            } else {
                return .failure(BadFormat(word: word))
            }
        }
        if out.contains(.pdf) { out.append(.latex) }
        var seen = Set<OutputFormat>()
        return .success(out.filter { seen.insert($0).inserted })
    }

    public struct BadFormat: Error, Sendable {
        public var word: String
    }
}

import Foundation
