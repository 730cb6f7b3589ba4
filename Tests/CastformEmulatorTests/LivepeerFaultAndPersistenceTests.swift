import CastformEmulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Fault injection on the Livepeer routes, and state that survives a restart.
@Suite struct LivepeerFaultAndPersistenceTests {
    @Test func aRateLimitFaultAnswersWithRetryAfterAndCreatesNothing() async throws {
        let faults = FaultPlan(rate: 1, faults: [.status(503, retryAfter: 3)], only: ["POST /api/stream"])
        try await LivepeerHarness.with(faults: faults) { lp in
            let reply = try await lp.send("POST", "/stream", json: #"{"name":"s"}"#)
            #expect(reply.status == 503)
            #expect(reply.headers["retry-after"] == "3")
            #expect(!reply.errors.isEmpty)
            #expect(await lp.emulator.streams.isEmpty)
            #expect(try await lp.send("GET", "/stream").status == 200, "other routes are untouched")
            lp.server.faults.update(FaultPlan())
            #expect(try await lp.send("POST", "/stream", json: #"{"name":"s"}"#).status == 201)
            #expect(lp.server.log.count("POST", "/api/stream") == 2)
        }
    }

    @Test func aConnectionDroppedAfterCreateStillCreatesExactlyOneStream() async throws {
        let faults = FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /api/stream"])
        try await LivepeerHarness.with(faults: faults) { lp in
            await #expect(throws: (any Error).self) {
                _ = try await lp.send("POST", "/stream", json: #"{"name":"lost answer","userTags":{"castform":"livepeer_stream.main"}}"#)
            }
            #expect(await lp.emulator.streams.count == 1)
            #expect(await lp.emulator.streams.first?.name == "lost answer")
            lp.server.faults.update(FaultPlan())
            // What a client does to adopt it: find it by its tag.
            let listed = try await lp.send("GET", "/stream?streamsonly=1").array
            #expect(listed.count == 1)
            #expect((listed.first?["userTags"] as? [String: Any])?["castform"] as? String == "livepeer_stream.main")
        }
    }

    @Test func stateSurvivesARestartWithTheSameDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (id, streamKey) = try await LivepeerHarness.with(try LivepeerEmulator(dataDirectory: directory)) { lp in
            let stream = try await lp.createStream(#"{"name":"kept","userTags":{"z":"1","a":"2"}}"#)
            _ = try await lp.send("POST", "/multistream/target", json: #"{"url":"rtmp://h.example/live/k"}"#)
            _ = try await lp.send("POST", "/webhook", json: #"{"name":"w","url":"https://w.example","events":["stream.idle"]}"#)
            return (stream["id"] as? String ?? "", stream["streamKey"] as? String ?? "")
        }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("livepeer.journal").path))
        try await LivepeerHarness.with(try LivepeerEmulator(dataDirectory: directory)) { lp in
            let reply = try await lp.send("GET", "/stream/\(id)")
            #expect(reply.status == 200, "the same key still owns it")
            #expect(reply.object["streamKey"] as? String == streamKey)
            #expect(reply.text.contains(#""userTags":{"z":"1","a":"2"}"#), "member order survives")
            let (targets, webhooks) = (await lp.emulator.targets, await lp.emulator.webhooks)
            #expect(targets.count == 1 && webhooks.count == 1)
        }
    }
}
