/// Roman numerals for parts.
public enum RomanNumeral {
    public static func string(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var out = ""
        for (value, symbol) in table {
            while rest >= value { out += symbol; rest -= value }
        }
        return out
    }

    /// Whether `s` is a Roman numeral of a part or list, I to XCIX (larger ones, such as CD or DC,
    /// are more often acronyms).
    public static func isNumeral(_ s: String) -> Bool {
        s.count <= 8 && all.contains(s)
    }

    private static let all: Set<String> = Set((1..<100).map(string))
}

/// Letters for appendices: A...Z, then AA, AB... as LaTeX's \Alph cannot go past Z.
public enum AppendixLetter {
    public static func string(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        var rest = n
        var out = ""
        while rest > 0 {
            rest -= 1
            out = String(UnicodeScalar(UInt8(65 + rest % 26))) + out
            rest /= 26
        }
        return out
    }
}
