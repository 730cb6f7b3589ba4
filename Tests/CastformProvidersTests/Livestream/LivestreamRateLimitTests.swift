import CastformCore
import CastformEmulator
import CastformHTTP
import CastformTestSupport
@testable import CastformProviders
import Foundation
import Testing

/// The documented limits kept client-side (waits on the injected clock), across runs through
/// the file in `.castform/`, the day's budget refused early, and the service's 429 retried.
@Suite struct LivestreamRateLimitTests {
    @Test func twelveChannelReadsWaitForTheSecondWindowAndNeverMeet429() async throws {
        let harness = try await LivestreamHarness()
        defer { Task { await harness.stop() } }
        for _ in 1...12 {
            let result = await harness.read("livestream_channel", ["channel": .string("proshowcase")])
            #expect(result.diagnostics.isEmpty)
        }
        #expect(harness.requests.count == 24 && harness.requests.allSatisfy { $0.status == 200 })
        // 24 requests at 10 a second: the 11th and the 21st start a second later each.
        #expect(harness.clock.now >= .seconds(2) && harness.clock.now < .seconds(3))
    }

    @Test func theCountIsSharedThroughTheFileAcrossRuns() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("livestream-budget-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(".castform/livestream-requests.json").path
        let now = 1_800_000_000.0
        let first = LivestreamBudget(file: file)
        for _ in 1...10 { #expect(try first.reserve(now: now) == 0) }
        // A second run (a new budget on the same file) sees the first one's ten requests.
        #expect(try LivestreamBudget(file: file).reserve(now: now) == 1)
        #expect(FileManager.default.fileExists(atPath: file))
    }

    @Test func aSpentDayFailsBeforeStartingSayingWhenItFrees() async throws {
        let day = [LivestreamBudget.Window(count: 3, seconds: 86400, name: "Day")]
        let budget = LivestreamBudget(file: nil, windows: day)
        let harness = try await LivestreamHarness(budget: budget)
        defer { Task { await harness.stop() } }
        let read = await harness.read("livestream_channel", ["channel": .string("proshowcase")])
        #expect(read.diagnostics.isEmpty)
        harness.clock.advance(by: .seconds(3600))
        #expect(await harness.provider.preflight(types: ["livestream_channel"]).isEmpty)
        _ = await harness.read("livestream_playlists", ["channel": .string("proshowcase")])
        let refused = await harness.provider.preflight(types: ["livestream_channel"])
        #expect(refused.compactMap { $0.problem as? LivestreamProblem } == [.dailyBudgetSpent(limit: 3, resetIn: .seconds(82800))])
        #expect(refused.first?.message.hasSuffix("the next one frees in 23 h 0 min") == true)
        #expect(harness.requests.count == 3)
    }

    /// Another client of the same API user spends the second's ten requests; castform's next
    /// request meets the service's 429 and is sent again after its Retry-After.
    @Test func theServices429IsRetriedAfterItsRetryAfter() async throws {
        let harness = try await LivestreamHarness()
        defer { Task { await harness.stop() } }
        let other = harness.otherClient()
        for _ in 1...5 { _ = await other.readData(type: "livestream_channel", arguments: ["channel": .string("proshowcase")]) }
        #expect(harness.clock.now == .zero)
        let result = await harness.read("livestream_channel", ["channel": .string("proshowcase")])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.attributes["title"] == .string("Mogulus Pro Showcase"))
        #expect(harness.requests.filter { $0.status == 429 }.count == 1)
        #expect(harness.clock.sleeps.contains(.seconds(1)))
    }

    @Test func spentWindowsInTheHeadersPauseTheNextRequests() throws {
        var headers = HeaderFields()
        headers["X-Ratelimit-Remaining-Minute"] = "0"
        headers["X-Ratelimit-Reset-Minute"] = "30"
        headers["X-Ratelimit-Remaining-Second"] = "4"
        headers["X-Ratelimit-Reset-Second"] = "1"
        #expect(LivestreamBudgetMiddleware.pause(headers) == 30)
        let budget = LivestreamBudget(file: nil)
        try budget.pause(until: 1030)
        #expect(try budget.reserve(now: 1000) == 30)
    }
}
