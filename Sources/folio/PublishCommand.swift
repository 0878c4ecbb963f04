import ArgumentParser
import Foundation
import FolioKit

/// `folio publish`: the paper at the checked-out commit as a versioned static site, in a folder or on a branch.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the paper as a static site: the latest draft, every version under v/<commit>/, and a list of versions.",
        discussion: """
            Without --branch the site is written to a folder (--site, default Build/site). With --branch the site \
            becomes a new commit on that branch, pushed to --remote unless --no-push is given; the branch only \
            ever fast-forwards, and the working tree, the index and the current branch are never touched. \
            See docs/PUBLISHING.md.
            """
    )

    @Option(name: .long, help: "The paper folder (default: Paper).")
    var paper = "Paper"

    @Option(name: .long, help: "Write the site into this folder (default: Build/site).")
    var site = "Build/site"

    @Option(name: .long, help: "Commit the site onto this branch (for example gh-pages) instead of writing a folder.")
    var branch: String?

    @Option(name: .long, help: "The remote (a name or URL) to fetch the branch from and push it to.")
    var remote: String?

    @Flag(name: .customLong("no-push"), help: "Leave the new commit on the local branch.")
    var noPush = false

    @Flag(name: .customLong("no-pdf"), help: "Publish the HTML only (for machines without TeX Live).")
    var noPDF = false

    @Option(name: .long, help: "Build profile: draft (with the draft banner and watermark), or final.")
    var profile: ProfileOption = .draft

    @Option(name: .customLong("git-timeout"), help: "Seconds each git command may run (default 60).")
    var gitTimeout: Double = ProcessRunner.Limits.git.seconds

    @OptionGroup var tools: ToolLimitOptions

    func validate() throws {
        if remote != nil && branch == nil { throw ValidationError("--remote needs --branch: a folder is not pushed anywhere") }
        if noPush && branch == nil { throw ValidationError("--no-push needs --branch") }
        if !(gitTimeout > 0 && gitTimeout <= 86_400) { throw ValidationError("--git-timeout must be between 0 and 86400 seconds") }
    }

    func run() throws {
        var request = PublishPipeline.Request(paperDirectory: paper, siteDirectory: site)
        request.branch = branch
        request.remote = remote
        request.push = !noPush
        request.pdf = !noPDF
        request.profile = profile.value
        request.limits = tools.value
        request.gitLimits = .init(seconds: gitTimeout, memoryBytes: ProcessRunner.Limits.git.memoryBytes)
        let outcome = PublishPipeline.run(request)
        Console().report(outcome.diagnostics, summary: true)
        if outcome.diagnostics.hasErrors { throw ExitCode(1) }
        let short = outcome.commit.map { String($0.prefix(7)) } ?? "HEAD"
        if let branch {
            if let next = outcome.branchCommit {
                print("published \(short) onto '\(branch)' as \(next.prefix(7))" + (remote.map { noPush ? " (not pushed to \($0))" : ", pushed to \($0)" } ?? ""))
            } else if outcome.pushed, let remote {
                print("'\(branch)' already has \(short); pushed it to \(remote)")
            } else {
                print("'\(branch)' already has \(short): nothing to publish")
            }
        } else if outcome.changed {
            print("published \(short) into \(site)/ (v/\(outcome.commit ?? "")/, index.html, \(SiteIndex.fileName), \(SiteIndex.pageName))")
        } else {
            print("\(site)/ already has \(short): nothing to publish")
        }
    }
}
