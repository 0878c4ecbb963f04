import ArgumentParser
import Foundation
import FolioKit

/// `folio review`: the CriticMarkup marks in the chapters, listed, accepted or rejected.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List, accept or reject the review marks (CriticMarkup) in the chapters.",
        subcommands: [ReviewList.self, ReviewAccept.self, ReviewReject.self]
    )
}

struct ReviewList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every review mark: file, line, kind, author and text.")

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: ReviewReport.Format = .text

    @OptionGroup var paper: PaperOption

    func run() throws {
        let marks = ReviewMarks.read(try paper.source())
        Console().report(marks.diagnostics, summary: false)
        print(ReviewReport.render(marks.all, format: format), terminator: "")
        if marks.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

/// What accept and reject share: which marks, `--dry-run`, and printing what changed.
struct ReviewSelection: ParsableArguments {
    @Flag(name: .long, help: "Every mark in the paper.")
    var all = false

    @Option(name: .long, help: "Marks whose comment is by this handle (as in {>>@handle: …<<}).")
    var author: String?

    @Argument(help: "Marks on these lines, as FILE:LINE (the file as messages print it).")
    var places: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print what would change, and change nothing.")
    var dryRun = false

    @OptionGroup var paper: PaperOption

    func validate() throws {
        let chosen = (all ? 1 : 0) + (author == nil ? 0 : 1) + (places.isEmpty ? 0 : 1)
        if chosen == 0 { throw ValidationError("say which marks: --all, --author NAME, or FILE:LINE") }
        if chosen > 1 { throw ValidationError("use one of --all, --author NAME and FILE:LINE") }
        if paper.revision != nil { throw ValidationError("review accept and reject edit the working tree; --revision cannot be used") }
    }

    func selection() throws -> ReviewRewriter.Selection {
        if all { return .all }
        if let author { return .author(author) }
        return .lines(try places.map { place in
            guard let colon = place.lastIndex(of: ":"), let line = Int(place[place.index(after: colon)...]), line > 0 else {
                throw ValidationError("'\(place)' is not FILE:LINE, for example Paper/chapters/intro.md:12")
            }
            let path = String(place[..<colon])
            return (URL(fileURLWithPath: path).standardizedFileURL.path, line)
        })
    }

    func run(accept: Bool) throws {
        let marks = ReviewMarks.read(DiskProvider(directory: paper.directory))
        let plan = ReviewRewriter.plan(marks, accept: accept, selection: try selection())
        Console().report(marks.diagnostics, summary: false)
        for path in plan.skipped {
            FileHandleOutput.standardError("\(path): left unchanged: fix its malformed review marks first")
        }
        for place in plan.unmatched {
            FileHandleOutput.standardError("\(DisplayPath.of(place.path)):\(place.line): error: no review mark starts on or runs over this line")
        }
        let verb = accept ? "accepted" : "rejected"
        for c in plan.changes {
            print("\(c.mark.location): \(dryRun ? "would be " : "")\(verb) \(c.mark.kind.rawValue)"
                  + (c.mark.author.map { " by @\($0)" } ?? "") + ": " + ReviewReport.summary(c.mark))
        }
        if plan.changes.isEmpty {
            print("no review marks \(plan.skipped.isEmpty ? "to resolve" : "changed")")
        } else if !dryRun {
            try ReviewRewriter.write(plan)
            print("\(plan.changes.count) mark\(plan.changes.count == 1 ? "" : "s") \(verb) in \(plan.files.count) file\(plan.files.count == 1 ? "" : "s")")
        }
        if !plan.skipped.isEmpty || !plan.unmatched.isEmpty || marks.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

struct ReviewAccept: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept",
        abstract: "Accept marks: keep insertions and the new side of substitutions, drop deletions and comments.")
    @OptionGroup var options: ReviewSelection
    func run() throws { try options.run(accept: true) }
}

struct ReviewReject: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject",
        abstract: "Reject marks: drop insertions, keep deletions and the old side of substitutions, drop comments.")
    @OptionGroup var options: ReviewSelection
    func run() throws { try options.run(accept: false) }
}

extension ReviewReport.Format: ExpressibleByArgument {}
