/// The TeX commands the MathML converter knows, with the characters and attributes they map to.
enum MathMLSymbols {
    /// Commands that become `<mi>` with an italic-by-default single character.
    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "infty": "∞", "partial": "∂", "ell": "ℓ", "hbar": "ℏ", "imath": "ı", "jmath": "ȷ",
        "aleph": "ℵ", "wp": "℘", "Re": "ℜ", "Im": "ℑ", "emptyset": "∅", "varnothing": "∅",
        "prime": "′", "angle": "∠", "triangle": "△", "top": "⊤", "bot": "⊥", "_": "_",
    ]

    /// Commands that become `<mi mathvariant="normal">` (TeX sets them upright).
    static let uprightIdentifiers: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "nabla": "∇",
    ]

    /// Commands that become `<mo>`: binary operators, relations, arrows, dots and logic.
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "odot": "⊙",
        "cup": "∪", "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
        "dagger": "†", "ddagger": "‡", "amalg": "⨿", "sqcup": "⊔", "sqcap": "⊓",
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
        "lesssim": "≲", "gtrsim": "≳", "lessapprox": "⪅", "gtrapprox": "⪆",
        "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫",
        "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰", "parallel": "∥", "perp": "⊥",
        "mid": "∣", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "supset": "⊃",
        "subseteq": "⊆", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋", "models": "⊨",
        "vdash": "⊢", "dashv": "⊣", "doteq": "≐", "asymp": "≍", "leqslant": "⩽", "geqslant": "⩾",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹",
        "impliedby": "⟸", "iff": "⟺", "mapsto": "↦", "longrightarrow": "⟶",
        "longleftarrow": "⟵", "longleftrightarrow": "⟷", "Longrightarrow": "⟹",
        "Longleftarrow": "⟸", "Longleftrightarrow": "⟺", "longmapsto": "⟼",
        "hookrightarrow": "↪", "hookleftarrow": "↩", "nearrow": "↗", "searrow": "↘",
        "nwarrow": "↖", "swarrow": "↙", "rightleftharpoons": "⇌",
        "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
        "forall": "∀", "exists": "∃", "nexists": "∄", "neg": "¬", "lnot": "¬",
        "colon": ":", "&": "&",
    ]

    /// Delimiters, usable bare or after `\left`, `\right`, `\middle` and `\big`.
    static let delimiterCommands: [String: String] = [
        "{": "{", "}": "}", "|": "‖", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "vert": "|", "Vert": "‖",
        "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "backslash": "\\",
        "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "Updownarrow": "⇕", "lbrack": "[", "rbrack": "]",
    ]

    /// Characters usable as delimiters; `.` is the empty one.
    static let delimiterChars: [Unicode.Scalar: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", ".": "", "<": "⟨", ">": "⟩",
    ]

    /// Big operators; `sideLimits` ones (the integrals) keep their limits beside them, as in TeX.
    static let bigOperators: [String: (symbol: String, sideLimits: Bool)] = [
        "sum": ("∑", false), "prod": ("∏", false), "coprod": ("∐", false),
        "bigcup": ("⋃", false), "bigcap": ("⋂", false), "bigoplus": ("⨁", false),
        "bigotimes": ("⨂", false), "bigodot": ("⨀", false), "bigvee": ("⋁", false),
        "bigwedge": ("⋀", false), "bigsqcup": ("⨆", false),
        "int": ("∫", true), "iint": ("∬", true), "iiint": ("∭", true), "oint": ("∮", true),
    ]

    /// Function names set upright with limits beside them.
    static let functions: Set<String> = [
        "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "dim",
        "exp", "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh",
    ]

    /// Function names whose limits go underneath in display style.
    static let limitFunctions: [String: String] = [
        "lim": "lim", "liminf": "lim inf", "limsup": "lim sup", "max": "max", "min": "min",
        "sup": "sup", "inf": "inf", "det": "det", "gcd": "gcd", "Pr": "Pr",
        // Not in amsmath: the LaTeX writer spells them out (`LaTeXMath.portable`).
        "argmin": "arg min", "argmax": "arg max",
    ]

    /// Accents: the mark, whether it stretches over its base, and whether it goes underneath.
    static let accents: [String: (mark: String, wide: Bool, under: Bool)] = [
        "hat": ("^", false, false), "widehat": ("^", true, false), "check": ("ˇ", false, false),
        "tilde": ("~", false, false), "widetilde": ("~", true, false), "acute": ("´", false, false),
        "grave": ("`", false, false), "dot": ("˙", false, false), "ddot": ("¨", false, false),
        "breve": ("˘", false, false), "bar": ("¯", false, false), "vec": ("→", false, false),
        "mathring": ("˚", false, false), "overline": ("¯", true, false),
        "underline": ("_", true, true), "overrightarrow": ("→", true, false),
        "overleftarrow": ("←", true, false),
    ]

    /// Spacing commands and their widths.
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em",
        "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em",
        "!": "-0.1667em", "negthinspace": "-0.1667em", " ": "0.3333em", "enspace": "0.5em",
        "quad": "1em", "qquad": "2em",
    ]

    /// Math font commands and the `mathvariant` each sets.
    static let fonts: [String: String] = [
        "mathrm": "normal", "mathbf": "bold", "mathit": "italic", "mathsf": "sans-serif",
        "mathtt": "monospace", "mathcal": "script", "mathbb": "double-struck",
        "mathfrak": "fraktur", "boldsymbol": "bold-italic", "pmb": "bold-italic",
    ]

    /// Text commands and the `mathvariant` each sets (empty: none).
    static let textCommands: [String: String] = [
        "text": "", "textrm": "", "mbox": "", "textnormal": "", "textbf": "bold", "textit": "italic",
        "textsf": "sans-serif", "texttt": "monospace",
    ]

    /// `\big`-family sizes.
    static let bigSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
        "Big": "1.623em", "Bigl": "1.623em", "Bigr": "1.623em", "Bigm": "1.623em",
        "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em", "biggm": "2.047em",
        "Bigg": "2.470em", "Biggl": "2.470em", "Biggr": "2.470em", "Biggm": "2.470em",
    ]

    /// Environments that become `<mtable>`, with their fences.
    static let matrixFences: [String: (open: String, close: String)] = [
        "matrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"),
        "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
    ]

    /// Style switches and the attributes of the `<mstyle>` they open.
    static let styles: [String: String] = [
        "displaystyle": "displaystyle=\"true\" scriptlevel=\"0\"",
        "textstyle": "displaystyle=\"false\" scriptlevel=\"0\"",
        "scriptstyle": "displaystyle=\"false\" scriptlevel=\"1\"",
        "scriptscriptstyle": "displaystyle=\"false\" scriptlevel=\"2\"",
    ]

    /// Commands with two arguments that build fractions, and the attributes they need.
    static let fractions: [String: (style: String?, binomial: Bool)] = [
        "frac": (nil, false), "dfrac": ("true", false), "tfrac": ("false", false),
        "binom": (nil, true), "dbinom": ("true", true), "tbinom": ("false", true),
    ]

    /// Single characters that are operators (`<mo>`), with their MathML text.
    static let operatorChars: [Unicode.Scalar: String] = [
        "+": "+", "-": "−", "*": "∗", "=": "=", "<": "<", ">": ">", "!": "!", ",": ",", ";": ";",
        ":": ":", "/": "/", "?": "?", ".": ".", "(": "(", ")": ")", "[": "[", "]": "]", "|": "|",
        "@": "@", "\"": "\"", "`": "‘",
    ]

    /// Operator characters that TeX does not stretch unless asked to.
    static let fenceChars: Set<String> = ["(", ")", "[", "]", "|", "{", "}", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉"]
}
