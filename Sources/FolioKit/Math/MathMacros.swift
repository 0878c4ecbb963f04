/// The manifest's `math-macros:` (`R: \mathbb{R}`, `norm: \left\lVert #1 \right\rVert`), what
/// `\newcommand` and `\DeclareMathOperator` give a LaTeX paper: each use in math is replaced by its
/// body before the math is checked and written, so the HTML's MathML and the PDF read the same TeX.
public struct MathMacro: Hashable, Sendable {
    public var body: String
    /// How many arguments `#1`…`#9` the body takes.
    public var arguments: Int
    public var location: SourceLocation

    public init(body: String, location: SourceLocation) {
        self.body = body
        self.location = location
        var highest = 0
        var previous: Character?
        for ch in body {
            if previous == "#", let n = ch.wholeNumberValue, n >= 1 { highest = max(highest, n) }
            previous = ch
        }
        arguments = highest
    }
}

enum MathMacros {
    /// Expansions stop here: a macro that uses itself, directly or not, is reported rather than followed.
    static let maxRounds = 32
    static let maxBytes = 64 << 10

    /// The TeX with every macro replaced, or nil when expansion does not end within the bounds.
    static func expand(_ tex: String, _ macros: [String: MathMacro]) -> String? {
        guard !macros.isEmpty, tex.contains("\\") else { return tex }
        var current = tex
        for _ in 0..<maxRounds {
            guard let (next, changed) = once(current, macros) else { return nil }
            if !changed { return current }
            current = next
        }
        return nil
    }

    /// One pass: each use of a macro replaced by its body (whose own uses wait for the next pass).
    /// Nil as soon as the result would pass `maxBytes`, so a long body used many times never fills memory.
    private static func once(_ tex: String, _ macros: [String: MathMacro]) -> (String, Bool)? {
        let c = Array(tex)
        var out = ""
        var changed = false
        var i = 0
        while i < c.count {
            guard c[i] == "\\", i + 1 < c.count else { out.append(c[i]); i += 1; continue }
            guard c[i + 1].isLetter else {
                out.append(c[i]); out.append(c[i + 1]); i += 2
                continue
            }
            var j = i + 1
            while j < c.count, c[j].isLetter { j += 1 }
            let name = String(c[(i + 1)..<j])
            guard let macro = macros[name] else {
                out += "\\" + name
                i = j
                continue
            }
            var args: [String] = []
            var k = j
            for _ in 0..<macro.arguments {
                while k < c.count, c[k] == " " { k += 1 }
                guard k < c.count else { break }
                if c[k] == "{" {
                    var depth = 0
                    var e = k
                    while e < c.count {
                        if c[e] == "{" { depth += 1 } else if c[e] == "}" { depth -= 1; if depth == 0 { break } }
                        e += 1
                    }
                    args.append(String(c[(k + 1)..<min(e, c.count)]))
                    k = min(e + 1, c.count)
                } else if c[k] == "\\" {
                    var e = k + 1
                    if e < c.count, c[e].isLetter { while e < c.count, c[e].isLetter { e += 1 } } else { e += 1 }
                    args.append(String(c[k..<min(e, c.count)]))
                    k = min(e, c.count)
                } else {
                    args.append(String(c[k]))
                    k += 1
                }
            }
            var body = ""
            let b = Array(macro.body)
            var m = 0
            while m < b.count, body.utf8.count <= maxBytes {
                if b[m] == "#", m + 1 < b.count, let n = b[m + 1].wholeNumberValue, n >= 1 {
                    body += n <= args.count ? args[n - 1] : ""
                    m += 2
                } else {
                    body.append(b[m])
                    m += 1
                }
            }
            // Braced, so that `\R^2` stays `{\mathbb{R}}^2`; a letter after the body stays apart.
            out += "{" + body + "}"
            guard out.utf8.count <= maxBytes else { return nil }
            changed = true
            i = k
        }
        return (out, changed)
    }
}
