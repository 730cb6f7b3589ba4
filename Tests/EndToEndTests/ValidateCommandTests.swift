import CastformTestSupport
import Foundation
import Testing

/// Runs the built `castform` binary as a user would and checks what they see.
@Suite struct ValidateCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let binary = ProcessRunner.castformBinary()

    func castform(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        var env = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        return try ProcessRunner.run(binary, arguments, environment: env, directory: Self.root)
    }

    @Test func theWeeklyShowExampleIsValid() throws {
        let result = try castform(["validate", "examples/weekly-show"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "The workspace is valid: 3 declarations in 4 files.\n")
        #expect(result.stderr == "")
    }

    @Test func theLiveEventExampleIsValidWithItsSecretSet() throws {
        let result = try castform(["validate", "examples/live-event"], environment: ["YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/k"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
    }

    @Test func problemsArePrintedWithLineCaretAndSummaryAndExitOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("streams.yaml", """
            livepeer_stream:
              main:
                name: Main
                profiles:
                  - {name: 720p, width: 100, height: 720, bitrate: 3000000, fps: 30}
                recrod: true
            """)
        let result = try castform(["validate", directory.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(directory.path)/streams.yaml:5:29: error: "width" must be between 128 and 2147483647, not 100
                    - {name: 720p, width: 100, height: 720, bitrate: 3000000, fps: 30}
                                          ^
            \(directory.path)/streams.yaml:6:5: error: unknown attribute "recrod" in livepeer_stream.main; did you mean "record"?
                  recrod: true
                  ^

            2 errors

            """)
    }

    @Test func jsonPrintsTheSameDiagnosticsForPrograms() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("a.yaml", "mixcloud_cloudcast:\n  show: {audio: a.mp3}\n")
        let result = try castform(["validate", "--json", directory.path])
        #expect(result.status == 1)
        let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.count == 2)
        #expect(entries?.first?["message"] as? String == "missing required attribute \"title\" in mixcloud_cloudcast.show")
        #expect(entries?.first?["line"] as? Int == 2)
    }

    @Test func helpReadsWell() throws {
        let root = try castform(["--help"])
        #expect(root.stdout.contains("validate"))
        #expect(root.stdout.contains("Declarative publishing"))
        let validate = try castform(["validate", "--help"])
        #expect(validate.stdout.contains("--json"))
        #expect(validate.stdout.contains("<dir>"))
    }
}
