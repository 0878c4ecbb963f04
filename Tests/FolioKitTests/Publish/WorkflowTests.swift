import Foundation
import Testing
import Yams
@testable import FolioKit

/// `.github/workflows/paper.yml` cannot run here, so it is checked offline: zizmor's security audits,
/// GitHub's workflow schema, and the properties that keep pull requests from forks harmless.
@Suite("The GitHub workflow")
struct WorkflowTests {
    static let file = TestPaths.packageRoot.appendingPathComponent(".github/workflows/paper.yml")

    func workflow() throws -> (text: String, root: Node) {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        return (text, try #require(try Yams.compose(yaml: text)))
    }

    func job(_ root: Node, _ name: String) throws -> Node { try #require(root["jobs"]?[name], "no job \(name)") }

    func steps(_ job: Node) -> [Node] { job["steps"]?.sequence.map(Array.init) ?? [] }

    func mapping(_ node: Node?) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in node?.mapping ?? [:] { if let key = k.string { out[key] = v.string ?? "" } }
        return out
    }

    @Test("zizmor --offline reports no findings", .requires(.zizmor))
    func zizmor() throws {
        try Requirement.zizmor.check()
        let tool = try #require(PipProgram.find("zizmor"))
        let r = try ProcessRunner.run(tool, ["--offline", "--no-progress", Self.file.path], in: TestPaths.packageRoot.path)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("No findings"), "\(r.output)")
    }

    @Test("check-jsonschema accepts it against GitHub's workflow schema", .requires(.checkJSONSchema))
    func schema() throws {
        try Requirement.checkJSONSchema.check()
        let tool = try #require(PipProgram.find("check-jsonschema"))
        let r = try ProcessRunner.run(tool, ["--builtin-schema", "vendor.github-workflows", Self.file.path], in: TestPaths.packageRoot.path)
        #expect(r.status == 0, "\(r.output)")
    }

    @Test("Triggers, permissions and conditions: pull requests read only, publishing only on pushes to the default branch")
    func permissions() throws {
        let (text, root) = try workflow()
        #expect(!text.contains("pull_request_target"))
        #expect(!text.contains("secrets."))
        let on = try #require(root["on"])
        #expect(Set(on.mapping?.keys.compactMap(\.string) ?? []) == ["pull_request", "push"])
        #expect(on["push"]?["branches"]?.sequence?.compactMap(\.string) == ["main"])
        #expect(root["permissions"]?.mapping?.isEmpty == true, "top-level permissions must be {}")

        let draft = try job(root, "draft")
        #expect(draft["if"]?.string == "github.event_name == 'pull_request'")
        #expect(mapping(draft["permissions"]) == ["contents": "read"])
        for step in steps(draft) where step["uses"]?.string?.hasPrefix("actions/checkout@") == true {
            #expect(step["with"]?["persist-credentials"]?.string == "false")
            #expect(step["with"]?["ref"]?.string == "${{ github.event.pull_request.head.sha }}", "the stamp names the PR's head commit")
        }
        let draftRuns = steps(draft).compactMap { $0["run"]?.string }.joined(separator: "\n")
        #expect(draftRuns.contains("--untrusted --pull-request $PR_NUMBER"))
        #expect(draftRuns.contains("folio lint --untrusted --since \"$BASE_SHA\" --format github"))
        #expect(draftRuns.contains("folio check --untrusted --format markdown >> \"$GITHUB_STEP_SUMMARY\""))
        #expect(draftRuns.contains("--format markdown >> \"$GITHUB_STEP_SUMMARY\""))
        #expect(!draftRuns.contains("${{"), "expressions in run: are template injection; pass them through env:")
        let upload = try #require(steps(draft).first { $0["uses"]?.string?.hasPrefix("actions/upload-artifact@") == true })
        #expect(upload["with"]?["name"]?.string == "${{ steps.name.outputs.artifact }}")
        #expect(draftRuns.contains("artifact=draft-pr${PR_NUMBER}-$(git rev-parse --short=7 HEAD)"))

        let publish = try job(root, "publish")
        let condition = try #require(publish["if"]?.string)
        #expect(condition.contains("github.event_name == 'push'"))
        #expect(condition.contains("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"))
        #expect(condition.contains("!github.event.repository.fork"))
        #expect(mapping(publish["permissions"]) == ["contents": "write"])
        #expect(publish["concurrency"]?["cancel-in-progress"]?.string == "false")
        let publishRuns = steps(publish).compactMap { $0["run"]?.string }
        #expect(publishRuns.contains("make publish"))
        // Only the publishing job may write.
        for (name, node) in root["jobs"]?.mapping ?? [:] where name.string != "publish" {
            #expect(!mapping(node["permissions"]).values.contains("write"), "\(name.string ?? "") may write")
        }
        for j in [draft, publish] {
            #expect(j["container"]?.string?.hasSuffix("-bookworm") == true, "builds on Debian 12")
            #expect(steps(j).contains { $0["uses"]?.string?.hasPrefix("actions/cache@") == true })
        }
    }

    @Test("Every action is pinned to a full commit SHA, with its release in a comment")
    func pinned() throws {
        let (text, _) = try workflow()
        let uses = text.split(separator: "\n").filter { $0.contains("uses:") }
        #expect(uses.count >= 5)
        for line in uses {
            let ref = line.split(separator: "@", maxSplits: 1).last.map { String($0.prefix { !$0.isWhitespace }) } ?? ""
            #expect(ref.count == 40 && ref.allSatisfy(\.isHexDigit), "\(line) is not pinned to a commit")
            #expect(line.range(of: #"# v\d+\.\d+\.\d+"#, options: .regularExpression) != nil, "\(line) lacks its release tag")
        }
    }
}
