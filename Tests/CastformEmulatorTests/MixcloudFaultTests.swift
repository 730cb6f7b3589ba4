@testable import CastformEmulator
import Foundation
import Testing

/// The fault plan against the Mixcloud routes: Mixcloud's 403 rate limit, a create whose
/// response is lost, slow uploads, and the request log.
@Suite struct MixcloudFaultTests {
    @Test func rateLimitIs403WithRetryAfterAndDoesNothing() async throws {
        let emulator = MixcloudEmulator()
        let faults = FaultPlan(rate: 1, faults: [.rateLimit(retryAfter: 452)], only: ["POST /upload"])
        try await withMixcloud(emulator, faults: faults) { client, server in
            let reply = try await client.upload("Limited")
            #expect(reply.status == 403)
            #expect(reply.header("Retry-After") == "452")
            #expect(reply.errorType == "RateLimitException")
            #expect((reply.json["error"] as? [String: Any])?["retry_after"] as? Int == 452)
            #expect(reply.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(await emulator.cloudcasts.isEmpty)
            // Reads are not in `only`.
            #expect(try await client.get("/deepsessions/").status == 200)
            #expect(server.log.count("POST", "/upload/") == 1)
        }
    }

    @Test func droppedResponseAfterUploadLeavesTheShow() async throws {
        let emulator = MixcloudEmulator()
        let faults = FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /upload/"])
        try await withMixcloud(emulator, faults: faults) { client, server in
            await #expect(throws: (any Error).self) { try await client.upload("Lost response") }
            #expect(await emulator.cloudcasts.map(\.key) == ["/deepsessions/lost-response/"])
            server.faults.update(FaultPlan())
            let list = try await client.get("/deepsessions/cloudcasts/")
            #expect((list.json["data"] as? [[String: Any]])?.first?["name"] as? String == "Lost response")
        }
    }

    @Test func slowUploadIsReadAtTheConfiguredRate() async throws {
        let emulator = MixcloudEmulator()
        // 96,000 bytes at 48,000 bytes/s cannot take less than two seconds (a lower bound only).
        let faults = FaultPlan(uploadBytesPerSecond: 48_000)
        try await withMixcloud(emulator, faults: faults) { client, _ in
            let clock = ContinuousClock()
            let start = clock.now
            let reply = try await client.upload("Slow", audio: MixcloudTestData.mp3(seconds: 6))
            let elapsed = clock.now - start
            #expect(reply.status == 200)
            #expect(elapsed >= .milliseconds(1900), "took \(elapsed)")
            #expect(await emulator.cloudcasts.first?.audio?.byteCount == 96_000)
        }
    }

    @Test func injected5xxKeepsTheServiceUntouched() async throws {
        let emulator = MixcloudEmulator()
        let faults = FaultPlan(rate: 1, faults: [.status(503, retryAfter: 3), .status(500, retryAfter: nil)], only: ["POST /upload/"])
        try await withMixcloud(emulator, faults: faults) { client, server in
            let first = try await client.upload("Unlucky")
            #expect(first.status == 503 && first.header("Retry-After") == "3")
            #expect(try await client.upload("Unlucky").status == 500)
            #expect(await emulator.cloudcasts.isEmpty)
            #expect(server.log.entries.map(\.status) == [503, 500])
        }
    }
}
