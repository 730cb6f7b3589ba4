@testable import CastformHTTP
import CastformTestSupport
import NIOConcurrencyHelpers
import Testing

@Suite struct RateLimitMiddlewareTests {
    @Test func tenPerSecondAndHundredPerMinuteGrantExactStarts() {
        var schedule = WindowSchedule([.init(10, per: .seconds(1)), .init(100, per: .seconds(60))])
        let starts = (0..<250).map { _ in schedule.reserve(now: .zero) }
        // Ten a second until the minute's hundred are spent, then nothing until the first of
        // them is a minute old, and so on.
        let expected = (0..<250).map { Duration.seconds(60 * ($0 / 100) + ($0 % 100) / 10) }
        #expect(starts == expected)
    }

    @Test func aWindowFreesUpAsTimePasses() {
        var schedule = WindowSchedule([.init(2, per: .seconds(1))])
        #expect(schedule.reserve(now: .zero) == .zero)
        #expect(schedule.reserve(now: .milliseconds(400)) == .milliseconds(400))
        #expect(schedule.reserve(now: .milliseconds(500)) == .seconds(1))
        #expect(schedule.reserve(now: .seconds(3)) == .seconds(3))
    }

    @Test func requestsWaitOnTheClockForTheirWindow() async throws {
        let clock = ManualClock()
        let limiter = RateLimitMiddleware(RateLimit([.init(10, per: .seconds(1)), .init(100, per: .seconds(60))]))
        try await TestServer.with(script: [.json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [limiter], clock: clock)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<115 {
                    group.addTask { _ = try await client.send(HTTPRequest(.get, "/stream/\(index)")) }
                }
                await clock.waitForSleepers(105)
                #expect(await eventually { server.requests.count == 10 })
                for second in 1...9 {
                    clock.advance(by: .seconds(1))
                    #expect(await eventually { server.requests.count == 10 * (second + 1) })
                }
                // The minute's hundred are spent: nothing more until the first is a minute old.
                clock.advance(by: .seconds(50))
                #expect(clock.sleeperCount == 15)
                #expect(server.requests.count == 100)
                clock.advance(by: .seconds(1))
                #expect(await eventually { server.requests.count == 110 })
                clock.advance(by: .seconds(1))
                try await group.waitForAll()
            }
            #expect(server.requests.count == 115)
        }
    }

    @Test func noMoreThanTheConcurrencyLimitAreInFlight() async throws {
        let inFlight = NIOLockedValueBox((now: 0, peak: 0))
        let handler: TestServer.Handler = { _ in
            inFlight.withLockedValue { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            try await Task.sleep(for: .milliseconds(50))
            inFlight.withLockedValue { $0.now -= 1 }
            return .json(200, "{}")
        }
        try await TestServer.with(handler) { server in
            let client = makeClient(server.baseURL, middlewares: [RateLimitMiddleware(RateLimit(maxConcurrent: 2))])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try await client.send(HTTPRequest(.get, "/")) }
                }
                try await group.waitForAll()
            }
            #expect(server.requests.count == 8)
            #expect(inFlight.withLockedValue { $0.peak } == 2)
        }
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        try await limiter.acquire()
        let waiting = Task { try await limiter.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        await limiter.release()
        // The slot is free again: a new caller gets it at once.
        try await limiter.acquire()
        await limiter.release()
    }
}
