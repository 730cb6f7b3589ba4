import CastformTestSupport
import Foundation
import Testing

/// `castform fmt` with the built binary: CI's `--check`, the diff, the rewrite, and the
/// examples kept in canonical layout.
@Suite struct FmtCommandTests {
    static let untidy = """
        mixcloud_cloudcast:
            show:   # the weekly one (kept at its column)
                tracks:
                    - start: "0:00"
                      artist: A
                      track: B
                title: Show
        """

    @Test func checkListsTheFileExitsThreeAndWritesNothing() throws {
        let directory = try TemporaryDirectory("castform-fmt")
        defer { directory.remove() }
        let path = try directory.write("shows.yaml", Self.untidy)
        let check = try ProcessRunner.run(ProcessRunner.castformBinary(), ["fmt", "-check", "-diff", "."], directory: directory.path)
        #expect(check.status == 3, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("shows.yaml\n--- a/shows.yaml\n+++ b/shows.yaml\n"), "\(check.stdout)")
        #expect(check.stdout.contains("+      - {start: \"0:00\", artist: A, track: B}"), "\(check.stdout)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.untidy)
    }

    @Test func fmtRewritesThenCheckPasses() throws {
        let directory = try TemporaryDirectory("castform-fmt")
        defer { directory.remove() }
        let path = try directory.write("shows.yaml", Self.untidy)
        let binary = ProcessRunner.castformBinary()
        let run = try ProcessRunner.run(binary, ["fmt", path])
        #expect(run.status == 0 && run.stdout == path + "\n", "\(run.stdout)\(run.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == """
            mixcloud_cloudcast:
              show:     # the weekly one (kept at its column)
                title: Show
                tracks:
                  - {start: "0:00", artist: A, track: B}

            """)
        #expect(try ProcessRunner.run(binary, ["fmt", "--check", path]).status == 0)
    }

    @Test func invalidYAMLIsAnErrorAndOtherFilesAreStillFormatted() throws {
        let directory = try TemporaryDirectory("castform-fmt")
        defer { directory.remove() }
        _ = try directory.write("broken.yaml", "mixcloud_cloudcast: [\n")
        _ = try directory.write("good.yaml", Self.untidy)
        let run = try ProcessRunner.run(ProcessRunner.castformBinary(), ["fmt", directory.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.yaml: not valid YAML"), "\(run.stderr)")
        #expect(run.stdout.contains("good.yaml"))
    }

    @Test func theExamplesAreInCanonicalLayout() throws {
        let examples = MixcloudWorkspace.repositoryRoot + "/examples"
        let check = try ProcessRunner.run(ProcessRunner.castformBinary(), ["fmt", "--check", examples])
        #expect(check.status == 0, "run castform fmt examples: \(check.stdout)\(check.stderr)")
    }
}
