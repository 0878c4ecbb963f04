import Foundation

/// LaTeX in BibTeX field values to Unicode: accents (`{\"o}`, `\'{e}`, `\c{c}`), named characters
/// (`\ss`, `\o`), escapes (`\&`, `\%`), dashes, ties, quotes and protective braces. Formatting
/// commands (`\emph{x}`) keep their argument; unknown commands are dropped, their arguments kept.
enum LaTeXText {
    /// Combining marks for the one-character accent commands.
    static let accents: [Character: Character] = [
        "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "\"": "\u{308}", "~": "\u{303}", "=": "\u{304}",
        ".": "\u{307}", "u": "\u{306}", "v": "\u{30C}", "H": "\u{30B}", "c": "\u{327}", "k": "\u{328}",
        "r": "\u{30A}", "d": "\u{323}", "b": "\u{331}", "t": "\u{361}",
    ]

    static let named: [String: String] = [
        "ss": "ß", "SS": "SS", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "o": "ø", "O": "Ø",
        "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
        "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
        "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
        "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
        "euro": "€", "texteuro": "€", "pounds": "£", "textsterling": "£", "yen": "¥", "textdegree": "°",
        "guillemotleft": "«", "guillemotright": "»", "textbackslash": "\\", "textasciitilde": "~",
        "textunderscore": "_", "textbar": "|", "textless": "<", "textgreater": ">", "LaTeX": "LaTeX", "TeX": "TeX",
        "nobreakspace": "\u{A0}", "textbullet": "•", "dag": "†", "ddag": "‡", "textperiodcentered": "·",
        "slash": "/", "textslash": "/", "textquotesingle": "'", "textasciigrave": "`", "textquotestraightdblbase": "„",
        "BibTeX": "BibTeX", "LaTeXe": "LaTeX2ε", "AmS": "AMS", "XeTeX": "XeTeX", "LuaTeX": "LuaTeX", "ConTeXt": "ConTeXt",
        "emdash": "—", "endash": "–", "textdollar": "$", "textmu": "µ", "texttimes": "×", "textdiv": "÷",
        "MF": "METAFONT", "METAFONT": "METAFONT", "MP": "MetaPost", "POSTSCRIPT": "PostScript", "PS": "PostScript",
        "AmSTeX": "AMS-TeX", "AMSTEX": "AMS-TeX", "AmSLaTeX": "AMS-LaTeX", "PiCTeX": "PiCTeX",
        "adddotspace": ". ", "addabbrvspace": " ", "hyphen": "-", "addcomma": ",", "adddot": ".", "addperiod": ".", "addcolon": ":", "addsemicolon": ";",
        "addspace": " ", "space": " ", "addnbspace": "\u{A0}", "addthinspace": "\u{2009}", "bibrangedash": "–", "bibdatedash": "–",
        "par": " ", "item": " ", "newline": " ", "linebreak": " ", "break": " ",
        "textquotedbl": "\"", "textasciicircum": "^", "dj": "đ", "DJ": "Đ", "textpm": "±", "textonehalf": "½", "textsection": "§", "textparagraph": "¶",
    ].merging(journalMacros) { a, _ in a }

    /// The journal abbreviations of the AAS macros (`aas_macros.sty`), which NASA ADS writes into the
    /// `.bib` files it exports (`journal = {\apj}`).
    static let journalMacros: [String: String] = [
        "aj": "AJ", "actaa": "Acta Astron.", "araa": "ARA&A", "apj": "ApJ", "apjl": "ApJL", "apjs": "ApJS",
        "ao": "Appl. Opt.", "apss": "Ap&SS", "aap": "A&A", "aapr": "A&A Rev.", "aaps": "A&AS", "azh": "AZh",
        "baas": "BAAS", "icarus": "Icarus", "jcap": "JCAP", "jrasc": "JRASC", "memras": "MmRAS", "mnras": "MNRAS",
        "na": "New A", "nar": "New A Rev.", "pra": "Phys. Rev. A", "prb": "Phys. Rev. B", "prc": "Phys. Rev. C",
        "prd": "Phys. Rev. D", "pre": "Phys. Rev. E", "prl": "Phys. Rev. Lett.", "pasa": "PASA", "pasp": "PASP",
        "pasj": "PASJ", "physrep": "Phys. Rep.", "physscr": "Phys. Scr.", "planss": "Planet. Space Sci.",
        "procspie": "Proc. SPIE", "qjras": "QJRAS", "skytel": "S&T", "solphys": "Sol. Phys.", "sovast": "Soviet Ast.",
        "ssr": "Space Sci. Rev.", "zap": "ZAp", "nat": "Nature", "iaucirc": "IAU Circ.", "aplett": "Astrophys. Lett.",
        "apspr": "Astrophys. Space Phys. Res.", "bain": "Bull. Astron. Inst. Netherlands", "fcp": "Fund. Cosmic Phys.",
        "gca": "Geochim. Cosmochim. Acta", "grl": "Geophys. Res. Lett.", "jcp": "J. Chem. Phys.", "jgr": "J. Geophys. Res.",
        "jqsrt": "J. Quant. Spec. Radiat. Transf.", "memsai": "Mem. Soc. Astron. Italiana", "nphysa": "Nucl. Phys. A",
        "aplr": "Astron. Lett.", "psj": "PSJ", "rnaas": "RNAAS", "dps": "DPS",
    ]

    /// Sorting tricks from `@preamble` (`{\\noopsort{1973c}}1981`): they sort, and print nothing.
    static let silent: Set<String> = ["noopsort", "sortnoop", "SortNoop", "NOOPSORT", "APACSortNoop", "phantom", "hphantom", "vphantom"]

    /// Spacing and raising commands: their dimension or argument is not text.
    static let spacing: Set<String> = ["kern", "hskip", "vskip", "mkern", "hspace", "vspace", "mskip", "raise", "lower",
                                       "moveleft", "moveright"]

    /// Font, size and other switches that change how text looks, never what it says: they print nothing.
    static let switches: Set<String> = [
        "tt", "em", "sl", "it", "rm", "bf", "sf", "sc", "isdot", "nopunct", "unspace", "bfseries", "itshape", "ttfamily", "rmfamily", "sffamily",
        "scshape", "upshape", "mdseries", "slshape", "normalfont", "tiny", "scriptsize", "footnotesize", "small",
        "normalsize", "large", "Large", "LARGE", "huge", "Huge", "relax", "protect", "noindent", "unskip", "null",
        "ignorespaces", "nolinebreak", "allowbreak", "nobreak", "hfill", "hfil", "smallskip", "medskip", "bigskip",
        "hbox", "mbox", "vbox", "ensuremath", "noexpand",
    ]

    /// Commands that print their argument's text as it is (with the style dropped, or kept by the writers).
    static let keepsArgument: Set<String> = [
        "emph", "textit", "textbf", "textsc", "textsf", "texttt", "textrm", "textup", "textmd", "textsl", "textnormal",
        "url", "uppercase", "lowercase", "MakeUppercase", "MakeLowercase", "MakeTextUppercase", "MakeTextLowercase",
        "mkbibemph", "mkbibitalic", "mkbibbold", "mkbibacro", "text", "textsuperscript", "textsubscript", "mathrm",
        "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "mathbb", "operatorname", "nocase", "NoCaseChange", "acronym",
        "mkbibnamefamily", "mkbibnamegiven", "underline", "uline", "llap", "rlap", "hologo", "smash", "autocap",
        "bibcorporate", "bibliteral", "pkg", "proglang", "ce", "boldsymbol", "bm", "textenglish", "doi", "code", "file",
        "textgreek", "textzh", "textarabic", "textrussian", "texthebrew", "textjapanese",
    ]

    /// Commands that put their argument in marks: quotation marks (biblatex's `\mkbibquote`, csquotes'
    /// `\enquote`), parentheses or brackets.
    static let wrappers: [String: (open: String, close: String)] = [
        "mkbibquote": ("“", "”"), "enquote": ("“", "”"), "textquote": ("“", "”"), "foreignquote": ("“", "”"),
        "hyphenquote": ("“", "”"), "mkbibparens": ("(", ")"), "mkbibbrackets": ("[", "]"),
    ]

    /// Commands whose first argument is no text: `\href{url}{text}`, `\foreignlanguage{polish}{text}`,
    /// `\textcolor{red}{text}`, `\raisebox{1ex}{text}`; the second argument is printed.
    static let twoArgumentCommands: Set<String> = ["href", "foreignlanguage", "foreignquote", "hyphenquote", "textcolor", "colorbox",
                                                   "raisebox"]

    /// Commands with two versions of one text, of which the first is printed: `\texorpdfstring{$\alpha$}{alpha}`.
    static let firstOfTwo: Set<String> = ["texorpdfstring"]

    /// Commands that take their argument between two equal characters: `\verb|\tt|`, `\path=a@b.org=`.
    static let delimited: Set<String> = ["verb", "path", "url", "nolinkurl"]

    /// A math command's character (`\\alpha`, `\\Sigma`, `\\times`, `\\langle`) or a function's name
    /// (`\\log`), as a title prints it.
    static func mathSymbol(_ name: String) -> String? {
        MathMLSymbols.identifiers[name] ?? MathMLSymbols.uprightIdentifiers[name] ?? MathMLSymbols.operators[name]
            ?? MathMLSymbols.delimiterCommands[name] ?? (MathMLSymbols.functions.contains(name) ? name + " " : nil)
    }

    /// Commands that `unicode` drops without a trace: unknown, and with no braced argument to keep
    /// (`\AUTHORNAME`, a macro a `@preamble` or a style would define). Accents and escapes are known.
    static func droppedCommands(_ latex: String) -> [String] {
        guard latex.utf8.contains(UInt8(ascii: "\\")) else { return [] }
        let c = Array(latex)
        var found: [String] = []
        var i = 0
        while i < c.count {
            guard c[i] == "\\", i + 1 < c.count, c[i + 1].isLetter else { i += 1; continue }
            var j = i + 1
            while j < c.count, c[j].isLetter { j += 1 }
            let name = String(c[(i + 1)..<j])
            var k = j
            while k < c.count, c[k] == " " { k += 1 }
            let known = named[name] != nil || mathSymbol(name) != nil || spacing.contains(name) || switches.contains(name)
                || silent.contains(name) || keepsArgument.contains(name) || wrappers[name] != nil || twoArgumentCommands.contains(name)
                || firstOfTwo.contains(name) || (name.count == 1 && accents[Character(name)] != nil)
                || (delimited.contains(name) && k < c.count)
            if !known { found.append("\\" + name + (k < c.count && c[k] == "{" ? "{…}" : "")) }
            i = j
        }
        return found
    }

    /// A verbatim field (`url`, `doi`), as biber reads it: no ligatures, quotes or spaces change
    /// (`43--44` stays), braces go, and an escaped character (`\_`, `\%`, `\&`, `\#`) is itself.
    static func verbatim(_ latex: String) -> String {
        guard latex.contains(where: { "\\{}".contains($0) }) else { return latex.trimmingWhitespaceAndNewlines() }
        let c = Array(latex)
        var out = ""
        var i = 0
        while i < c.count {
            switch c[i] {
            case "{", "}":
                i += 1
            case "\\" where i + 1 < c.count && !c[i + 1].isLetter:
                out.append(c[i + 1])
                i += 2
            case "\\":
                var j = i + 1
                while j < c.count, c[j].isLetter { j += 1 }
                let name = String(c[(i + 1)..<j])
                // `\url{…}` around the address, `\textasciitilde` for `~`: the command goes, its character stays.
                if let one = named[name], one.count == 1 { out += one } else if !delimited.contains(name) { out += String(c[i..<j]) }
                i = j
            default:
                out.append(c[i])
                i += 1
            }
        }
        return out.trimmingWhitespaceAndNewlines()
    }

    static func unicode(_ latex: String) -> String {
        // Every field of every entry passes here: the bytes are looked at first, characters only when needed.
        guard special.occurs(in: latex) else { return collapse(latex) }
        var out = ""
        let chars = Array(latex)
        convert(chars, from: 0, to: chars.count, into: &out, depth: 0)
        // Only accent commands add combining marks; only then is normalisation needed.
        let combined = out.unicodeScalars.contains { (0x300...0x36F).contains($0.value) }
        return combined ? collapse(out).precomposedStringWithCanonicalMapping : collapse(out)
    }

    private static let special = ByteSet("\\{}~-`'$")

    /// Whitespace runs (line breaks in the .bib) become single spaces; no-break spaces are kept.
    private static func collapse(_ s: String) -> String {
        guard needsCollapsing(s) else { return s }
        var out = ""
        var pendingSpace = false
        for ch in s {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// Whether `collapse` would change `s`: a tab, a line break, or a space at either end or after another.
    private static func needsCollapsing(_ s: String) -> Bool {
        var afterSpace = true
        for b in s.utf8 {
            switch b {
            case 0x0A, 0x0D, 0x09: return true
            case 0x20:
                if afterSpace { return true }
                afterSpace = true
            default: afterSpace = false
            }
        }
        return afterSpace && !s.isEmpty
    }

    /// Command arguments nest at most this deep; deeper text is kept without its commands (no stack overflow).
    static let maxDepth = 64

    private static func convert(_ c: [Character], from: Int, to: Int, into out: inout String, depth: Int) {
        var i = from
        while i < to {
            let ch = c[i]
            switch ch {
            case "{", "}":
                i += 1
            case "~":
                out.append("\u{A0}")
                i += 1
            case "-":
                if i + 2 < to, c[i + 1] == "-", c[i + 2] == "-" { out.append("—"); i += 3 }
                else if i + 1 < to, c[i + 1] == "-" { out.append("–"); i += 2 }
                else { out.append("-"); i += 1 }
            case "`":
                if i + 1 < to, c[i + 1] == "`" { out.append("“"); i += 2 } else { out.append("‘"); i += 1 }
            case "'":
                if i + 1 < to, c[i + 1] == "'" { out.append("”"); i += 2 } else { out.append("’"); i += 1 }
            case "$":
                // Math in a title ("A history of $\\pi$"): its symbols as characters, the rest as text.
                i += 1
            case "\\" where depth < maxDepth:
                i = command(c, at: i, to: to, into: &out, depth: depth + 1)
            default:
                out.append(ch)
                i += 1
            }
        }
    }

    /// Handles the command at `at` (a backslash); returns the index after it and its arguments.
    private static func command(_ c: [Character], at: Int, to: Int, into out: inout String, depth: Int) -> Int {
        var i = at + 1
        guard i < to else { return i }
        // Too deep: the backslash and the next character are kept as text.
        guard depth < maxDepth else {
            out.append(c[i])
            return i + 1
        }
        let first = c[i]
        if let mark = accents[first], !(first.isLetter && i + 1 < to && c[i + 1].isLetter) {
            i += 1
            while i < to, c[i] == " " { i += 1 }
            var base = ""
            (base, i) = argument(c, at: i, to: to, depth: depth)
            // An accent over nothing (`Ry{\'{}cko}`, or Beebe's `\llap{\raise…\hbox{\'{}}}` over the letter
            // before it) is the mark alone, which joins the character before it.
            if base.isEmpty {
                // `\~{}` and `\^{}` are how BibTeX writes a tilde and a caret (`/\~{}smith`).
                if first == "~" || first == "^" { out.append(first) } else { out.append(mark) }
                return i
            }
            // The mark goes after the first character: \c{c} → ç, \'{\i} → í.
            let head = base.removeFirst()
            out.append(head == "ı" || head == "ȷ" ? (head == "ı" ? "i" : "j") : head)
            out.append(mark)
            out += base
            return i
        }
        if !first.isLetter {
            // \& \% \$ \# \_ \{ \} and spacing commands.
            switch first {
            case "-", "@": break // \- is where a word may be hyphenated, \@ a spacing hint: nothing to print
            case " ", ",", ";", ":", "!", "/": out.append(first == "!" || first == "/" ? "" : " ")
            case "\\": out.append(" ")
            default: out.append(first)
            }
            return i + 1
        }
        let nameStart = i
        while i < to, c[i].isLetter { i += 1 }
        let name = String(c[nameStart..<i])
        if let s = named[name] ?? mathSymbol(name) {
            // `\ss{}` and `\o ` end with an empty group or a space that belongs to the command.
            if i + 1 < to, c[i] == "{", c[i + 1] == "}" { i += 2 } else if i < to, c[i] == " " { i += 1 }
            out += s
            return i
        }
        if spacing.contains(name) {
            // `\kern-1pt`, `\hspace{1em}`, `\raise 0.5ex`: space, never text.
            while i < to, c[i].isWhitespace { i += 1 }
            if i < to, c[i] == "{" { return argument(c, at: i, to: to, depth: depth).1 }
            while i < to, c[i].isNumber || "+-.".contains(c[i]) { i += 1 }
            let unit = c[i..<min(i + 2, to)].map(String.init).joined()
            return ["pt", "em", "ex", "mm", "cm", "in", "mu", "bp", "sp", "pc", "dd"].contains(unit) ? i + 2 : i
        }
        if switches.contains(name) {
            while i < to, c[i] == " " { i += 1 }
            return i
        }
        if delimited.contains(name), i < to, c[i] != "{", c[i] != " ", !c[i].isLetter {
            // `\verb|\tt|`: the text between the delimiters, as written.
            let delimiter = c[i]
            var j = i + 1
            while j < to, c[j] != delimiter { j += 1 }
            out += String(c[(i + 1)..<j])
            return min(j + 1, to)
        }
        if twoArgumentCommands.contains(name) {
            while i < to, c[i] == " " { i += 1 }
            i = argument(c, at: i, to: to, depth: depth).1
        }
        if firstOfTwo.contains(name) {
            while i < to, c[i] == " " { i += 1 }
            var text = ""
            (text, i) = argument(c, at: i, to: to, depth: depth)
            while i < to, c[i] == " " { i += 1 }
            out += text
            return argument(c, at: i, to: to, depth: depth).1
        }
        while i < to, c[i] == " " { i += 1 }
        // Other commands keep their braced argument's text: \emph{x}, \textit{x}, \url{x}; wrappers put
        // it in their marks.
        if i < to, c[i] == "{" {
            var text = ""
            (text, i) = argument(c, at: i, to: to, depth: depth)
            if !silent.contains(name) { out += wrappers[name].map { $0.open + text + $0.close } ?? text }
        }
        return i
    }

    /// One argument: a braced group (converted) or a single character or command.
    private static func argument(_ c: [Character], at: Int, to: Int, depth: Int) -> (String, Int) {
        guard at < to else { return ("", at) }
        if c[at] == "{" {
            var level = 0
            var j = at
            while j < to {
                if c[j] == "{" { level += 1 }
                if c[j] == "}" { level -= 1; if level == 0 { break } }
                j += 1
            }
            var s = ""
            convert(c, from: at + 1, to: min(j, to), into: &s, depth: depth)
            return (s, min(j + 1, to))
        }
        if c[at] == "\\" {
            var s = ""
            let next = command(c, at: at, to: to, into: &s, depth: depth + 1)
            return (s, next)
        }
        return (String(c[at]), at + 1)
    }
}
