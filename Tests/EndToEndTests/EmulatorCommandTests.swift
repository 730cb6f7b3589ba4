import CastformTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `castform emulator` prints, for each service, the base URL a client needs (Livepeer's API
/// lives under /api, as at livepeer.studio), and stops on an interrupt.
@Suite struct EmulatorCommandTests {
    @Test func printsEachServicesAPIURLAndStopsOnInterrupt() async throws {
        let directory = try TemporaryDirectory("castform-emulator")
        defer { directory.remove() }
        let log = directory.path + "/emulator.log"
        let process = try ProcessRunner.start(ProcessRunner.castformBinary(), ["emulator", "--service", "livepeer", "--service", "mixcloud"],
                                              environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path], directory: directory.path, output: log)
        var text = ""
        for _ in 0..<200 where !text.contains("Serving until interrupted") {
            try await Task.sleep(for: .milliseconds(50))
            text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        let urls = text.split(separator: "\n").filter { $0.contains(": http://") }.map(String.init)
        #expect(urls.count == 2, "\(text)")
        let livepeer = try #require(urls.first { $0.hasPrefix("livepeer: ") }?.dropFirst("livepeer: ".count))
        #expect(livepeer.hasSuffix("/api"), "\(text)")
        // The printed URL is the API's: a client's first call works as written.
        var request = URLRequest(url: URL(string: livepeer + "/stream")!)
        request.setValue("Bearer livepeer-test-key", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(urls.contains { $0.hasPrefix("mixcloud: http://127.0.0.1:") && !$0.hasSuffix("/") })

        kill(process.processIdentifier, SIGINT)
        await Task.detached { process.waitUntilExit() }.value
        #expect(process.terminationStatus == 0)
    }
}
