import ArgumentParser
import FolioKit

/// `--untrusted`: the paper folder comes from a pull request, so its safety settings are ignored.
struct UntrustedOption: ParsableArguments {
    @Flag(name: .long, help: "Treat the paper folder as untrusted (pull requests): ignore its raw-html and raised limits.")
    var untrusted = false
}

/// Wall-clock and memory limits for the tools a build runs (docs/SECURITY.md).
struct ToolLimitOptions: ParsableArguments {
    @Option(name: .customLong("latex-timeout"), help: "Seconds LaTeX may run before it is stopped (default 600).")
    var latexTimeout: Double?

    @Option(name: .customLong("svg-timeout"), help: "Seconds rsvg-convert may take per SVG figure (default 60).")
    var svgTimeout: Double?

    @Option(name: .customLong("tool-memory"), help: "Memory each tool may use, in MiB (default: LaTeX 6144, rsvg-convert 2048).")
    var toolMemory: Int?

    func validate() throws {
        for (name, v) in [("--latex-timeout", latexTimeout), ("--svg-timeout", svgTimeout)] {
            if let v, !(v > 0 && v <= 86_400) { throw ValidationError("\(name) must be between 0 and 86400 seconds") }
        }
        if let m = toolMemory, !(64...(1 << 20)).contains(m) { throw ValidationError("--tool-memory must be between 64 and 1048576 MiB") }
    }

    var value: BuildPipeline.ToolLimits {
        var limits = BuildPipeline.ToolLimits()
        if let s = latexTimeout { limits.latex.seconds = s }
        if let s = svgTimeout { limits.svg.seconds = s }
        if let m = toolMemory {
            limits.latex.memoryBytes = m << 20
            limits.svg.memoryBytes = m << 20
        }
        return limits
    }
}
