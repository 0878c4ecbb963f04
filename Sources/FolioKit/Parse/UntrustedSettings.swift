/// `--untrusted` (pull-request builds): settings in the paper folder that weaken safety are ignored,
/// with one warning for each, located where it is written. Lower limits are kept.
public enum UntrustedSettings {
    public static func apply(to manifest: inout Manifest) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let note: Diagnostic.Note = "pull-request builds (--untrusted) take safety settings only from the command line"
        if manifest.rawHTML {
            manifest.rawHTML = false
            out.append(.warning("untrusted.ignored", "ignored 'raw-html: true': raw HTML is shown as text",
                                at: manifest.settingLocations["raw-html"] ?? manifest.location, notes: [note]))
        }
        if manifest.rawLaTeX {
            manifest.rawLaTeX = false
            out.append(.warning("untrusted.ignored", "ignored 'raw-latex: true': raw LaTeX blocks are refused",
                                at: manifest.settingLocations["raw-latex"] ?? manifest.location, notes: [note]))
        }
        let defaults = InputLimits()
        for s in InputLimits.settings where manifest.limits[keyPath: s.path] > defaults[keyPath: s.path] {
            let written = manifest.limits[keyPath: s.path]
            manifest.limits[keyPath: s.path] = defaults[keyPath: s.path]
            out.append(.warning("untrusted.ignored",
                                "ignored 'limits: \(s.name): \(written)': above the default \(defaults[keyPath: s.path]), which applies",
                                at: manifest.settingLocations["limits." + s.name] ?? manifest.location, notes: [note]))
        }
        return out
    }
}
