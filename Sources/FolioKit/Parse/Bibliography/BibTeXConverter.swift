import Foundation

/// BibTeX and BibLaTeX entries into `Reference`s: entry types and field names mapped to CSL,
/// `crossref` inheritance (BibLaTeX's rules), LaTeX into Unicode, and warnings for missing fields.
enum BibTeXConverter {
    /// BibTeX/BibLaTeX entry type → CSL type.
    static let types: [String: String] = [
        "article": "article-journal", "book": "book", "mvbook": "book", "booklet": "pamphlet", "inbook": "chapter",
        "bookinbook": "chapter", "incollection": "chapter", "inreference": "entry-encyclopedia",
        "inproceedings": "paper-conference", "conference": "paper-conference", "proceedings": "book",
        "collection": "book", "report": "report", "techreport": "report", "thesis": "thesis", "phdthesis": "thesis",
        "mastersthesis": "thesis", "online": "webpage", "electronic": "webpage", "www": "webpage", "misc": "document",
        "manual": "report", "standard": "standard", "legislation": "legislation", "legal": "legal_case",
        "jurisdiction": "legal_case", "dataset": "dataset", "software": "software", "unpublished": "manuscript",
        "patent": "patent", "periodical": "periodical",
        // biblatex's multi-volume, reference and supplement types.
        "mvcollection": "book", "mvproceedings": "book", "mvreference": "book", "reference": "book",
        "suppbook": "chapter", "suppcollection": "chapter", "suppperiodical": "article-journal", "review": "review",
        "artwork": "graphic", "audio": "song", "video": "motion_picture", "image": "graphic", "music": "song",
        "performance": "performance", "letter": "personal_communication", "movie": "motion_picture",
    ]

    /// Fields each type needs (any one of the alternatives in a group); a missing one is a warning.
    static let required: [String: [[String]]] = [
        "article": [["author"], ["title"], ["journal", "journaltitle"], ["year", "date"]],
        "book": [["author", "editor"], ["title"], ["year", "date"]],
        "inbook": [["author"], ["title"], ["booktitle"], ["year", "date"]],
        "incollection": [["author"], ["title"], ["booktitle"], ["year", "date"]],
        "inproceedings": [["author"], ["title"], ["booktitle"], ["year", "date"]],
        "conference": [["author"], ["title"], ["booktitle"], ["year", "date"]],
        "proceedings": [["title"], ["year", "date"]],
        "report": [["title"], ["institution", "organization", "publisher"], ["year", "date"]],
        "techreport": [["title"], ["institution", "organization", "publisher"], ["year", "date"]],
        "thesis": [["author"], ["title"], ["school", "institution"], ["year", "date"]],
        "phdthesis": [["author"], ["title"], ["school", "institution"], ["year", "date"]],
        "mastersthesis": [["author"], ["title"], ["school", "institution"], ["year", "date"]],
        "online": [["title"], ["url", "doi"]], "electronic": [["title"], ["url", "doi"]],
        "manual": [["title"]], "misc": [["title"]], "standard": [["title"]], "legislation": [["title"]],
        "legal": [["title"]], "dataset": [["title"]], "unpublished": [["author"], ["title"]],
    ]

    /// Fields never inherited through `crossref` (BibLaTeX's defaults); titles are mapped instead.
    static let notInherited: Set<String> = ["ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label",
                                            "options", "presort", "related", "shorthand", "sortkey", "key",
                                            "title", "subtitle", "titleaddon", "shorttitle"]

    static let bookLike: Set<String> = ["book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings",
                                        "reference", "mvreference"]
    static let partLike: Set<String> = ["inbook", "bookinbook", "suppbook", "incollection", "suppcollection",
                                        "inproceedings", "conference", "inreference"]

    /// Applies `crossref`: missing fields come from the parent; its title becomes the child's `booktitle`.
    /// What a granular XDATA reference starts with; every field of every entry is searched for it (by
    /// its bytes: Foundation's string search cost 7,700 instructions a field).
    static let granularMark = Array("xdata=".utf8)

    static func inherit(_ entries: [BibTeXParser.Entry]) -> ([BibTeXParser.Entry], [Diagnostic]) {
        var byKey: [String: BibTeXParser.Entry] = [:]
        for e in entries where byKey[e.key.lowercased()] == nil { byKey[e.key.lowercased()] = e }
        var diagnostics: [Diagnostic] = []
        // Inheritance copies fields; a budget keeps a hostile file (one huge parent, many children) linear.
        var budget = 200_000
        // A parent that has a parent of its own is resolved first (at most 8 levels: a loop stops there).
        var resolvedParents: [String: BibTeXParser.Entry] = [:]
        /// biblatex's `xdata = {a, b}`: every field of those @xdata entries the entry does not set itself,
        /// theirs resolved first, each once; a loop among them is reported and stops there.
        var resolvedData: [String: BibTeXParser.Entry] = [:]
        var resolving: Set<String> = []
        func withData(_ entry: BibTeXParser.Entry) -> BibTeXParser.Entry {
            guard let field = entry.fields.first(where: { $0.name == "xdata" }) else { return entry }
            let own = entry.key.lowercased()
            if entry.type == "xdata", let done = resolvedData[own] { return done }
            resolving.insert(own)
            defer { resolving.remove(own) }
            var out = entry
            var names = Set(out.fields.map(\.name))
            for key in field.value.split(separator: ",").map({ $0.trimmingWhitespace().lowercased() }) where !key.isEmpty {
                guard let found = byKey[key], found.type == "xdata" else {
                    diagnostics.append(.warning("bib.crossref-unknown", "'\(entry.key)' takes data from '\(key)', which is not an @xdata entry of the bibliography",
                                                at: field.location))
                    continue
                }
                guard !resolving.contains(key) else {
                    diagnostics.append(.warning("bib.crossref-unknown", "'\(entry.key)' takes data from '\(key)', which takes data from it in turn; the loop is cut here",
                                                at: field.location))
                    continue
                }
                let data = withData(found)
                for f in data.fields where !notInherited.contains(f.name) && budget > 0 && names.insert(f.name).inserted {
                    budget -= 1
                    out.fields.append(f)
                }
            }
            if entry.type == "xdata" { resolvedData[own] = out }
            return out
        }
        /// biblatex's granular XDATA: a field, or one name of a list, written `xdata=key-field` or
        /// `xdata=key-field-N` takes that entry's field (or its Nth name), itself read the same way.
        /// One that names nothing, or names itself, is reported and left out, never printed as written.
        var merged: [String: BibTeXParser.Entry] = [:]
        func source(_ key: String) -> BibTeXParser.Entry? {
            if let done = merged[key] { return done }
            guard let found = byKey[key] else { return nil }
            let out = withData(found)
            merged[key] = out
            return out
        }
        func resolveGranular(_ value: String, of entry: String, in field: BibTeXParser.Field, visited: Set<String>) -> String {
            guard value.containsBytes(Self.granularMark) else { return value }
            let items = BibNames.split(value).compactMap { item -> String? in
                let t = item.trimmingWhitespaceAndNewlines()
                guard t.hasPrefix("xdata=") else { return item }
                var parts = t.dropFirst(6).split(separator: "-").map(String.init)
                let index = parts.count > 2 ? Int(parts[parts.count - 1]) : nil
                if index != nil { parts.removeLast() }
                let name = parts.popLast()?.lowercased() ?? ""
                let key = parts.joined(separator: "-").lowercased()
                let ref = key + "\u{1}" + name
                var value: String?
                if !visited.contains(ref), visited.count < 8, let raw = source(key)?.fields.first(where: { $0.name == name })?.value {
                    let whole = resolveGranular(raw, of: entry, in: field, visited: visited.union([ref]))
                    if let index {
                        let names = BibNames.split(whole)
                        value = index >= 1 && index <= names.count ? names[index - 1] : nil
                    } else {
                        value = whole.isEmpty ? nil : whole
                    }
                }
                if value == nil {
                    diagnostics.append(.warning("bib.crossref-unknown", "'\(t)' in the \(field.name) of '\(entry)' names no field of an entry in the bibliography (or names itself), so it is left out",
                                                at: field.location, notes: ["write xdata=KEY-FIELD, or xdata=KEY-FIELD-N for the Nth name of a list"]))
                }
                return value
            }
            return items.joined(separator: " and ")
        }
        func granular(_ entry: BibTeXParser.Entry) -> BibTeXParser.Entry {
            guard entry.fields.contains(where: { $0.value.containsBytes(Self.granularMark) }) else { return entry }
            var out = entry
            for i in out.fields.indices where out.fields[i].value.containsBytes(Self.granularMark) {
                let f = out.fields[i]
                out.fields[i].value = resolveGranular(f.value, of: entry.key, in: f, visited: [entry.key.lowercased() + "\u{1}" + f.name])
            }
            return out
        }
        func inherit(_ entry: BibTeXParser.Entry, depth: Int, report: Bool) -> BibTeXParser.Entry {
            guard let field = entry.fields.first(where: { $0.name == "crossref" }) else { return entry }
            let parentKey = field.value.trimmingWhitespace().lowercased()
            guard let found = byKey[parentKey], found.key != entry.key else {
                if report {
                    diagnostics.append(.warning("bib.crossref-unknown", "'\(entry.key)' inherits from '\(field.value)', which is not in the bibliography",
                                                at: field.location))
                }
                return entry
            }
            var parent = found
            if depth < 8 {
                if let done = resolvedParents[parentKey] {
                    parent = done
                } else {
                    parent = inherit(withData(found), depth: depth + 1, report: false)
                    resolvedParents[parentKey] = parent
                }
            }
            var child = entry
            var names = Set(child.fields.map(\.name))
            // `year` and `date` are one date: a child with either keeps its own.
            if names.contains("year") || names.contains("date") { names.formUnion(["year", "date", "month"]) }
            func add(_ name: String, _ value: String, _ location: SourceLocation) {
                guard budget > 0, names.insert(name).inserted else { return }
                budget -= 1
                child.fields.append(.init(name: name, value: value, location: location))
            }
            if bookLike.contains(parent.type), partLike.contains(child.type) {
                for (from, to) in [("title", "booktitle"), ("subtitle", "booksubtitle"), ("titleaddon", "booktitleaddon")] {
                    if let f = parent.fields.first(where: { $0.name == from }) { add(to, f.value, f.location) }
                }
                if child.type == "inbook" || child.type == "bookinbook",
                   let a = parent.fields.first(where: { $0.name == "author" }) {
                    add("bookauthor", a.value, a.location)
                }
            }
            for f in parent.fields where !notInherited.contains(f.name) { add(f.name, f.value, f.location) }
            return child
        }
        let out = entries.map { inherit(granular(withData($0)), depth: 0, report: true) }
        return (out, diagnostics)
    }

    /// What a date field may hold, as the `bib.date` warning says it.
    static let dateForms = "(write YYYY, YYYY-MM or YYYY-MM-DD, with ~ or ? after it, or a range START/END)"

    /// Types whose `number`, next to a `series`, is the number in that series (biblatex's manual, §2.2.2).
    static let seriesNumbered: Set<String> = ["book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings",
                                             "reference", "mvreference", "inbook", "bookinbook", "incollection", "inproceedings",
                                             "conference", "inreference", "suppbook", "suppcollection"]

    static func reference(_ e: BibTeXParser.Entry) -> (Reference, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let cslType = types[e.type] ?? "document"
        if types[e.type] == nil {
            diagnostics.append(.warning("bib.unknown-type", "unknown entry type '@\(e.type)' for '\(e.key)'; it is treated as @misc",
                                        at: e.location))
        }
        var r = Reference(id: e.key, type: cslType, location: e.location)
        var warned: Set<String> = []
        func text(_ name: String) -> String? {
            guard let v = e.value(name) else { return nil }
            // A command Folio does not know prints nothing: say so, once per field, never silently.
            let dropped = LaTeXText.droppedCommands(v)
            if !dropped.isEmpty, warned.insert(name).inserted {
                let at = e.fields.first(where: { $0.name == name })?.location ?? e.location
                diagnostics.append(.warning("bib.unknown-command", "\(dropped.joined(separator: ", ")) in the \(name) of '\(e.key)' is a command Folio does not know: it prints nothing but the text of its argument",
                                            at: at, notes: ["write the text itself (a macro from @preamble or a style is not expanded)"]))
            }
            let s = LaTeXText.unicode(v)
            return s.isEmpty ? nil : s
        }
        func joined(_ main: String, _ sub: String) -> String? {
            guard let m = text(main) else { return nil }
            guard let s = text(sub) else { return m }
            return m.hasSuffix("?") || m.hasSuffix("!") ? "\(m) \(s)" : "\(m): \(s)"
        }
        /// A name list; a command Folio does not know is a located warning, and a name it empties keeps its text.
        func names(_ field: String) -> [Reference.Name] {
            guard let raw = e.value(field) else { return [] }
            let at = e.fields.first(where: { $0.name == field })?.location ?? e.location
            let dropped = LaTeXText.droppedCommands(raw)
            if !dropped.isEmpty {
                diagnostics.append(.warning("bib.unknown-command", "\(dropped.joined(separator: ", ")) in the \(field) of '\(e.key)' is a command Folio does not know",
                                            at: at, notes: ["write the name itself (a macro from @preamble or a style is not expanded)"]))
            }
            return BibNames.parse(raw).map { n in
                guard !n.isOthers, n.family.isEmpty, n.given.isEmpty, n.literal.isEmpty else { return n }
                return Reference.Name(literal: raw.replacingEvery("\\", with: "").trimming { $0 == "{" || $0 == "}" || $0 == " " })
            }
        }
        r.author = names("author")
        r.editor = names("editor")
        for (csl, field) in Reference.otherNameFields {
            let list = names(field)
            if !list.isEmpty { r.otherNames[csl] = list }
        }
        for (csl, field) in Reference.otherDateFields {
            guard let raw = e.value(field) else { continue }
            if let d = dateValue(raw) {
                r.otherDates[csl] = d
            } else if let f = e.fields.first(where: { $0.name == field }) {
                diagnostics.append(.warning("bib.date", "'\(raw)' in '\(field)' is not a date Folio reads \(Self.dateForms)", at: f.location))
            }
        }
        r["original-title"] = text("origtitle")
        r["number-of-volumes"] = text("volumes")
        r["title"] = joined("title", "subtitle").map { t in
            // BibLaTeX prints `titleaddon` after the title as a separate sentence.
            guard let addon = text("titleaddon") else { return t }
            return t + (t.last.map { ".?!".contains($0) } == true ? " " : ". ") + addon
        }
        r["title-short"] = text("shorttitle")
        switch e.type {
        case "article", "periodical":
            r["container-title"] = text("journaltitle") ?? text("journal")
            r["issue"] = text("number") ?? text("issue")
        case "inbook", "bookinbook", "incollection", "inproceedings", "conference", "inreference":
            r["container-title"] = joined("booktitle", "booksubtitle")
            r["number"] = text("number")
        case "legislation", "legal", "jurisdiction":
            r["container-title"] = text("journaltitle") ?? text("journal") ?? text("booktitle")
            r["number"] = text("number")
        default:
            r["container-title"] = text("journaltitle") ?? text("journal")
            r["number"] = text("number")
        }
        r["collection-title"] = text("series")
        // A book's `number` is its number in the series: CSL's collection-number.
        if r["collection-title"] != nil, Self.seriesNumbered.contains(e.type), let n = r["number"] {
            r["collection-number"] = n
            r["number"] = nil
        }
        r["volume"] = text("volume")
        r["edition"] = text("edition")
        r["page"] = text("pages").map { $0.replacingEvery("–", with: "-") }
        r["publisher"] = text("publisher") ?? text("institution") ?? text("organization") ?? text("school")
        r["publisher-place"] = text("location") ?? text("address")
        r["DOI"] = e.value("doi").map(cleanDOI)
        r["URL"] = e.value("url").map(LaTeXText.verbatim)
        if r["URL"] == nil, let how = e.value("howpublished") {
            let h = LaTeXText.verbatim(how)
            if h.hasPrefix("http://") || h.hasPrefix("https://") { r["URL"] = h } else { r["publisher"] = r["publisher"] ?? LaTeXText.unicode(how) }
        }
        r["note"] = text("note") ?? text("addendum")
        r.aliases = (e.value("ids") ?? "").split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        r["version"] = text("version")
        r["ISBN"] = text("isbn")
        r["ISSN"] = text("issn")
        r["event-title"] = text("eventtitle")
        r["genre"] = text("type") ?? (e.type == "phdthesis" ? "PhD thesis" : e.type == "mastersthesis" ? "Master’s thesis" : nil)
        if let eprint = text("eprint") {
            let kind = (text("eprinttype") ?? text("archiveprefix") ?? "").lowercased()
            if kind == "arxiv" {
                r["archive"] = "arXiv"
                r["number"] = r["number"] ?? "arXiv:\(eprint)"
                r["URL"] = r["URL"] ?? "https://arxiv.org/abs/\(eprint)"
            } else {
                r["number"] = r["number"] ?? eprint
            }
        }
        if let d = e.value("date") {
            r.issued = dateValue(d)
            if r.issued == nil, let f = e.fields.first(where: { $0.name == "date" }) {
                let fallback = e.value("year").map { " (the year \($0) is used)" } ?? ""
                diagnostics.append(.warning("bib.date", "'\(d)' is not a date Folio reads\(fallback) \(Self.dateForms)", at: f.location))
            }
        }
        if r.issued == nil, let y = e.value("year") {
            let at = e.fields.first(where: { $0.name == "year" })?.location ?? e.location
            let (issued, problem) = yearValue(LaTeXText.unicode(y).trimmingWhitespace())
            if var issued, issued.end == nil, !issued.openEnd, issued.month == nil {
                if let m = e.value("month") { issued.month = Int(m).flatMap { (1...12).contains($0) ? $0 : nil } ?? monthNumber(LaTeXText.unicode(m)) }
                issued.day = e.value("day").flatMap { Int($0) }
                r.issued = issued
            } else {
                r.issued = issued
            }
            if let problem { diagnostics.append(.warning("bib.date", problem, at: at)) }
        }
        r.accessed = e.value("urldate").flatMap { dateValue($0) }
        for group in required[e.type] ?? [] where !group.contains(where: { e.value($0) != nil }) {
            let names = group.joined(separator: "' or '")
            diagnostics.append(.warning("bib.missing-field", "@\(e.type) '\(e.key)' has no '\(names)'", at: e.location,
                                        notes: ["the \(e.type) type needs it; the entry is formatted without it"]))
        }
        return (r, diagnostics)
    }

    static func cleanDOI(_ raw: String) -> String {
        var d = LaTeXText.verbatim(raw)
        for p in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where d.lowercased().hasPrefix(p) {
            d = String(d.dropFirst(p.count))
        }
        return d
    }

    /// A `year` field: a year, or what biber also reads there (`1965--1981`, `2005--`, `1992-05-20`);
    /// `2012a` is 2012 (Folio adds its own letters). Anything else is no date, and said so.
    static func yearValue(_ y: String) -> (Reference.DateValue?, String?) {
        if y.count == 4, let year = Int(y) { return (.init(year: year), nil) }
        let normalised = y.replacingEvery("--", with: "/").replacingEvery("–", with: "/")
        if let date = dateValue(normalised, seasons: false) { return (date, nil) }
        let digits = y.prefix(while: \.isASCII).prefix(4)
        if digits.count == 4, let year = Int(digits), y.count == 5, let letter = y.last, letter.isLetter, letter.isLowercase {
            return (.init(year: year), "'\(y)': the letter is left out, as Folio adds its own letters to tell apart works of one author and year")
        }
        return (nil, "'\(y)' is not a year Folio reads, so the entry has no date (write YYYY, or a range YYYY--YYYY; put words such as 'forthcoming' in 'pubstate' or 'note')")
    }

    /// An EDTF date as biblatex reads it: `2024`, `2024-05`, `2024-05-30` (a time after `T` is dropped),
    /// `-0099` (100 BCE), `1990~` (approximate), `1990?` (uncertain), `1990%` (both), and ranges
    /// `2003/2004` and `1988/..` (open). Anything else is nil.
    static func dateValue(_ raw: String, seasons: Bool = true) -> Reference.DateValue? {
        let halves = raw.trimmingWhitespace().split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = halves.first, var date = datePoint(first, seasons: seasons) else { return nil }
        if halves.count == 2 {
            let e = halves[1]
            if e.isEmpty || e == ".." || e == "unknown" || e == "*" {
                date.openEnd = true
            } else {
                guard let end = datePoint(e, seasons: seasons) else { return nil }
                date.end = [end.year] + (end.month.map { [$0] + (end.day.map { [$0] } ?? []) } ?? [])
                date.approximate = date.approximate || end.approximate
                date.uncertain = date.uncertain || end.uncertain
            }
        }
        return date
    }

    /// `seasons`: EDTF's 21–24 after a year are seasons (in `date`, not in `year`, where `2020-21` is
    /// an academic year Folio does not read).
    private static func datePoint(_ s: Substring, seasons: Bool) -> Reference.DateValue? {
        var t = s
        var approximate = false, uncertain = false
        while let last = t.last, "?~%".contains(last) {
            if last != "~" { uncertain = true }
            if last != "?" { approximate = true }
            t = t.dropLast()
        }
        if let time = t.firstIndex(of: "T") { t = t[..<time] }
        let negative = t.hasPrefix("-")
        if negative { t = t.dropFirst() }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard let y = parts.first, y.count == 4, y.allSatisfy(\.isASCII), let year = Int(y), parts.count <= 3 else { return nil }
        var date = Reference.DateValue(year: negative ? -year : year)
        if parts.count > 1 {
            // EDTF's seasons (21 spring … 24 winter) keep their year; CSL has no season in a date.
            guard let m = Int(parts[1]), (1...12).contains(m) || (seasons && (21...24).contains(m) && parts.count == 2) else { return nil }
            date.month = m > 12 ? nil : m
        }
        if parts.count > 2 {
            guard let d = Int(parts[2]), (1...31).contains(d) else { return nil }
            date.day = d
        }
        date.approximate = approximate
        date.uncertain = uncertain
        return date
    }

    static func monthNumber(_ s: String) -> Int? {
        let key = String(s.lowercased().prefix(3))
        return BibTeXParser.monthMacros[key].flatMap { Int($0) }
    }
}
