import CastformTestSupport
import Foundation
import Testing

/// No example in README.md or docs/ may show something that does not work: every fenced block
/// marked ```` ```sh runnable ```` runs here with the built binary as `castform`, in a fresh
/// copy of `examples/`, in the sandbox (no account, no network). GitHub shows the block as
/// plain shell; the second word is only for this test.
@Suite struct RunnableDocsTests {
    static let root = MixcloudWorkspace.repositoryRoot

    @Test(arguments: try DocBlock.runnable(in: RunnableDocsTests.documents()))
    func theBlockRuns(_ block: DocBlock) throws {
        let directory = try TemporaryDirectory("castform-docs")
        defer { directory.remove() }
        let copy = try ProcessRunner.run("/bin/cp", ["-R", Self.root + "/examples", directory.path + "/examples"])
        #expect(copy.status == 0, "\(copy.stderr)")
        let script = try directory.write("block.sh", "set -euo pipefail\n" + block.script)
        let binaries = try directory.write("bin/.keep", "")
        let link = URL(fileURLWithPath: binaries).deletingLastPathComponent().appendingPathComponent("castform").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ProcessRunner.castformBinary())
        let result = try ProcessRunner.run("/bin/bash", [script], environment: [
            "PATH": URL(fileURLWithPath: link).deletingLastPathComponent().path + ":/usr/local/bin:/usr/bin:/bin",
            "HOME": directory.path, "NO_COLOR": "1", "CASTFORM_CREDENTIALS": directory.path + "/credentials.json",
        ], directory: directory.path)
        #expect(result.status == 0, "\(block.file):\(block.line): the block failed:\n\(result.stdout)\(result.stderr)")
    }

    /// The test above must not pass by finding nothing: the README and docs/ keep examples.
    @Test func theDocumentsHaveRunnableBlocks() throws {
        let blocks = try DocBlock.runnable(in: Self.documents())
        #expect(blocks.contains { $0.file == "README.md" })
        #expect(Set(blocks.map(\.file)).count >= 3, "\(blocks.map(\.file))")
    }

    @Test func blocksAreFoundWithTheirLineAndOnlyWhenMarked() {
        let text = "intro\n```sh runnable\ncastform validate\n```\n```sh\nnot this\n```\n"
        let blocks = DocBlock.runnable(in: text, file: "x.md")
        #expect(blocks == [DocBlock(file: "x.md", line: 2, script: "castform validate\n")])
    }

    /// README.md and every Markdown file under docs/, as (path from the root, text).
    static func documents() throws -> [(String, String)] {
        let docs = URL(fileURLWithPath: root + "/docs")
        let files = (FileManager.default.enumerator(at: docs, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "md" }
            .map { String($0.path.dropFirst(root.count + 1)) }
        return try (["README.md"] + files.sorted()).map { ($0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8)) }
    }
}

/// A fenced shell block of a Markdown document.
struct DocBlock: Sendable, Equatable, CustomTestStringConvertible {
    var file: String
    /// 1-based line of the opening fence.
    var line: Int
    var script: String

    var testDescription: String { "\(file):\(line)" }

    static func runnable(in documents: [(String, String)]) -> [DocBlock] {
        documents.flatMap { runnable(in: $0.1, file: $0.0) }
    }

    static func runnable(in text: String, file: String) -> [DocBlock] {
        var blocks: [DocBlock] = []
        var open: DocBlock?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var block = open {
                if trimmed == "```" {
                    blocks.append(block)
                    open = nil
                } else {
                    block.script += line + "\n"
                    open = block
                }
            } else if trimmed.hasPrefix("```") && trimmed.dropFirst(3).split(separator: " ").contains("runnable") {
                open = DocBlock(file: file, line: index + 1, script: "")
            }
        }
        return blocks
    }
}
