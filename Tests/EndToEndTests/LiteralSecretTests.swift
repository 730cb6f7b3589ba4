import CastformTestSupport
import Foundation
import Testing

/// An attribute the schema calls sensitive is a secret however the manifest writes it: as a
/// literal, through `${var.x}`, or nested in a stream's inline multistream target. Plan, plan
/// file, state and every command's output hold only its keyed hash, as for `${env.X}`.
@Suite struct LiteralSecretTests {
    static let secrets = ["SECRETLITERAL", "SECRETVARVALUE", "SECRETSHARED", "SECRETINLINE"]

    static let settings = """
        providers:
          livepeer: {}
        variables:
          secret_url: rtmp://var.example/live/SECRETVARVALUE
        """

    static let manifests = """
        livepeer_webhook:
          hook:
            name: Hook
            url: https://hooks.example/castform
            shared_secret: SECRETSHARED
            events: [stream.started]
        livepeer_multistream_target:
          literal:
            name: Literal
            url: rtmp://literal.example/live/SECRETLITERAL
          from-variable:
            name: From a variable
            url: ${var.secret_url}
        livepeer_stream:
          stage:
            name: Stage
            multistream:
              targets:
                - {profile: source, spec: {name: inline, url: "rtmp://inline.example/live/SECRETINLINE"}}
        """

    @Test func secretsWrittenAsLiteralsNeverReachAFileOrTheTerminal() throws {
        let directory = try TemporaryDirectory("castform-literal-secrets")
        defer { directory.remove() }
        try directory.write("castform.yaml", Self.settings)
        try directory.write("streams.yaml", Self.manifests)
        let environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path]
        var printed = ""
        for arguments in [["plan", "--sandbox", "-out", "review.plan"], ["apply", "--sandbox", "review.plan"],
                          ["plan", "--sandbox", "--json"], ["show", "--sandbox", "--json"], ["plan", "--sandbox", "--detailed-exitcode"]] {
            let result = try ProcessRunner.run(ProcessRunner.castformBinary(), arguments, environment: environment, directory: directory.path)
            #expect(result.status == 0, "\(arguments): \(result.stdout)\(result.stderr)")
            printed += result.stdout + result.stderr
        }
        for secret in Self.secrets {
            #expect(!printed.contains(secret), "\(secret) was printed")
            for file in try Self.filesCastformWrote(in: directory.path) {
                let text = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
                #expect(!text.contains(secret), "\(secret) is in \(file)")
            }
        }
    }

    /// Every file under the workspace but the manifests and the sandbox's emulated services
    /// (which, like the real ones, hold what they were sent).
    static func filesCastformWrote(in root: String) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard !relative.hasSuffix(".yaml"), !relative.hasPrefix(".castform/sandbox/livepeer"),
                  !relative.hasPrefix(".castform/sandbox/mixcloud") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(root + "/" + relative)
            }
        }
        #expect(files.contains { $0.hasSuffix("review.plan") })
        #expect(files.contains { $0.hasSuffix("state.json") || $0.hasSuffix("state.json.journal") })
        return files
    }
}
