/// Tables and figures in LaTeX.
extension LaTeXRenderer {
    /// A `longtable` with booktabs rules (a `tabular` when nested, where longtable cannot go).
    /// Column widths follow the longest cell; wide tables get tighter spacing and smaller type.
    mutating func table(_ t: Table) {
        let columns = max(t.alignments.count, t.header.cells.count)
        guard columns > 0 else { return }
        var lengths = [Int](repeating: 4, count: columns)
        var words = [Int](repeating: 1, count: columns)
        for row in [t.header] + t.rows {
            for (i, cell) in row.cells.enumerated() where i < columns {
                // One pass over the cell's text: its length and its longest word, in characters.
                var length = 0, word = 0, longest = 0
                for ch in cell.plainText.unicodeScalars {
                    length += 1
                    if ch == " " { word = 0 } else { word += 1; longest = max(longest, word) }
                }
                lengths[i] = max(lengths[i], min(length, 60))
                words[i] = max(words[i], min(longest, 20))
            }
        }
        let total = lengths.reduce(0, +)
        // Per-mille shares of the width left after column separation: every column first gets room for
        // its longest word (about 75 characters fill the line, with room to spare), the rest goes by the longest cell.
        let minimums = words.map { ($0 + 2) * 1000 / 75 }
        let spare = 1000 - minimums.reduce(0, +)
        var shares: [Int] = spare > 0
            ? zip(minimums, lengths).map { max(1, $0 + spare * $1 / max(total, 1)) }
            : lengths.map { max(1, $0 * 1000 / max(total, 1)) }
        // pandoc's multiline and grid tables say each column's share of the line.
        if let w = t.widths {
            shares = (0..<columns).map { (i: Int) -> Int in i < w.count ? max(1, Int((w[i] * 1000).rounded())) : 1 }
        }
        let separation = min(6.0, 200.0 / Double(max(2 * (columns - 1), 1)))
        let size = columns > 30 ? "\\tiny" : columns > 16 ? "\\footnotesize" : columns > 8 ? "\\small" : ""
        let available = "(\\linewidth-\(2 * (columns - 1))\\tabcolsep)"
        var spec = "@{}"
        for i in 0..<columns {
            let ragged = switch i < t.alignments.count ? t.alignments[i] : .none {
            case .center: "\\centering"
            case .right: "\\raggedleft"
            default: "\\raggedright"
            }
            spec += ">{\(ragged)\\arraybackslash}p{\\dimexpr\(available)*\(shares[i])/1000\\relax}"
        }
        spec += "@{}"
        let nested = environmentDepth > 0 || deferFootnotes > 0
        out += "\\begingroup\\setlength{\\tabcolsep}{\(String(format3: separation))pt}\(size)\n"
        if nested, let caption = t.caption {
            out += "\\par\\noindent " + (t.number.map { LaTeXEscaping.text(options.words.singular(.table)) + " \($0): " } ?? "")
                + rendered { $0.inlines(caption) } + "\\par\n"
        }
        if !nested, t.caption != nil, let n = t.number {
            out += "\\renewcommand{\\thetable}{\(n)}\\setcounter{table}{\(t.ordinal - 1)}\n"
        }
        out += nested ? "\\par\\noindent\\begin{tabular}{\(spec)}\n" : "\\begin{longtable}{\(spec)}\n"
        if !nested, let caption = t.caption {
            let (text, short) = captionTexts(caption)
            // Unnumbered (pandoc-crossref's unlabelled tables): longtable's starred caption.
            out += t.number == nil ? "\\caption*{\(text)}" : "\\caption[\(short)]{\(text)}"
            if let id = t.attributes.id { out += "\\label{\(LaTeXEscaping.label(id))}" }
            out += "\\\\\n"
        }
        out += "\\toprule\n"
        if !t.header.cells.isEmpty {
            tableRow(t.header, columns: columns)
            out += nested ? "\\midrule\n" : "\\midrule\n\\endhead\n"
        }
        for r in t.rows { tableRow(r, columns: columns) }
        out += "\\bottomrule\n\\end{\(nested ? "tabular" : "longtable")}\n\\endgroup\n\n"
    }

    mutating func tableRow(_ r: Table.Row, columns: Int) {
        deferFootnotes += 1
        var cells: [String] = []
        for i in 0..<columns {
            cells.append(i < r.cells.count ? rendered { $0.inlines(r.cells[i]) } : "")
        }
        deferFootnotes -= 1
        out += cells.joined(separator: " & ") + " \\\\\n"
    }

    mutating func figure(_ f: Figure) {
        let (caption, short) = captionTexts(f.caption)
        out += "\\begin{figure}[htbp]\n\\centering\n"
        if !f.subfigures.isEmpty {
            subfigures(f)
        } else if Resolver.isRemote(f.source) {
            // LaTeX cannot fetch images; the figure keeps its number and links to the image.
            out += "\\fbox{\\parbox{0.8\\linewidth}{\\centering\\href{\(LaTeXEscaping.url(f.source))}{"
                + "\\texttt{\(LaTeXEscaping.text(f.source))}}}}\n"
        } else if let path = options.assetPath(f.source) {
            let width = f.attributes["width"].flatMap(Self.latexWidth) ?? "\\linewidth"
            out += "\\includegraphics[width=\(width),height=0.45\\textheight,keepaspectratio]{\(Self.graphicsPath(path))}\n"
        }
        if f.ordinal > 0 {
            out += "\\renewcommand{\\thefigure}{\(f.number)}\\setcounter{figure}{\(f.ordinal - 1)}\n"
        }
        if f.number.isEmpty {
            // Unnumbered (pandoc-crossref's unlabelled figures): the caption without a number.
            out += "\\par\\medskip{\\small \(caption)\\par}\n\\end{figure}\n\n"
            return
        }
        out += "\\caption[\(short)]{\(caption)}"
        if let id = f.attributes.id { out += "\\label{\(LaTeXEscaping.label(id))}" }
        out += "\n\\end{figure}\n\n"
    }

    /// A group's images side by side, at most three to a row, each with "(a) caption" and its label.
    mutating func subfigures(_ f: Figure) {
        let perRow = min(3, f.subfigures.count)
        let width = String(format3: 0.97 / Double(perRow) - 0.02)
        for (n, sub) in f.subfigures.enumerated() {
            if n > 0 { out += n % perRow == 0 ? "\n\\par\\medskip\n" : "\\hfill\n" }
            out += "\\begin{minipage}[b]{\(width)\\linewidth}\\centering\n"
            if Resolver.isRemote(sub.source) {
                out += "\\href{\(LaTeXEscaping.url(sub.source))}{\\texttt{\(LaTeXEscaping.text(sub.source))}}"
            } else if let path = options.assetPath(sub.source) {
                out += "\\includegraphics[width=\\linewidth,height=0.3\\textheight,keepaspectratio]{\(Self.graphicsPath(path))}"
            }
            let (caption, _) = captionTexts(sub.caption)
            out += "\\par\\smallskip{\\small (\(LaTeXEscaping.text(f.letter(of: sub)))) \(caption)\\par}"
            if let id = sub.attributes.id { out += "\\phantomsection\\label{\(LaTeXEscaping.label(id))}" }
            out += "\n\\end{minipage}"
        }
        out += "\n\\par\\medskip\n"
    }

    /// A caption's text (footnotes deferred, as captions move) and its short form for lists and bookmarks.
    mutating func captionTexts(_ caption: [Inline]) -> (full: String, short: String) {
        deferFootnotes += 1
        let full = rendered { $0.inlines(caption) }
        deferFootnotes -= 1
        return (full, rendered { $0.inlines(caption.forTableOfContents) })
    }

    /// `60%` becomes `0.600\linewidth`; absolute lengths pass within sane bounds; anything else is ignored.
    static func latexWidth(_ w: String) -> String? {
        if w.hasSuffix("%"), let p = Double(w.dropLast()), p > 0, p <= 100 { return "\(String(format3: p / 100))\\linewidth" }
        let units: [(String, Double)] = [("cm", 50), ("mm", 500), ("in", 20), ("pt", 1500), ("em", 100)]
        for (unit, max) in units where w.hasSuffix(unit) {
            if let v = Double(w.dropLast(unit.count)), v >= 0.01, v <= max { return "\(String(format3: v))\(unit)" }
        }
        return nil
    }
}

extension String {
    /// A non-negative decimal with three places, e.g. `0.250`; never exponent notation.
    init(format3 value: Double) {
        let scaled = Int((Swift.max(0, Swift.min(value, 1_000_000)) * 1000).rounded())
        let frac = String(scaled % 1000)
        let padding = String(repeating: "0", count: Swift.max(0, 3 - frac.count))
        self = "\(scaled / 1000)." + padding + frac
    }
}
