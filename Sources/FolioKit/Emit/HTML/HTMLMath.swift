/// Math for HTML: MathML for the supported TeX subset, otherwise the TeX source in a styled element.
enum HTMLMath {
    static func render(_ tex: String, display: Bool) -> String {
        let result = MathMLConverter.convert(tex, display: display)
        return result.unsupported.isEmpty ? result.mathml : MathMLConverter.fallbackHTML(tex, display: display)
    }
}
