/// Rewrites an SVG figure from a pull request so that it can only draw: an allowlist of elements and
/// attributes, no scripts, event handlers, `foreignObject`, external references or `javascript:`
/// (an SVG opened directly from the site runs with the site's origin). What is removed is reported
/// at its line and column in the SVG file; editor data that never renders (Inkscape and Sodipodi
/// attributes, `metadata`, comments) is dropped without a word. A document type with an internal
/// subset (entity definitions), undefined entities and malformed nesting are errors.
enum SVGSanitizer {
    struct Result {
        var svg: String
        var diagnostics: [Diagnostic]
    }

    static let elements: Set<String> = [
        "svg", "g", "defs", "desc", "title", "symbol", "use", "switch", "a", "view", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
        "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
        "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]

    /// Elements dropped with their content and no warning: editor data that never renders.
    static let silentlyDropped: Set<String> = ["metadata"]

    static let attributes: Set<String> = [
        "id", "class", "style", "lang", "xml:lang", "xml:space", "tabindex", "role", "aria-label", "aria-hidden",
        "xmlns", "xmlns:xlink", "xmlns:svg", "version", "baseProfile", "width", "height", "x", "y", "x1", "x2", "y1", "y2",
        "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "viewBox", "preserveAspectRatio",
        "transform", "gradientTransform", "gradientUnits", "patternTransform", "patternUnits", "patternContentUnits",
        "spreadMethod", "offset", "stop-color", "stop-opacity", "href", "xlink:href", "xlink:title", "target",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color",
        "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "filter", "filterUnits",
        "primitiveUnits", "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits",
        "refX", "refY", "orient", "display", "visibility", "overflow", "paint-order", "vector-effect",
        "shape-rendering", "text-rendering", "image-rendering", "color-interpolation", "color-interpolation-filters",
        "font-family", "font-size", "font-style", "font-weight", "font-variant", "font-stretch", "letter-spacing",
        "word-spacing", "text-anchor", "text-decoration", "dominant-baseline", "alignment-baseline", "baseline-shift",
        "writing-mode", "direction", "unicode-bidi", "dx", "dy", "rotate", "textLength", "lengthAdjust",
        "startOffset", "method", "spacing", "side", "mix-blend-mode", "isolation",
        "in", "in2", "result", "mode", "operator", "k1", "k2", "k3", "k4", "values", "type", "tableValues", "slope",
        "intercept", "amplitude", "exponent", "stdDeviation", "edgeMode", "radius", "order", "kernelMatrix",
        "divisor", "bias", "targetX", "targetY", "preserveAlpha", "surfaceScale", "diffuseConstant",
        "specularConstant", "specularExponent", "kernelUnitLength", "lighting-color", "flood-color", "flood-opacity",
        "azimuth", "elevation", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "z", "scale",
        "xChannelSelector", "yChannelSelector", "baseFrequency", "numOctaves", "seed", "stitchTiles",
        "requiredFeatures", "requiredExtensions", "systemLanguage", "focusable", "media",
    ]

    /// Editor namespaces whose attributes are dropped without a word.
    static let editorPrefixes = ["inkscape:", "sodipodi:", "xmlns:inkscape", "xmlns:sodipodi", "xmlns:dc", "xmlns:cc",
                                 "xmlns:rdf", "xmlns:sketch", "sketch:", "xmlns:serif", "serif:", "data-"]

    /// Attributes whose value may hold `url(…)`: only same-document references `url(#id)` are kept.
    static let paintAttributes: Set<String> = ["fill", "stroke", "clip-path", "mask", "filter", "marker-start",
                                               "marker-mid", "marker-end", "style"]

    static func sanitize(_ text: String, file: String) -> Result {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var diagnostics: [Diagnostic] = []
        var stack: [String] = []
        /// Depth in `stack` at which content is being dropped, and whether to say so.
        var dropping: Int?
        var sawRoot = false
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        func removed(_ what: String, _ line: Int, _ column: Int) {
            diagnostics.append(.warning("svg.removed", "removed \(what) from the SVG figure (figures may only draw)",
                                        at: at(line, column)))
        }
        func fail(_ id: String, _ message: String, _ line: Int, _ column: Int) -> Result {
            Result(svg: "", diagnostics: diagnostics + [.error(id, message, at: at(line, column))])
        }
        for t in MarkupTokenizer.tokens(text) {
            switch t.token {
            case .declaration(let d):
                if d.contains("[") {
                    return fail("svg.doctype", "an SVG figure may not define entities (a DOCTYPE with an internal subset); remove the DOCTYPE",
                                t.line, t.column)
                }
            case .processingInstruction(let pi):
                if !sawRoot && out.isEmpty && pi.hasPrefix("xml ") { out += "<?\(pi)?>" }
            case .comment:
                break
            case .cdata(let content):
                if dropping == nil { out += escapeText(content) }
            case .text(let raw):
                guard dropping == nil else { continue }
                if let bad = undefinedEntity(in: raw) {
                    return fail("svg.entity", "undefined entity '&\(bad);' in the SVG figure (only &amp; &lt; &gt; &quot; &apos; and numeric references)",
                                t.line, t.column)
                }
                if stack.last == "style", let problem = CSSSafety.problem(in: raw) {
                    removed("a <style> sheet with \(problem)", t.line, t.column)
                    continue
                }
                out += escapeText(raw)
            case .startTag(let name, let attrs, let selfClosing):
                if stack.isEmpty && sawRoot {
                    return fail("svg.malformed", "content after the SVG root element", t.line, t.column)
                }
                if stack.isEmpty && name != "svg" {
                    return fail("svg.malformed", "the root element is <\(name)>, not <svg>", t.line, t.column)
                }
                sawRoot = true
                if !selfClosing { stack.append(name) }
                guard dropping == nil else { continue }
                let editorData = silentlyDropped.contains(name) || editorPrefixes.contains { name.hasPrefix($0) }
                guard elements.contains(name) else {
                    if !editorData { removed("<\(name)>" + (name == "script" ? " (scripts never run in figures)" : ""), t.line, t.column) }
                    if !selfClosing { dropping = stack.count }
                    continue
                }
                out += "<" + name
                for a in attrs {
                    switch attributeProblem(a, element: name) {
                    case nil:
                        out += " \(a.name)=\"\(escapeAttribute(a.raw))\""
                    case .some(.silent):
                        break
                    case .some(.unsafe(let why)):
                        if let bad = undefinedEntity(in: a.raw) {
                            return fail("svg.entity", "undefined entity '&\(bad);' in the SVG figure", a.line, a.column)
                        }
                        removed("\(a.name)=\"…\" on <\(name)> (\(why))", a.line, a.column)
                    }
                }
                out += selfClosing ? "/>" : ">"
            case .endTag(let name):
                guard let open = stack.last else {
                    return fail("svg.malformed", "</\(name)> closes nothing", t.line, t.column)
                }
                guard open == name else {
                    return fail("svg.malformed", "</\(name)> closes <\(open)>", t.line, t.column)
                }
                if dropping == nil { out += "</\(name)>" }
                if dropping == stack.count { dropping = nil }
                stack.removeLast()
            }
        }
        if let open = stack.last {
            return fail("svg.malformed", "<\(open)> is never closed", 1, 1)
        }
        if !sawRoot { return fail("svg.malformed", "no <svg> element", 1, 1) }
        return Result(svg: out + "\n", diagnostics: diagnostics)
    }

    enum AttributeProblem {
        /// Editor data: dropped without a word.
        case silent
        case unsafe(String)
    }

    static func attributeProblem(_ a: MarkupTokenizer.Attribute, element: String) -> AttributeProblem? {
        let name = a.name
        if editorPrefixes.contains(where: { name.hasPrefix($0) }) { return .silent }
        if name.lowercased().hasPrefix("on") { return .unsafe("event handlers never run in figures") }
        guard attributes.contains(name) else { return .unsafe("not an SVG drawing attribute") }
        guard let value = EntityText.decode(a.raw, xml: true) else { return .unsafe("an undefined entity") }
        if name == "href" || name == "xlink:href" {
            return hrefProblem(value, element: element).map { .unsafe($0) }
        }
        if paintAttributes.contains(name) || name == "style", let problem = CSSSafety.problem(in: value) {
            return .unsafe(problem)
        }
        if URLSafety.mentionsScript(value) { return .unsafe("a script URL") }
        return nil
    }

    static func hrefProblem(_ value: String, element: String) -> String? {
        let v = URLSafety.normalised(value)
        if v.hasPrefix("#") { return nil }
        if element == "a" { return URLSafety.isSafeLink(value) ? nil : "links may only be http, https, mailto or relative" }
        if element == "image" || element == "feImage", URLSafety.isInlineImage(v) { return nil }
        return "only references inside the figure (#id) are allowed"
    }

    static func undefinedEntity(in raw: String) -> String? {
        EntityText.firstUndefined(in: raw, xml: true)
    }

    /// Text as written, with `<`, `>` and bare `&` escaped (valid references are kept).
    static func escapeText(_ raw: String) -> String {
        EntityText.escapeKeepingReferences(raw, quote: false)
    }

    static func escapeAttribute(_ raw: String) -> String {
        EntityText.escapeKeepingReferences(raw, quote: true)
    }
}
