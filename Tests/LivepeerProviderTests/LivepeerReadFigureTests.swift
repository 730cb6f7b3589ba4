import CastformCore
import CastformEmulator
import CastformPlanning
import CastformProviders
import Foundation
import Testing

/// The figure the issue asks for: reading 1,000 streams through the paged list, next to one GET
/// per stream, with 50 ms of latency per request. Timings are printed, never asserted (shared
/// machines are noisy); only the request counts are checked. Set LIVEPEER_READ_FIGURE=1 to run.
///
/// Measured 2026-11-26, debug build, 2 CPUs: `plan` of 1,000 applied streams made 2 requests
/// (one full page of 1,000, then the empty page its Link announced) in 4.8 s; the provider's read
/// alone took 1.9 s; reading the same streams one GET at a time took 1,000 requests and 55.5 s.
@Suite struct LivepeerReadFigureTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LIVEPEER_READ_FIGURE"] != nil))
    func readingAThousandStreams() async throws {
        let engine = try await LivepeerEngine([:])
        defer { Task { await engine.stop() } }
        let provider = try #require(engine.providers.providers["livepeer"])
        var known: [KnownObject] = []
        for index in 0..<1000 {
            let address = ResourceAddress(parsing: "livepeer_stream.s\(index)")!
            let request = OperationRequest(address: address, desired: ["name": .string("stream \(index)")], lineage: "figure")
            guard case .succeeded(let object?) = await provider.create(request, progress: { _ in }) else { Issue.record("create failed"); return }
            known.append(KnownObject(address: address, id: object.id, attributes: object.attributes, privateData: object.privateData))
        }
        engine.server.faults.update(FaultPlan(latency: .milliseconds(50)))

        let clock = ContinuousClock()
        var listed = ReadResult()
        let listTime = await clock.measure { listed = await provider.read(type: "livepeer_stream", objects: known) }
        #expect(listed.objects.count == 1000)
        #expect(listed.requestCount == 2)

        var gets = 0
        let getTime = await clock.measure {
            for object in known { gets += (await provider.importObject(type: "livepeer_stream", id: object.id)).requestCount }
        }
        print("livepeer read figure: 1000 streams, 50 ms latency: list \(listed.requestCount) requests in \(listTime); one GET each \(gets) requests in \(getTime)")
    }

    /// The same through the engine: `castform plan` of a workspace of 1,000 applied streams.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LIVEPEER_READ_FIGURE"] != nil))
    func planningAThousandStreams() async throws {
        var manifest = "livepeer_stream:\n"
        for index in 0..<1000 { manifest += "  s\(index): {name: \"stream \(index)\", record: true}\n" }
        let engine = try await LivepeerEngine(["streams.yaml": manifest])
        defer { Task { await engine.stop() } }
        #expect(try await engine.apply().succeeded)
        engine.server.faults.update(FaultPlan(latency: .milliseconds(50)))
        let clock = ContinuousClock()
        var plan: Plan?
        let time = try await clock.measure { plan = try await engine.plan() }
        #expect(engine.actions(plan!) == [])
        print("livepeer plan figure: 1000 streams, 50 ms latency: plan with \(plan!.refreshRequests) requests in \(time)")
    }
}
