/// Conversion of TeX control sequences: symbols, fonts, accents, fractions, roots and delimiters.
extension MathMLParser {
    mutating func parseCommand(_ name: String) -> Atom {
        typealias S = MathMLSymbols
        if let c = S.identifiers[name] { return Atom(xml: element("mi", c, variant: font)) }
        if let c = S.uprightIdentifiers[name] { return Atom(xml: element("mi", c, variant: font ?? "normal")) }
        if let c = S.operators[name] { return Atom(xml: element("mo", c)) }
        if let c = S.delimiterCommands[name] { return Atom(xml: operatorElement(c)) }
        if let op = S.bigOperators[name] { return Atom(xml: element("mo", op.symbol), limits: op.sideLimits ? .side : .displayLimits) }
        if S.functions.contains(name) { return Atom(xml: element("mi", name)) }
        if let text = S.limitFunctions[name] { return Atom(xml: element("mi", text), limits: .displayLimits) }
        if let width = S.spaces[name] { return Atom(xml: "<mspace width=\"" + width + "\"/>") }
        if let variant = S.fonts[name] {
            let saved = font
            font = variant
            defer { font = saved }
            return Atom(xml: parseArgument(for: "\\" + name))
        }
        if let variant = S.textCommands[name] { return Atom(xml: parseText(variant: variant, name: "\\" + name)) }
        if let accent = S.accents[name] { return Atom(xml: parseAccent(accent, name: "\\" + name)) }
        if let fraction = S.fractions[name] { return Atom(xml: parseFraction(fraction, name: "\\" + name)) }
        if let size = S.bigSizes[name] {
            guard let d = readDelimiter() else { return Atom(xml: error("\\" + name)) }
            return Atom(xml: "<mo stretchy=\"true\" minsize=\"" + size + "\" maxsize=\"" + size + "\">"
                + MathMLConverter.xmlEscape(d) + "</mo>")
        }
        switch name {
        case "sqrt": return Atom(xml: parseRoot())
        case "left": return Atom(xml: parseLeftRight())
        case "begin": return Atom(xml: parseEnvironment())
        case "operatorname": return parseOperatorName()
        case "overset", "stackrel", "underset":
            let script = scriptArgument("\\" + name)
            let base = parseArgument(for: "\\" + name)
            return Atom(xml: name == "underset" ? "<munder>" + base + script + "</munder>" : "<mover>" + base + script + "</mover>")
        case "phantom": return Atom(xml: "<mphantom>" + parseArgument(for: "\\phantom") + "</mphantom>")
        case "not": return Atom(xml: parseNot())
        default: return Atom(xml: error("\\" + name))
        }
    }

    mutating func parseAccent(_ accent: (mark: String, wide: Bool, under: Bool), name: String) -> String {
        let base = parseArgument(for: name)
        let mark = MathMLConverter.xmlEscape(accent.mark)
        let stretchy = accent.wide ? "true" : "false"
        if accent.under {
            return "<munder accentunder=\"true\">" + base + "<mo stretchy=\"" + stretchy + "\">" + mark + "</mo></munder>"
        }
        return "<mover accent=\"true\">" + base + "<mo stretchy=\"" + stretchy + "\">" + mark + "</mo></mover>"
    }

    mutating func parseFraction(_ fraction: (style: String?, binomial: Bool), name: String) -> String {
        let saved = displayStyle
        displayStyle = false
        let numerator = parseArgument(for: name)
        let denominator = parseArgument(for: name)
        displayStyle = saved
        var xml = (fraction.binomial ? "<mfrac linethickness=\"0\">" : "<mfrac>") + numerator + denominator + "</mfrac>"
        if fraction.binomial { xml = "<mrow>" + fence("(") + xml + fence(")") + "</mrow>" }
        if let style = fraction.style {
            xml = "<mstyle displaystyle=\"" + style + "\" scriptlevel=\"0\">" + xml + "</mstyle>"
        }
        return xml
    }

    /// `\sqrt{x}` or `\sqrt[n]{x}`.
    mutating func parseRoot() -> String {
        skipSpaces()
        guard pos < tokens.count, tokens[pos].kind == .char("[") else {
            return "<msqrt>" + parseArgumentItems(for: "\\sqrt").joined() + "</msqrt>"
        }
        pos += 1
        let saved = displayStyle
        displayStyle = false
        let index = parseList { $0 == .char("]") || $0 == .close }
        displayStyle = saved
        if pos < tokens.count, tokens[pos].kind == .char("]") {
            pos += 1
        } else {
            report("\\sqrt")
        }
        let base = parseArgument(for: "\\sqrt")
        return "<mroot>" + base + row(index) + "</mroot>"
    }

    /// `\left` delimiter … (`\middle` delimiter …) `\right` delimiter, after `\left` was consumed.
    mutating func parseLeftRight() -> String {
        guard let open = readDelimiter() else { return error("\\left") }
        var inner: [String] = []
        var close: String?
        while pos < tokens.count {
            inner += parseList { $0 == .command("right") || $0 == .command("middle") }
            guard pos < tokens.count else { break }
            let isMiddle = tokens[pos].kind == .command("middle")
            pos += 1
            if isMiddle {
                if let d = readDelimiter() {
                    inner.append("<mo stretchy=\"true\">" + MathMLConverter.xmlEscape(d) + "</mo>")
                } else {
                    inner.append(error("\\middle"))
                }
                continue
            }
            if let d = readDelimiter() {
                close = d
            } else {
                report("\\right")
                close = ""
            }
            break
        }
        if close == nil { report("\\left") }
        return "<mrow>" + fence(open) + inner.joined() + fence(close ?? "") + "</mrow>"
    }

    /// Reads the delimiter after `\left`, `\right`, `\middle` or `\big`; `.` is the empty one.
    mutating func readDelimiter() -> String? {
        skipSpaces()
        guard pos < tokens.count else { return nil }
        switch tokens[pos].kind {
        case .char(let c):
            guard let d = MathMLSymbols.delimiterChars[c] else { return nil }
            pos += 1
            return d
        case .command(let name):
            guard let d = MathMLSymbols.delimiterCommands[name] else { return nil }
            pos += 1
            return d
        default:
            return nil
        }
    }

    /// `\operatorname{name}` as one upright identifier; `\operatorname*` takes limits like `\lim`.
    mutating func parseOperatorName() -> Atom {
        var limits = Limits.none
        if pos < tokens.count, tokens[pos].kind == .char("*") {
            limits = .displayLimits
            pos += 1
        }
        if let word = plainWord() {
            let xml = word.unicodeScalars.count == 1 ? element("mi", word, variant: "normal") : element("mi", word)
            return Atom(xml: xml, limits: limits)
        }
        let saved = font
        font = "normal"
        defer { font = saved }
        return Atom(xml: parseArgument(for: "\\operatorname"), limits: limits)
    }

    /// A brace group holding only letters, digits, `-`, `.` and spaces, as one string.
    mutating func plainWord() -> String? {
        skipSpaces()
        guard pos < tokens.count, tokens[pos].kind == .open else { return nil }
        var word = ""
        var j = pos + 1
        while j < tokens.count {
            switch tokens[j].kind {
            case .close:
                pos = j + 1
                return word
            case .space:
                break
            case .command(let name) where MathMLSymbols.spaces[name] != nil:
                word += " "
            case .char(let c) where c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ".":
                word.unicodeScalars.append(c)
            default:
                return nil
            }
            j += 1
        }
        return nil
    }

    /// `\not` before a relation: the negated relation.
    mutating func parseNot() -> String {
        skipSpaces()
        guard pos < tokens.count else { return error("\\not") }
        let base: String
        switch tokens[pos].kind {
        case .char(let c):
            guard let op = MathMLSymbols.operatorChars[c] else { return error("\\not") }
            base = op
        case .command(let name):
            guard let op = MathMLSymbols.operators[name] else { return error("\\not") }
            base = op
        default:
            return error("\\not")
        }
        pos += 1
        let negated: [String: String] = [
            "=": "≠", "<": "≮", ">": "≯", "∈": "∉", "∋": "∌", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉",
            "≤": "≰", "≥": "≱", "≡": "≢", "∼": "≁", "≃": "≄", "≅": "≇", "≈": "≉", "∣": "∤", "∥": "∦",
        ]
        return element("mo", negated[base] ?? base + "\u{338}")
    }
}
