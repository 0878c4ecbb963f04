/// Conversion of `\begin{…}…\end{…}` environments to `<mtable>` and of `\text{…}` to `<mtext>`.
extension MathMLParser {
    static let alignedEnvironments: Set<String> = ["aligned", "split", "gathered"]

    /// An environment after `\begin` was consumed; unknown ones are laid out as tables and reported.
    mutating func parseEnvironment() -> String {
        guard let name = readEnvironmentName() else { return error("\\begin") }
        let known = MathMLSymbols.matrixFences[name] != nil || Self.alignedEnvironments.contains(name)
            || name == "cases" || name == "array"
        if !known { report("\\begin{" + name + "}") }
        if ["aligned", "gathered", "array"].contains(name) { skipOptionalBracket() }
        var arrayColumns: [String] = []
        if name == "array" {
            if let columns = readColumnSpec() { arrayColumns = columns } else { report("\\begin{array}") }
        }
        let saved = displayStyle
        displayStyle = Self.alignedEnvironments.contains(name)
        let rows = parseRows(of: name)
        displayStyle = saved

        let columns = max(1, rows.map(\.count).max() ?? 1)
        var alignment: [String] = []
        switch name {
        case "aligned", "split": alignment = (0..<columns).map { $0 % 2 == 0 ? "right" : "left" }
        case "cases": alignment = Array(repeating: "left", count: columns)
        case "array": alignment = arrayColumns
        default: break
        }
        var attributes = Self.alignedEnvironments.contains(name) ? " displaystyle=\"true\"" : ""
        if !alignment.isEmpty { attributes += " columnalign=\"" + alignment.joined(separator: " ") + "\"" }
        var table = "<mtable" + attributes + ">"
        for cells in rows {
            table += "<mtr>"
            for cell in cells { table += "<mtd>" + cell.joined() + "</mtd>" }
            table += "</mtr>"
        }
        table += "</mtable>"
        if name == "cases" { return "<mrow>" + fence("{") + table + "</mrow>" }
        if let fences = MathMLSymbols.matrixFences[name], !fences.open.isEmpty {
            return "<mrow>" + fence(fences.open) + table + fence(fences.close) + "</mrow>"
        }
        return table
    }

    /// Cells split at `&` and rows at `\\`, up to and including `\end{name}`.
    mutating func parseRows(of name: String) -> [[[String]]] {
        var rows: [[[String]]] = []
        var cells: [[String]] = []
        var closed = false
        while pos < tokens.count {
            cells.append(parseList { $0 == .alignment || $0 == .command("\\") || $0 == .command("end") })
            guard pos < tokens.count else { break }
            let kind = tokens[pos].kind
            pos += 1
            if kind == .alignment { continue }
            if kind == .command("\\") {
                rows.append(cells)
                cells = []
                if pos < tokens.count, tokens[pos].kind == .char("*") { pos += 1 }
                skipOptionalBracket()
                continue
            }
            let end = readEnvironmentName()
            if end != name { report("\\end{" + (end ?? "") + "}") }
            closed = true
            break
        }
        if !closed { report("\\begin{" + name + "}") }
        // A trailing `\\` leaves one empty cell, which is not a row.
        if !(cells.count == 1 && cells.first?.isEmpty == true && !rows.isEmpty) || cells.count > 1 {
            rows.append(cells)
        }
        return rows
    }

    /// `{name}` after `\begin` or `\end`; the position is unchanged when it is not there.
    mutating func readEnvironmentName() -> String? {
        let start = pos
        skipSpaces()
        guard pos < tokens.count, tokens[pos].kind == .open else {
            pos = start
            return nil
        }
        var name = ""
        var j = pos + 1
        while j < tokens.count, case .char(let c) = tokens[j].kind, TeXTokenizer.isLetter(c) || c == "*" {
            name.unicodeScalars.append(c)
            j += 1
        }
        guard !name.isEmpty, j < tokens.count, tokens[j].kind == .close else {
            pos = start
            return nil
        }
        pos = j + 1
        return name
    }

    /// Skips an optional `[…]` argument (`\\[2pt]`, `\begin{aligned}[t]`) if one follows.
    mutating func skipOptionalBracket() {
        let start = pos
        skipSpaces()
        guard pos < tokens.count, tokens[pos].kind == .char("[") else {
            pos = start
            return
        }
        var level = 0
        var j = pos + 1
        while j < tokens.count {
            switch tokens[j].kind {
            case .open: level += 1
            case .close:
                if level == 0 {
                    pos = start
                    return
                }
                level -= 1
            case .char("]") where level == 0:
                pos = j + 1
                return
            default: break
            }
            j += 1
        }
        pos = start
    }

    /// The column alignments of `array` (`{lcr}`, rules ignored), or nil if it holds anything else.
    mutating func readColumnSpec() -> [String]? {
        skipSpaces()
        guard pos < tokens.count, tokens[pos].kind == .open else { return nil }
        var columns: [String] = []
        var j = pos + 1
        while j < tokens.count {
            switch tokens[j].kind {
            case .close:
                pos = j + 1
                return columns
            case .space, .char("|"): break
            case .char("l"): columns.append("left")
            case .char("c"): columns.append("center")
            case .char("r"): columns.append("right")
            default: return nil
            }
            j += 1
        }
        return nil
    }

    /// `\text{…}` and its relatives as `<mtext>`, without recursion however deep its braces go.
    mutating func parseText(variant: String, name: String) -> String {
        skipSpaces()
        guard pos < tokens.count else { return error(name) }
        var pieces: [String] = []
        var text = ""
        switch tokens[pos].kind {
        case .char(let c):
            pos += 1
            text.unicodeScalars.append(c)
        case .open:
            pos += 1
            var level = 1
            while pos < tokens.count, level > 0 {
                let kind = tokens[pos].kind
                pos += 1
                var problem: String?
                switch kind {
                case .open: level += 1
                case .close: level -= 1
                case .space: text += " "
                case .char("~"): text += "\u{A0}"
                case .char(let c) where c == "$" || c == "%" || c == "#": problem = String(Character(c))
                case .char(let c): text.unicodeScalars.append(c)
                case .sup: problem = "^"
                case .sub: problem = "_"
                case .alignment: problem = "&"
                case .command(let command):
                    if let s = Self.textSymbols[command] {
                        text += s
                    } else if MathMLSymbols.spaces[command] != nil {
                        text += command == "quad" ? "\u{2003}" : command == "qquad" ? "\u{2003}\u{2003}" : command.hasPrefix("neg") || command == "!" ? "" : " "
                    } else if MathMLSymbols.textCommands[command] == nil {
                        problem = "\\" + command
                    }
                }
                if let problem {
                    if !text.isEmpty { pieces.append(textElement(text, variant: variant)) }
                    text = ""
                    pieces.append(error(problem))
                }
            }
            if level > 0 { report("{") }
        default:
            return error(name)
        }
        if !text.isEmpty || pieces.isEmpty { pieces.append(textElement(text, variant: variant)) }
        return row(pieces)
    }

    static let textSymbols: [String: String] = [
        " ": " ", "{": "{", "}": "}", "_": "_", "&": "&", "$": "$", "%": "%", "#": "#",
    ]

    /// An `<mtext>` with whitespace collapsed and its outer spaces made non-breaking, so they survive.
    func textElement(_ text: String, variant: String) -> String {
        var collapsed = ""
        var lastWasSpace = false
        for c in text.unicodeScalars {
            if c == " " {
                if !lastWasSpace { collapsed += " " }
                lastWasSpace = true
            } else {
                collapsed.unicodeScalars.append(c)
                lastWasSpace = false
            }
        }
        if collapsed.hasPrefix(" ") { collapsed = "\u{A0}" + collapsed.dropFirst() }
        if collapsed.hasSuffix(" ") { collapsed = collapsed.dropLast() + "\u{A0}" }
        return element("mtext", collapsed, variant: variant.isEmpty ? nil : variant)
    }
}
