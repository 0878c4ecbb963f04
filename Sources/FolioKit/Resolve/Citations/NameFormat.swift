/// How names are written in citations and bibliographies.
enum NameFormat {
    /// "van der Berg" (the particle stays with the family name, as BibTeX styles print it).
    static func family(_ n: Reference.Name) -> String {
        if n.isCorporate { return n.literal }
        return [n.particle, n.family].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "Wei Ming Tan", "Jean de la Fontaine Jr."
    static func natural(_ n: Reference.Name) -> String {
        if n.isCorporate { return n.literal }
        let main = [n.given, n.particle, n.family].filter { !$0.isEmpty }.joined(separator: " ")
        return n.suffix.isEmpty ? main : main + " " + n.suffix
    }

    /// "Tan, Wei Ming", "de la Fontaine, Jean, Jr."
    static func inverted(_ n: Reference.Name) -> String {
        if n.isCorporate { return n.literal }
        var s = family(n)
        if !n.given.isEmpty { s += ", " + n.given }
        if !n.suffix.isEmpty { s += ", " + n.suffix }
        return s
    }

    /// "W. M. Tan", "J.-L. Picard" (IEEE).
    static func initials(_ n: Reference.Name) -> String {
        if n.isCorporate { return n.literal }
        let given = n.given.split(separator: " ").map { word -> String in
            word.split(separator: "-").map { part -> String in
                guard let f = part.first else { return "" }
                return part.count == 2 && part.last == "." ? String(part) : "\(f)."
            }.joined(separator: "-")
        }.joined(separator: " ")
        let main = [given, n.particle, n.family].filter { !$0.isEmpty }.joined(separator: " ")
        return n.suffix.isEmpty ? main : main + ", " + n.suffix
    }

    /// Joins names: "A", "A and B", "A, B, and C" (serial comma).
    static func join(_ names: [String], and: String = "and", serialComma: Bool = true) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return "\(names[0]) \(and) \(names[1])"
        default:
            return names.dropLast().joined(separator: ", ") + (serialComma ? ", " : " ") + "\(and) " + (names.last ?? "")
        }
    }

    /// Names for a citation: "Tan", "Tan and Smith", "Tan, Smith, and Kumar", "Tan et al." (four or more).
    static func short(_ list: [Reference.Name]) -> String {
        let real = list.filter { !$0.isOthers }
        guard let first = real.first else { return "" }
        if real.count >= 4 || list.contains(where: \.isOthers) { return family(first) + " et al." }
        return join(real.map(family))
    }

    /// Chicago bibliography: first name inverted, the rest natural; more than ten: seven then "et al."
    static func bibliography(_ list: [Reference.Name]) -> String {
        var real = list.filter { !$0.isOthers }
        var etAl = list.contains(where: \.isOthers)
        if real.count > 10 {
            real = Array(real.prefix(7))
            etAl = true
        }
        guard let first = real.first else { return "" }
        let names = [inverted(first)] + real.dropFirst().map(natural)
        if etAl { return names.joined(separator: ", ") + ", et al." }
        // The first name is inverted, so even two names take a comma: "Tan, Wei Ming, and John Smith".
        if names.count == 2, !first.isCorporate { return "\(names[0]), and \(names[1])" }
        return join(names)
    }

    /// Chicago notes: natural order; four or more: "Wei Ming Tan et al."
    static func note(_ list: [Reference.Name]) -> String {
        let real = list.filter { !$0.isOthers }
        guard let first = real.first else { return "" }
        if real.count >= 4 || list.contains(where: \.isOthers) { return natural(first) + " et al." }
        return join(real.map(natural))
    }

    /// IEEE: initials; seven or more: first then "et al."
    static func ieee(_ list: [Reference.Name]) -> String {
        let real = list.filter { !$0.isOthers }
        guard let first = real.first else { return "" }
        if real.count >= 7 || list.contains(where: \.isOthers) { return initials(first) + " et al." }
        return join(real.map(initials), serialComma: real.count > 2)
    }

    /// The sort key of a name list: family names, then given names.
    static func sortKey(_ list: [Reference.Name]) -> String {
        let key = list.filter { !$0.isOthers }.map { n in
            n.isCorporate ? n.literal : [n.family, n.particle, n.given].joined(separator: " ")
        }.joined(separator: " ; ")
        // ASCII folds by lowering its letters; only other text needs Foundation's folding (and ICU's
        // tables, which an all-ASCII bibliography then never pages in).
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: key.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return key.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

import Foundation
