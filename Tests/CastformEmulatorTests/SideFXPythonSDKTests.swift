import CastformEmulator
import Foundation
import Testing

/// sidefx-web 0.6.0, a command-line client of the SideFX Web API (scripts/sdk/sidefx_sdk_test.py,
/// in the virtualenv of scripts/sdk/setup-venv.sh), against the emulator: token, cached token,
/// builds listed with positional arguments, a production build downloaded whose MD5 is the API's.
@Suite struct SideFXPythonSDKTests {
    @Test func theSideFXWebCLIWorksAgainstTheEmulator() async throws {
        let python = LivepeerPythonSDKTests.root.appendingPathComponent(".venv-sdk/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            Issue.record("\(python.path) is missing: run scripts/sdk/setup-venv.sh to install the SDKs")
            return
        }
        let server = EmulatorServer(service: SideFXEmulator())
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let run = try await LivepeerPythonSDKTests.run(python, script: "scripts/sdk/sidefx_sdk_test.py",
                                                        environment: ["CASTFORM_SIDEFX_URL": "http://127.0.0.1:\(port)"])
        #expect(run.status == 0, "the sidefx-web script failed:\n\(run.output)")
        let line = try #require(run.output.split(separator: "\n").last { $0.hasPrefix("RESULT ") })
        #expect(line.contains("\"token_reused\": true") && line.contains("houdini-20.5.987-win64.tar.gz"), "\(line)")
    }
}
