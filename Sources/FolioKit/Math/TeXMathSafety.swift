/// Decides whether a formula's TeX source is safe to pass verbatim to LuaLaTeX: only allowlisted
/// commands and environments, balanced groups, and nothing that could leave math mode or run code.
public enum TeXMathSafety {
    /// The first reason `tex` must not reach LaTeX, with its byte offset, or nil if it is safe.
    public static func firstProblem(in tex: String) -> (message: String, offset: Int)? {
        let raw = rawProblem(in: tex)
        var checker = Checker(tokens: TeXTokenizer.tokenize(tex), length: tex.utf8.count)
        let structural = checker.run()
        switch (raw, structural) {
        case let (r?, s?): return r.offset <= s.offset ? r : s
        case let (r?, nil): return r
        case let (nil, s): return s
        }
    }

    /// Every command in `tex` outside the allowlist, in order of first use.
    public static func refusedCommands(in tex: String) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for token in TeXTokenizer.tokenize(tex) {
            guard case .command(let name) = token.kind, !name.isEmpty, name != "\\" else { continue }
            let known = TeXMathCommands.symbols.contains(name) || TeXMathCommands.switches.contains(name)
                || TeXMathCommands.withArguments[name] != nil || MathMLSymbols.bigSizes[name] != nil
                || ["left", "right", "middle", "begin", "end"].contains(name)
            if !known, seen.insert(name).inserted { out.append(name) }
        }
        return out
    }

    /// Byte-level problems TeX would see before tokenizing: `^^` escapes, control characters, blank lines.
    static func rawProblem(in tex: String) -> (message: String, offset: Int)? {
        var previous: UInt8 = 0
        var lastNewline: Int?
        for (offset, byte) in tex.utf8.enumerated() {
            if byte == UInt8(ascii: "^"), previous == UInt8(ascii: "^") {
                return ("the ^^ notation is not allowed in math", offset - 1)
            }
            switch byte {
            case UInt8(ascii: "\n"):
                if let lastNewline { return ("a blank line is not allowed in math", lastNewline) }
                lastNewline = offset
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                lastNewline = nil
                if byte < 0x20 || byte == 0x7F { return ("control characters are not allowed in math", offset) }
            }
            previous = byte
        }
        return nil
    }

    /// One pass over the tokens with a stack of open groups, environments and `\left`s.
    struct Checker {
        static let maxDepth = 100

        enum Frame {
            case group(pending: Int, owner: String)
            case environment(String)
            case left
        }

        typealias Problem = (message: String, offset: Int)

        let tokens: [TeXToken]
        let length: Int
        var stack: [(frame: Frame, offset: Int)] = []
        /// Arguments still owed once the group opening at a token index closes.
        var pendingAtOpen: [Int: (count: Int, owner: String)] = [:]

        init(tokens: [TeXToken], length: Int) {
            self.tokens = tokens
            self.length = length
        }

        mutating func run() -> Problem? {
            var i = 0
            while i < tokens.count {
                let token = tokens[i]
                if stack.count > Self.maxDepth {
                    return ("math nested deeper than \(Self.maxDepth) levels is not allowed", token.offset)
                }
                switch token.kind {
                case .space:
                    i += 1
                case .char(let c):
                    switch c {
                    case "%": return ("the comment character % is not allowed in math", token.offset)
                    case "#", "$": return ("the character \(c) is not allowed in math", token.offset)
                    default: i += 1
                    }
                case .open:
                    let pending = pendingAtOpen[i] ?? (0, "")
                    stack.append((.group(pending: pending.count, owner: pending.owner), token.offset))
                    i += 1
                case .close:
                    guard let top = stack.last else { return ("this } has no matching {", token.offset) }
                    guard case .group(let pending, let owner) = top.frame else {
                        return ("this } does not match " + describe(top.frame), token.offset)
                    }
                    stack.removeLast()
                    i += 1
                    if pending > 0, let problem = requireArguments(pending, owner: owner, from: i) { return problem }
                case .sup, .sub:
                    let owner = token.kind == .sup ? "the superscript ^" : "the subscript _"
                    i += 1
                    if let problem = requireArguments(1, owner: owner, from: i) { return problem }
                case .alignment:
                    guard case .environment? = stack.last?.frame else {
                        return ("& is only allowed inside an environment such as aligned or matrix", token.offset)
                    }
                    i += 1
                case .command(let name):
                    switch command(name, at: i) {
                    case .success(let next): i = next
                    case .failure(let problem): return (problem.message, problem.offset)
                    }
                }
            }
            guard let top = stack.last else { return nil }
            switch top.frame {
            case .group: return ("this { is never closed", top.offset)
            case .environment(let name): return ("\\begin{\(name)} has no matching \\end{\(name)}", top.offset)
            case .left: return ("\\left has no matching \\right", top.offset)
            }
        }

        struct Failure: Error {
            var message: String
            var offset: Int
        }

        /// Checks the command at token `i`; returns the index to continue from.
        mutating func command(_ name: String, at i: Int) -> Result<Int, Failure> {
            let offset = tokens[i].offset
            let display = "\\" + name
            func fail(_ message: String, _ at: Int? = nil) -> Result<Int, Failure> {
                .failure(Failure(message: message, offset: at ?? offset))
            }
            if name.isEmpty { return fail("a backslash at the end of math is not allowed") }
            if TeXMathCommands.symbols.contains(name) || TeXMathCommands.switches.contains(name) { return .success(i + 1) }
            if let spec = TeXMathCommands.withArguments[name] {
                var next = i + 1
                if name == "operatorname", next < tokens.count, tokens[next].kind == .char("*") { next += 1 }
                if spec.optional {
                    switch closedBracket(from: next, after: display) {
                    case .success(let end): if let problem = requireArguments(spec.count, owner: display, from: end) { return fail(problem.message, problem.offset) }
                    case .failure(let failure): return .failure(failure)
                    }
                } else if let problem = requireArguments(spec.count, owner: display, from: next) {
                    return fail(problem.message, problem.offset)
                }
                return .success(i + 1)
            }
            switch name {
            case "\\":
                guard case .environment? = stack.last?.frame else {
                    return fail("\\\\ is only allowed inside an environment such as aligned or matrix")
                }
                var next = i + 1
                if next < tokens.count, tokens[next].kind == .char("*") { next += 1 }
                if case .failure(let failure) = closedBracket(from: next, after: display) { return .failure(failure) }
                return .success(i + 1)
            case "left":
                guard let next = delimiter(after: i + 1) else { return fail("\\left must be followed by a delimiter") }
                stack.append((.left, offset))
                return .success(next)
            case "right", "middle":
                guard case .left? = stack.last?.frame else {
                    return fail(stack.last.map { "\(display) does not match " + describe($0.frame) } ?? "\(display) has no matching \\left")
                }
                guard let next = delimiter(after: i + 1) else { return fail("\(display) must be followed by a delimiter") }
                if name == "right" { stack.removeLast() }
                return .success(next)
            case "begin", "end":
                return environment(name, at: i)
            default:
                if MathMLSymbols.bigSizes[name] != nil {
                    guard let next = delimiter(after: i + 1) else { return fail("\(display) must be followed by a delimiter") }
                    return .success(next)
                }
                return fail("the command \(display) is not allowed in math")
            }
        }

        /// `\begin{name}` (with `[pos]` and, for array, `{lcr}`) or `\end{name}`.
        mutating func environment(_ command: String, at i: Int) -> Result<Int, Failure> {
            let offset = tokens[i].offset
            var j = skipSpaces(i + 1)
            guard j < tokens.count, tokens[j].kind == .open else {
                return .failure(Failure(message: "\\\(command) must be followed by an environment name in braces", offset: offset))
            }
            var name = ""
            j += 1
            while j < tokens.count, case .char(let c) = tokens[j].kind, TeXTokenizer.isLetter(c) || c == "*" {
                name.unicodeScalars.append(c)
                j += 1
            }
            guard !name.isEmpty, j < tokens.count, tokens[j].kind == .close else {
                return .failure(Failure(message: "\\\(command) must be followed by an environment name in braces", offset: offset))
            }
            j += 1
            guard TeXMathCommands.environments.contains(name) else {
                return .failure(Failure(message: "the environment \(name) is not allowed in math", offset: offset))
            }
            if command == "end" {
                guard let top = stack.last, case .environment(let open) = top.frame, open == name else {
                    let message = stack.last.map { "\\end{\(name)} does not match " + describe($0.frame) }
                    return .failure(Failure(message: message ?? "\\end{\(name)} has no matching \\begin{\(name)}", offset: offset))
                }
                stack.removeLast()
                return .success(j)
            }
            stack.append((.environment(name), offset))
            if TeXMathCommands.positionedEnvironments.contains(name) {
                let k = skipSpaces(j)
                if k < tokens.count, tokens[k].kind == .char("[") {
                    var m = k + 1
                    while m < tokens.count, case .char(let c) = tokens[m].kind, TeXTokenizer.isLetter(c) { m += 1 }
                    guard m < tokens.count, tokens[m].kind == .char("]") else {
                        return .failure(Failure(message: "the position of \\begin{\(name)} may only be letters in [ ]", offset: tokens[k].offset))
                    }
                    j = m + 1
                }
            }
            if name == "array" {
                let k = skipSpaces(j)
                let message = "the column specification of array must be {…} with only l, c, r and |"
                guard k < tokens.count, tokens[k].kind == .open else {
                    return .failure(Failure(message: message, offset: k < tokens.count ? tokens[k].offset : length))
                }
                var m = k + 1
                while m < tokens.count {
                    switch tokens[m].kind {
                    case .close: return .success(m + 1)
                    case .space, .char("l"), .char("c"), .char("r"), .char("|"): m += 1
                    default: return .failure(Failure(message: message, offset: tokens[m].offset))
                    }
                }
                return .failure(Failure(message: message, offset: tokens[k].offset))
            }
            return .success(j)
        }

        /// Checks that `count` arguments follow index `j`: braced groups (owed arguments are checked
        /// when the group closes) or single characters and symbols.
        mutating func requireArguments(_ count: Int, owner: String, from j: Int) -> Problem? {
            var remaining = count
            var k = j
            while remaining > 0 {
                k = skipSpaces(k)
                guard k < tokens.count else { return ("\(owner) is missing an argument", length) }
                let token = tokens[k]
                switch token.kind {
                case .open:
                    pendingAtOpen[k] = (remaining - 1, owner)
                    return nil
                case .char:
                    remaining -= 1
                    k += 1
                case .command(let name) where TeXMathCommands.symbols.contains(name):
                    remaining -= 1
                    k += 1
                case .command(let name) where TeXMathCommands.withArguments[name] != nil || TeXMathCommands.switches.contains(name)
                    || ["left", "right", "middle", "begin", "end", "\\"].contains(name) || MathMLSymbols.bigSizes[name] != nil:
                    return ("\(owner) needs its argument in braces here", token.offset)
                case .command:
                    return nil // not allowlisted: the main loop names it
                default:
                    return ("\(owner) is missing an argument", token.offset)
                }
            }
            return nil
        }

        /// If an optional `[…]` follows index `j`, checks it closes at the same brace level; returns
        /// the index after it (or `j`).
        func closedBracket(from j: Int, after owner: String) -> Result<Int, Failure> {
            let k = skipSpaces(j)
            guard k < tokens.count, tokens[k].kind == .char("[") else { return .success(j) }
            var level = 0
            var m = k + 1
            while m < tokens.count {
                switch tokens[m].kind {
                case .open: level += 1
                case .close:
                    if level == 0 { return .failure(Failure(message: "the [ after \(owner) is never closed", offset: tokens[k].offset)) }
                    level -= 1
                case .char("]") where level == 0: return .success(m + 1)
                default: break
                }
                m += 1
            }
            return .failure(Failure(message: "the [ after \(owner) is never closed", offset: tokens[k].offset))
        }

        /// The index after the delimiter that follows index `j`, or nil if none does.
        func delimiter(after j: Int) -> Int? {
            let k = skipSpaces(j)
            guard k < tokens.count else { return nil }
            switch tokens[k].kind {
            case .char(let c) where MathMLSymbols.delimiterChars[c] != nil: return k + 1
            case .command(let name) where MathMLSymbols.delimiterCommands[name] != nil: return k + 1
            default: return nil
            }
        }

        func skipSpaces(_ j: Int) -> Int {
            var k = j
            while k < tokens.count, tokens[k].kind == .space { k += 1 }
            return k
        }

        func describe(_ frame: Frame) -> String {
            switch frame {
            case .group: return "the open {"
            case .environment(let name): return "\\begin{\(name)}"
            case .left: return "the open \\left"
            }
        }
    }
}
