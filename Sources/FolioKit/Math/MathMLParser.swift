/// Recursive-descent translation of TeX math tokens to MathML, with nesting capped so no input can
/// exhaust the stack.
struct MathMLParser {
    /// Each level adds at most four elements (`mrow mtable mtr mtd`), so the output stays under the
    /// 256 levels XML parsers such as libxml2 accept and the 512 at which browsers flatten the tree.
    static let maxDepth = 60

    /// Where an operator's limits go.
    enum Limits { case none, displayLimits, side, under }

    /// One converted element and, for operators, where its limits go.
    struct Atom {
        var xml: String
        var limits: Limits = .none
    }

    let tokens: [TeXToken]
    let display: Bool
    var pos = 0
    var depth = 0
    var aborted = false
    var unsupported: [String] = []
    /// The `mathvariant` set by an enclosing font command.
    var font: String?
    /// Whether the current style is display style (decides where `\sum` limits go).
    var displayStyle: Bool

    init(tokens: [TeXToken], display: Bool) {
        self.tokens = tokens
        self.display = display
        self.displayStyle = display
    }

    mutating func parseFormula() -> String {
        parseList { _ in false }.joined()
    }

    // MARK: Lists, atoms, scripts

    /// Parses atoms until `stop` matches the next token (left in place) or the input ends.
    mutating func parseList(until stop: (TeXToken.Kind) -> Bool) -> [String] {
        var items: [String] = []
        var styleMarks: [(start: Int, attributes: String)] = []
        let savedStyle = displayStyle
        while pos < tokens.count {
            let kind = tokens[pos].kind
            if stop(kind) { break }
            switch kind {
            case .space:
                pos += 1
            case .sup, .sub, .char("'"):
                items.append(parseScripts(Atom(xml: "<mrow></mrow>")))
            case .command(let name) where MathMLSymbols.styles[name] != nil:
                pos += 1
                styleMarks.append((items.count, MathMLSymbols.styles[name] ?? ""))
                displayStyle = name == "displaystyle"
            default:
                let atom = parseAtom()
                items.append(parseScripts(atom))
            }
        }
        displayStyle = savedStyle
        for mark in styleMarks.reversed() where mark.start <= items.count {
            let inner = items[mark.start...].joined()
            items.removeSubrange(mark.start...)
            items.append("<mstyle " + mark.attributes + ">" + inner + "</mstyle>")
        }
        return items
    }

    /// Parses one atom: a character, a number, a brace group or a command with its arguments.
    mutating func parseAtom() -> Atom {
        guard pos < tokens.count else { return Atom(xml: "<mrow></mrow>") }
        guard enter() else { return Atom(xml: nestingError()) }
        defer { depth -= 1 }
        let kind = tokens[pos].kind
        pos += 1
        switch kind {
        case .char(let c): return parseChar(c)
        case .open: return Atom(xml: "<mrow>" + parseGroupBody().joined() + "</mrow>")
        case .close: return Atom(xml: error("}"))
        case .alignment: return Atom(xml: error("&"))
        case .sup: return Atom(xml: error("^"))
        case .sub: return Atom(xml: error("_"))
        case .space: return Atom(xml: "<mrow></mrow>")
        case .command(let name): return parseCommand(name)
        }
    }

    /// Parses the inside of a brace group whose `{` was consumed, and its `}`.
    mutating func parseGroupBody() -> [String] {
        var items = parseList { $0 == .close }
        if pos < tokens.count {
            pos += 1
        } else {
            items.append(error("{"))
        }
        return items
    }

    /// Attaches any primes, sub- and superscripts (and `\limits`) that follow `base`.
    mutating func parseScripts(_ base: Atom) -> String {
        var limits = base.limits
        var sub: String?
        var sup: String?
        var primes = 0
        scan: while true {
            skipSpaces()
            guard pos < tokens.count else { break }
            switch tokens[pos].kind {
            case .command("limits") where base.limits != .none:
                limits = .under
                pos += 1
            case .command("nolimits") where base.limits != .none:
                limits = .side
                pos += 1
            case .char("'") where sup == nil:
                primes += 1
                pos += 1
            case .sup where sup == nil:
                pos += 1
                sup = scriptArgument("^")
            case .sub where sub == nil:
                pos += 1
                sub = scriptArgument("_")
            default:
                break scan
            }
        }
        if primes > 0 {
            let marks = ["′", "″", "‴"]
            let prime = "<mo>" + (primes <= marks.count ? marks[primes - 1] : String(repeating: "′", count: primes)) + "</mo>"
            sup = sup.map { "<mrow>" + prime + $0 + "</mrow>" } ?? prime
        }
        let under = limits == .under || (limits == .displayLimits && displayStyle)
        switch (sub, sup) {
        case let (sub?, sup?):
            return under ? "<munderover>" + base.xml + sub + sup + "</munderover>"
                : "<msubsup>" + base.xml + sub + sup + "</msubsup>"
        case let (sub?, nil):
            return under ? "<munder>" + base.xml + sub + "</munder>" : "<msub>" + base.xml + sub + "</msub>"
        case let (nil, sup?):
            return under ? "<mover>" + base.xml + sup + "</mover>" : "<msup>" + base.xml + sup + "</msup>"
        case (nil, nil):
            return base.xml
        }
    }

    mutating func scriptArgument(_ name: String) -> String {
        let saved = displayStyle
        displayStyle = false
        defer { displayStyle = saved }
        return parseArgument(for: name)
    }

    /// One character: a number (digits with one decimal point), a letter, an operator or a space.
    mutating func parseChar(_ c: Unicode.Scalar) -> Atom {
        if ("0"..."9").contains(c) {
            var number = String(Character(c))
            var seenPoint = false
            while pos < tokens.count, case .char(let d) = tokens[pos].kind {
                if ("0"..."9").contains(d) {
                    number.unicodeScalars.append(d)
                    pos += 1
                } else if d == ".", !seenPoint, pos + 1 < tokens.count, case .char(let e) = tokens[pos + 1].kind,
                          ("0"..."9").contains(e) {
                    seenPoint = true
                    number += "."
                    pos += 1
                } else {
                    break
                }
            }
            return Atom(xml: element("mn", number, variant: font))
        }
        switch c {
        case "~": return Atom(xml: "<mspace width=\"0.3333em\"/>")
        case "'": return Atom(xml: "<mo>′</mo>")
        case "%", "#", "$": return Atom(xml: error(String(Character(c))))
        default: break
        }
        if c.value < 0x20 || c.value == 0x7F {
            return Atom(xml: error("U+" + String(c.value, radix: 16, uppercase: true)))
        }
        if let op = MathMLSymbols.operatorChars[c] {
            return Atom(xml: operatorElement(op))
        }
        let text = String(Character(c))
        if c.properties.isAlphabetic { return Atom(xml: element("mi", text, variant: font)) }
        if c.properties.numericType != nil { return Atom(xml: element("mn", text, variant: font)) }
        return Atom(xml: element("mo", text))
    }

    // MARK: Arguments

    /// Parses a command's argument (a brace group or one token) into its items.
    mutating func parseArgumentItems(for name: String) -> [String] {
        skipSpaces()
        guard pos < tokens.count else { return [error(name)] }
        switch tokens[pos].kind {
        case .open:
            guard enter() else { return [nestingError()] }
            defer { depth -= 1 }
            pos += 1
            return parseGroupBody()
        case .close, .alignment, .command("\\"), .command("end"), .command("right"), .command("middle"):
            return [error(name)]
        default:
            return [parseAtom().xml]
        }
    }

    mutating func parseArgument(for name: String) -> String {
        row(parseArgumentItems(for: name))
    }

    // MARK: Helpers

    func row(_ items: [String]) -> String {
        items.count == 1 ? items[0] : "<mrow>" + items.joined() + "</mrow>"
    }

    mutating func skipSpaces() {
        while pos < tokens.count, tokens[pos].kind == .space { pos += 1 }
    }

    /// Enters one nesting level; past the cap, records `nesting` and abandons the rest of the input.
    mutating func enter() -> Bool {
        if depth >= Self.maxDepth {
            report("nesting")
            aborted = true
            pos = tokens.count
            return false
        }
        depth += 1
        return true
    }

    func nestingError() -> String { "<merror><mtext>nesting</mtext></merror>" }

    mutating func report(_ name: String) {
        if !aborted, !unsupported.contains(name) { unsupported.append(name) }
    }

    /// Records `name` as unsupported and returns the `<merror>` shown in its place.
    mutating func error(_ name: String) -> String {
        report(name)
        return "<merror><mtext>" + MathMLConverter.xmlEscape(name) + "</mtext></merror>"
    }

    func element(_ tag: String, _ text: String, variant: String? = nil) -> String {
        let attribute = variant.map { " mathvariant=\"" + $0 + "\"" } ?? ""
        return "<" + tag + attribute + ">" + MathMLConverter.xmlEscape(text) + "</" + tag + ">"
    }

    /// An operator; delimiters written without `\left`/`\right` do not stretch, as in TeX.
    func operatorElement(_ text: String) -> String {
        MathMLSymbols.fenceChars.contains(text)
            ? "<mo stretchy=\"false\">" + MathMLConverter.xmlEscape(text) + "</mo>"
            : element("mo", text)
    }

    func fence(_ text: String) -> String {
        "<mo fence=\"true\" stretchy=\"true\">" + MathMLConverter.xmlEscape(text) + "</mo>"
    }
}
