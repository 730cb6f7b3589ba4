import CastformTestSupport
import Foundation
import Testing

/// docs/reference is `castform docs generate`'s output: a schema that changes without its
/// page fails here, so the reference cannot go stale.
@Suite struct ReferenceDocsTests {
    static let reference = MixcloudWorkspace.repositoryRoot + "/docs/reference"

    @Test func theCommittedReferenceMatchesTheSchemas() throws {
        let check = try ProcessRunner.run(ProcessRunner.castformBinary(), ["docs", "generate", "--check", Self.reference])
        #expect(check.status == 0, "run `castform docs generate docs/reference`: \(check.stderr)")
    }

    @Test func aStalePageIsFoundAndRewritten() throws {
        let directory = try TemporaryDirectory("castform-reference")
        defer { directory.remove() }
        let binary = ProcessRunner.castformBinary()
        #expect(try ProcessRunner.run(binary, ["docs", "generate", directory.path]).status == 0)
        let page = directory.path + "/mixcloud_cloudcast.md"
        try "# out of date\n".write(toFile: page, atomically: true, encoding: .utf8)
        let check = try ProcessRunner.run(binary, ["docs", "generate", "--check", directory.path])
        #expect(check.status == 3)
        #expect(check.stderr.contains("mixcloud_cloudcast.md"), "\(check.stderr)")
        #expect(try ProcessRunner.run(binary, ["docs", "generate", directory.path]).status == 0)
        #expect(try String(contentsOfFile: page, encoding: .utf8).hasPrefix("# mixcloud_cloudcast\n"))
    }

    @Test func schemaListsTypesAndOneTypesAttributes() throws {
        let binary = ProcessRunner.castformBinary()
        let all = try ProcessRunner.run(binary, ["schema"])
        #expect(all.status == 0)
        #expect(all.stdout.contains("  mixcloud_cloudcast"), "\(all.stdout)")
        let one = try ProcessRunner.run(binary, ["schema", "mixcloud_cloudcast"])
        #expect(one.stdout.contains("  title: string, required"), "\(one.stdout)")
        let typo = try ProcessRunner.run(binary, ["schema", "mixcloud_cloudcats"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean"), "\(typo.stderr)")
    }
}
