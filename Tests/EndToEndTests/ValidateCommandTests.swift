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

    /// `validate --json`, decoded.
    func validateJSON(_ directory: String) throws -> (status: Int32, json: [String: Any]) {
        let result = try castform(["validate", "--json", directory])
        #expect(result.stderr == "")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result.status, json ?? [:])
    }

    @Test func jsonHasTerraformsShapeWithRangesInCharactersAndBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Two bytes for "é", eight for the flag: columns count characters, bytes count bytes.
        try directory.write("a.yaml", "mixcloud_cloudcast:\n  show: {title: \"Café 🇫🇷\", audio: a.mp3, titel: x}\n")
        let (status, json) = try validateJSON(directory.path)
        #expect(status == 1)
        #expect(json["format_version"] as? String == "1.0")
        #expect(json["valid"] as? Bool == false)
        #expect(json["error_count"] as? Int == 2)
        #expect(json["warning_count"] as? Int == 0)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        let unknown = try #require(diagnostics.first { ($0["summary"] as? String)?.hasPrefix("unknown attribute") == true })
        #expect(unknown["severity"] as? String == "error")
        #expect(unknown["summary"] as? String == "unknown attribute \"titel\" in mixcloud_cloudcast.show")
        #expect(unknown["detail"] as? String == "did you mean \"title\"?")
        let range = try #require(unknown["range"] as? [String: Any])
        #expect(range["filename"] as? String == directory.path + "/a.yaml")
        #expect(range["start"] as? [String: Int] == ["line": 2, "column": 41, "byte": 68])
        #expect(range["end"] as? [String: Int] == ["line": 2, "column": 46, "byte": 73])
        let audio = try #require(diagnostics.first { ($0["summary"] as? String)?.hasPrefix("\"audio\"") == true })
        #expect((audio["range"] as? [String: Any])?["start"] as? [String: Int] == ["line": 2, "column": 34, "byte": 61])
    }

    @Test func aDiagnosticWithoutAPlaceHasNoRange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (status, json) = try validateJSON(directory.path)
        #expect(status == 1)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["summary"] as? String == "no manifests in \(directory.path)")
        #expect(diagnostics.first?.keys.contains("range") == false)
    }

    @Test func aValidWorkspaceIsValidWithNoDiagnostics() throws {
        let (status, json) = try validateJSON("examples/weekly-show")
        #expect(status == 0)
        #expect(json["valid"] as? Bool == true)
        #expect(json["error_count"] as? Int == 0)
        #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
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
