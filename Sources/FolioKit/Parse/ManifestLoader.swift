/// Reads `folio.yaml` into a `Manifest`, with every error at its YAML line.
public enum ManifestLoader {
    static let knownKeys = ["title", "subtitle", "version", "date", "lang", "authors", "abstract", "front-matter",
                            "parts", "back-matter", "appendices", "bibliography", "checklist", "raw-html", "raw-latex", "math-macros", "numbering",
                            "limits", "crossref", "citation-style", "references-title", "nocite", "latex-citations", "glossary", "lint", "words",
                            "subject", "keywords"]

    public static func load(_ text: String, file: String) throws(Diagnostic) -> (Manifest, [Diagnostic]) {
        guard let root = try YAMLValue.parse(text, file: file) else {
            throw .error("manifest.empty", "the manifest is empty; it needs at least a title and chapters",
                         at: SourceLocation(file: file, line: 1, column: 1))
        }
        let f = try YAMLFields(root, what: "manifest")
        var warnings = f.unknownKeys(known: knownKeys)

        var authors: [Manifest.Author] = []
        for item in try f.list("authors") {
            if case .scalar(let name) = item.kind {
                authors.append(.init(name: name, affiliations: []))
                continue
            }
            let a = try YAMLFields(item, what: "author")
            warnings += a.unknownKeys(known: ["name", "affiliations", "affiliation"])
            let affs = try a.strings("affiliations") + a.strings("affiliation")
            authors.append(.init(name: try a.requiredString("name"), affiliations: affs.map(\.0)))
        }

        var parts: [Manifest.PartSpec] = []
        for item in try f.list("parts") {
            let p = try YAMLFields(item, what: "part")
            warnings += p.unknownKeys(known: ["title", "side", "chapters"])
            let sideText = try p.requiredString("side")
            guard let side = Manifest.Side(rawValue: sideText) else {
                throw .error("manifest.side", "a part's side must be 'demand' or 'supply', not '\(sideText)'",
                             at: p.value("side")?.location ?? p.location)
            }
            parts.append(.init(title: try p.requiredString("title"), side: side,
                               chapters: try files(p, "chapters"), location: p.location))
        }

        var sectionDepth = 3
        var numberFront = false
        var perChapter = true
        if let numbering = f.value("numbering") {
            let n = try YAMLFields(numbering, what: "numbering")
            warnings += n.unknownKeys(known: ["section-depth", "front-matter", "floats"])
            sectionDepth = try n.int("section-depth", in: 0...5) ?? 3
            numberFront = try n.bool("front-matter") ?? false
            if let floats = try n.string("floats") {
                guard floats == "chapter" || floats == "paper" else {
                    throw .error("manifest.numbering", "'floats' must be 'chapter' (Figure 3.2) or 'paper' (Figure 12), not '\(floats)'",
                                 at: n.value("floats")?.location ?? n.location)
                }
                perChapter = floats == "chapter"
            }
        }
        let lang = try f.string("lang") ?? "en"
        var words = PaperWords.builtIn(for: lang)
        var lists: [PaperWords.Kind] = []
        var numberUnlabelled = true
        var sortReferences = false
        var crossrefCompat = false
        var numberAllEquations = false
        var autoSectionLabels = false
        if let crossref = f.value("crossref") {
            let c = try YAMLFields(crossref, what: "crossref")
            warnings += c.unknownKeys(known: ["words", "lists", "compat", "number-unlabelled-figures", "sort", "number-all-equations",
                                                 "auto-section-labels"])
            numberAllEquations = try c.bool("number-all-equations") ?? false
            autoSectionLabels = try c.bool("auto-section-labels") ?? false
            if let compat = try c.string("compat") {
                guard compat == "pandoc-crossref" else {
                    throw .error("manifest.crossref", "'compat' takes pandoc-crossref, not '\(compat)'", at: c.value("compat")?.location ?? c.location)
                }
                numberUnlabelled = false
                sortReferences = true
                crossrefCompat = true
            }
            if let n = try c.bool("number-unlabelled-figures") { numberUnlabelled = n }
            if let s = try c.bool("sort") { sortReferences = s }
            for (name, location) in try c.strings("lists") {
                guard let kind = PaperWords.Kind(rawValue: name.hasSuffix("s") ? String(name.dropLast()) : name),
                      [.figure, .table, .listing].contains(kind) else {
                    throw .error("manifest.crossref", "'lists' takes figures, tables and listings, not '\(name)'", at: location)
                }
                lists.append(kind)
            }
            if let w = c.value("words") {
                let wf = try YAMLFields(w, what: "crossref words")
                warnings += wf.unknownKeys(known: PaperWords.Kind.allCases.map(\.rawValue))
                for kind in PaperWords.Kind.allCases {
                    let pair = try wf.strings(kind.rawValue).map(\.0)
                    guard !pair.isEmpty else { continue }
                    guard pair.count <= 2 else {
                        throw .error("manifest.crossref", "'\(kind.rawValue)' takes a word or [singular, plural]",
                                     at: wf.value(kind.rawValue)?.location ?? wf.location)
                    }
                    words.words[kind] = (pair[0], pair.count == 2 ? pair[1] : pair[0])
                }
            }
        }

        if !PaperWords.isBuiltIn(lang), isLanguageTag(lang) {
            warnings.append(.warning("manifest.lang-words", "Folio has no words for '\(lang)'; headings, labels and captions are in English",
                                     at: f.value("lang")?.location ?? f.location,
                                     notes: ["built in: \(PaperWords.languages.joined(separator: ", ")); give your own under 'words:' and 'crossref: words:'"]))
        }
        if let w = f.value("words") {
            let wf = try YAMLFields(w, what: "words")
            warnings += wf.unknownKeys(known: PaperWords.Phrase.allCases.map(\.rawValue))
            for phrase in PaperWords.Phrase.allCases {
                if let text = try wf.string(phrase.rawValue) { words.phrases[phrase] = text }
            }
        }

        var limits = InputLimits()
        if let value = f.value("limits") {
            let (loaded, found) = try InputLimits.load(value)
            limits = loaded
            warnings += found
        }

        let checklist = try f.string("checklist").map { Manifest.FileRef(path: $0, location: f.value("checklist")?.location ?? f.location) }
        var manifest = Manifest(
            title: try f.requiredString("title"), subtitle: try f.string("subtitle"), version: try f.string("version"),
            date: try f.string("date"), lang: lang, authors: authors,
            abstract: try f.string("abstract"), frontMatter: try files(f, "front-matter"), parts: parts,
            backMatter: try files(f, "back-matter"), appendices: try files(f, "appendices"),
            bibliography: try files(f, "bibliography"), checklist: checklist, rawHTML: try f.bool("raw-html") ?? false,
            sectionDepth: sectionDepth, numberFrontMatter: numberFront, numberFloatsPerChapter: perChapter,
            words: words, lists: lists, limits: limits, location: SourceLocation(file: file, line: 1, column: 1))
        for (key, path) in [("title", \Manifest.titleInlines), ("subtitle", \Manifest.subtitleInlines)] {
            guard let text = try f.string(key) else { continue }
            let (inlines, found) = TitleMarkup.inlines(text, at: f.value(key)?.location)
            manifest[keyPath: path] = inlines
            warnings += found
        }
        manifest.citations = try citationOptions(f, words: words)
        manifest.numberUnlabelledFigures = numberUnlabelled
        manifest.sortCrossReferences = sortReferences
        manifest.pandocCrossrefCompat = crossrefCompat
        manifest.numberAllEquations = numberAllEquations
        manifest.autoSectionLabels = autoSectionLabels
        manifest.subject = try f.string("subject")
        manifest.keywords = try f.strings("keywords").map(\.0)
        if let v = f.value("raw-html") { manifest.settingLocations["raw-html"] = v.location }
        manifest.rawLaTeX = try f.bool("raw-latex") ?? false
        manifest.mathMacros = try mathMacros(f)
        if let v = f.value("raw-latex") { manifest.settingLocations["raw-latex"] = v.location }
        if let v = f.value("limits"), case .mapping(let pairs) = v.kind {
            for pair in pairs { manifest.settingLocations["limits." + pair.key] = pair.value.location }
        }
        manifest.glossary = try f.string("glossary").map { Manifest.FileRef(path: $0, location: f.value("glossary")?.location ?? f.location) }
        // Read by the diagnostic engine (`LintConfig`), which knows the rule ids.
        manifest.lint = f.value("lint")
        if manifest.allChapterRefs.isEmpty {
            throw .error("manifest.no-chapters", "the manifest lists no chapters (front-matter, parts, back-matter or appendices)",
                         at: f.location)
        }
        if !isLanguageTag(manifest.lang) {
            throw .error("manifest.lang", "'\(manifest.lang)' is not a language tag such as 'en' or 'en-SG'",
                         at: f.value("lang")?.location ?? f.location)
        }
        return (manifest, warnings)
    }

    /// `math-macros: {R: \mathbb{R}, norm: \left\lVert #1 \right\rVert}`: names of letters (a leading
    /// backslash is allowed), bodies that use only commands Folio's math allows.
    private static func mathMacros(_ f: YAMLFields) throws(Diagnostic) -> [String: MathMacro] {
        guard let v = f.value("math-macros") else { return [:] }
        guard case .mapping(let pairs) = v.kind else {
            throw .error("manifest.math-macros", "'math-macros' takes names and their TeX, as in 'R: \\mathbb{R}'", at: v.location)
        }
        var out: [String: MathMacro] = [:]
        for (key, keyLocation, value) in pairs {
            let name = key.hasPrefix("\\") ? String(key.dropFirst()) : key
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw .error("manifest.math-macros", "'\(key)' is not a macro name: use letters only, as in 'R' or 'norm'", at: keyLocation)
            }
            let body = try YAMLFields.string(value, key: key)
            // Other macros may be used in a body; they are checked where they are defined.
            let names = Set(pairs.map { $0.key.hasPrefix("\\") ? String($0.key.dropFirst()) : $0.key })
            let refused = TeXMathSafety.refusedCommands(in: body.replacingOccurrences(of: "#", with: "x")).filter { !names.contains($0) }
            guard refused.isEmpty else {
                throw .error("manifest.math-macros", "the math macro '\(name)' uses \(refused.map { "\\" + $0 }.joined(separator: ", ")), which Folio's math does not allow",
                             at: value.location, notes: ["write it with the commands listed in docs/MIGRATING.md (Math)"])
            }
            out[name] = MathMacro(body: body, location: value.location)
        }
        return out
    }

    private static func citationOptions(_ f: YAMLFields, words: PaperWords) throws(Diagnostic) -> CitationOptions {
        var c = CitationOptions()
        if let style = try f.string("citation-style") {
            guard let s = CitationOptions.Style(rawValue: style) else {
                let names = CitationOptions.Style.allCases.map(\.rawValue)
                var notes: [Diagnostic.Note] = [.init("the styles are " + names.joined(separator: ", "))]
                if let near = Spelling.nearest(to: style, in: names) { notes.insert("did you mean '\(near)'?", at: 0) }
                throw .error("manifest.citation-style", "unknown citation style '\(style)'",
                             at: f.value("citation-style")?.location ?? f.location, notes: notes)
            }
            c.style = s
        }
        if let mode = try f.string("latex-citations") {
            guard let m = CitationOptions.LaTeXMode(rawValue: mode) else {
                throw .error("manifest.latex-citations", "'latex-citations' is 'formatted' or 'biblatex', not '\(mode)'",
                             at: f.value("latex-citations")?.location ?? f.location)
            }
            c.latex = m
        }
        c.referencesTitle = try f.string("references-title") ?? words.phrase(.references)
        c.nocite = try f.strings("nocite").map { (key: $0.0.hasPrefix("@") ? String($0.0.dropFirst()) : $0.0, location: $0.1) }
        return c
    }

    private static func files(_ f: YAMLFields, _ key: String) throws(Diagnostic) -> [Manifest.FileRef] {
        try f.strings(key).map { Manifest.FileRef(path: $0.0, location: $0.1) }
    }

    /// A BCP 47-shaped tag: letters and digits in hyphen-separated pieces of up to 8.
    static func isLanguageTag(_ s: String) -> Bool {
        let pieces = s.split(separator: "-", omittingEmptySubsequences: false)
        return !pieces.isEmpty && pieces.allSatisfy { p in
            (1...8).contains(p.count) && p.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        } && pieces[0].allSatisfy(\.isLetter)
    }
}
