/// The allowlist of TeX math commands Folio passes to LaTeX, with the arguments each takes.
enum TeXMathCommands {
    /// Commands with arguments: whether an optional `[…]` may come first, and how many mandatory ones.
    static let withArguments: [String: (optional: Bool, count: Int)] = {
        var table: [String: (optional: Bool, count: Int)] = [
            "sqrt": (true, 1), "xrightarrow": (true, 1), "xleftarrow": (true, 1),
            "overset": (false, 2), "underset": (false, 2), "stackrel": (false, 2),
            "operatorname": (false, 1), "phantom": (false, 1), "hphantom": (false, 1),
            "vphantom": (false, 1), "overbrace": (false, 1), "underbrace": (false, 1),
            "boxed": (false, 1), "pmod": (false, 1), "mathop": (false, 1), "mathrel": (false, 1),
            "mathbin": (false, 1), "mathord": (false, 1),
        ]
        for name in MathMLSymbols.fonts.keys { table[name] = (false, 1) }
        for name in MathMLSymbols.textCommands.keys { table[name] = (false, 1) }
        for name in MathMLSymbols.accents.keys { table[name] = (false, 1) }
        for name in MathMLSymbols.fractions.keys { table[name] = (false, 2) }
        return table
    }()

    /// Commands without arguments that may also stand alone as another command's argument.
    static let symbols: Set<String> = {
        var set: Set<String> = ["bmod"]
        set.formUnion(MathMLSymbols.identifiers.keys)
        set.formUnion(MathMLSymbols.uprightIdentifiers.keys)
        set.formUnion(MathMLSymbols.operators.keys)
        set.formUnion(MathMLSymbols.delimiterCommands.keys)
        set.formUnion(MathMLSymbols.bigOperators.keys)
        set.formUnion(MathMLSymbols.functions)
        set.formUnion(MathMLSymbols.limitFunctions.keys)
        set.formUnion(MathMLSymbols.spaces.keys)
        return set
    }()

    /// Commands without arguments that only make sense in place: style switches and limit controls.
    static let switches: Set<String> = Set(MathMLSymbols.styles.keys).union(["limits", "nolimits", "not"])

    /// Environments allowed in `\begin`/`\end`.
    static let environments: Set<String> = [
        "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "cases", "aligned", "gathered",
        "array", "split",
    ]

    /// Environments that take an optional position argument such as `[t]`.
    static let positionedEnvironments: Set<String> = ["aligned", "gathered", "array"]
}
