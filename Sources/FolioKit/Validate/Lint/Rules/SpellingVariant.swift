/// `prose.spelling-variant`: British and American spellings mixed in one paper ("organisation" and
/// "organization"). The manifest's `lang` picks the preferred one: `en-US` American, other English
/// regions (`en-GB`, `en-SG`, `en-AU`…) British; plain `en` whichever the paper uses more.
struct SpellingVariant: LintRule {
    let info = DiagnosticInfo(id: "prose.spelling-variant", severity: .warning, category: .prose,
                            summary: "A spelling differs from the variant the paper's language prefers.",
                            help: "Use the preferred spelling; `folio lint --fix` replaces it, keeping capitals.", fixable: true)

    /// British → American, every inflection.
    static let pairs: [String: String] = {
        var map: [String: String] = [:]
        let izeStems = ["organ", "recogn", "priorit", "harmon", "author", "minim", "maxim", "optim", "standard", "util", "emphas",
                        "summar", "character", "categor", "central", "decentral", "final", "formal", "general", "legal", "normal",
                        "operational", "special", "visual", "capital", "real", "incentiv", "digit", "critic", "apolog", "synchron",
                        "modern", "custom", "memor", "global", "local", "industrial", "weapon", "stabil", "neutral", "penal",
                        "subsid", "scrutin", "sanit", "anonym", "pseudonym", "tokén"]
        for stem in izeStems where !stem.contains("é") {
            for (gb, us) in [("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("isation", "ization"),
                             ("isations", "izations"), ("iser", "izer"), ("isers", "izers")] {
                map[stem + gb] = stem + us
            }
        }
        for (gb, us) in [("behaviour", "behavior"), ("behaviours", "behaviors"), ("behavioural", "behavioral"), ("colour", "color"),
                         ("colours", "colors"), ("favour", "favor"), ("favourable", "favorable"), ("labour", "labor"),
                         ("centre", "center"), ("centres", "centers"), ("centred", "centered"), ("defence", "defense"),
                         ("defences", "defenses"), ("offence", "offense"), ("offences", "offenses"), ("catalogue", "catalog"),
                         ("catalogues", "catalogs"), ("analyse", "analyze"), ("analysed", "analyzed"), ("analyses", "analyzes"),
                         ("analysing", "analyzing"), ("modelling", "modeling"), ("modelled", "modeled"), ("labelling", "labeling"),
                         ("labelled", "labeled"), ("travelling", "traveling"), ("cancelled", "canceled"), ("fulfil", "fulfill"),
                         ("fulfils", "fulfills"), ("enrolment", "enrollment"), ("judgement", "judgment"), ("judgements", "judgments"),
                         ("ageing", "aging"), ("artefact", "artifact"), ("artefacts", "artifacts"), ("grey", "gray"),
                         ("acknowledgement", "acknowledgment"), ("counselling", "counseling"), ("signalling", "signaling")] {
            map[gb] = us
        }
        // "analyses" is also the plural noun in American English; leave it alone.
        map["analyses"] = nil
        return map
    }()

    static let reverse: [String: String] = Dictionary(pairs.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b + 32 : b)) &* 0x100000001b3
        }
        return h
    }

    static let hashes: Set<UInt64> = Set(known.keys.map { hash($0) })

    /// Every variant as lower-case bytes → whether it is the British one (a fast first check).
    static let known: [[UInt8]: Bool] = {
        var map: [[UInt8]: Bool] = [:]
        for (gb, us) in pairs {
            map[Array(gb.utf8)] = true
            map[Array(us.utf8)] = false
        }
        return map
    }()

    enum Preference { case british, american }

    static func preference(lang: String) -> Preference? {
        let tag = lang.lowercased()
        guard tag == "en" || tag.hasPrefix("en-") else { return nil }
        if tag == "en" { return nil }
        return tag.hasPrefix("en-us") ? .american : .british
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        let lang = context.paper.manifest.lang.lowercased()
        guard lang == "en" || lang.hasPrefix("en-") else { return [] }
        var hits: [(src: LintSource, line: Int, word: ProseWords.Word, text: String, british: Bool)] = []
        for src in context.sources {
            for (n, line) in src.prose.enumerated() {
                for w in src.words[n] where w.end - w.start >= 4 && w.end - w.start <= 16 {
                    // A hash of the lower-cased bytes first: most words are not variants, and this allocates nothing.
                    guard Self.hashes.contains(Self.hash(line[w.start..<w.end])) else { continue }
                    var lower = [UInt8](line[w.start..<w.end])
                    for k in lower.indices where lower[k] >= 0x41 && lower[k] <= 0x5A { lower[k] += 32 }
                    guard let british = Self.known[lower] else { continue }
                    hits.append((src, n + 1, w, ProseWords.text(line, w), british))
                }
            }
        }
        var prefer = Self.preference(lang: lang)
        if prefer == nil {
            let british = hits.filter(\.british).count
            prefer = british >= hits.count - british ? .british : .american
        }
        return hits.filter { $0.british != (prefer == .british) }.map { hit in
            let lower = hit.text.lowercased()
            let wanted = (hit.british ? Self.pairs[lower] : Self.reverse[lower]) ?? lower
            let replacement = Self.matchCase(wanted, like: hit.text)
            return finding("'\(hit.text)' is \(hit.british ? "British" : "American") spelling; this paper (\(context.paper.manifest.lang)) uses '\(replacement)'",
                           at: hit.src.location(line: hit.line, column: hit.word.start + 1), length: hit.word.end - hit.word.start,
                           fix: TextEdit(file: hit.src.path, line: hit.line, column: hit.word.start + 1,
                                         length: hit.word.end - hit.word.start, replacement: replacement))
        }
    }

    static func matchCase(_ word: String, like original: String) -> String {
        if original == original.uppercased(), original.count > 1 { return word.uppercased() }
        if original.first?.isUppercase == true { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }
}
