import CastformHTTP
import CastformTestSupport
import Foundation
import Testing

@Suite struct ManualClockTests {
    @Test func sleepersWakeInDeadlineOrderWhenTimeReachesThem() async throws {
        let clock = ManualClock()
        let woken = Woken()
        let short = Task { try await clock.sleep(for: .seconds(1)); await woken.add("short") }
        let long = Task { try await clock.sleep(for: .seconds(5)); await woken.add("long") }
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(2))
        try await short.value
        #expect(await woken.names == ["short"])
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(3))
        try await long.value
        #expect(await woken.names == ["short", "long"])
        #expect(clock.now == .seconds(5))
        #expect(clock.sleeps == [.seconds(1), .seconds(5)])
    }

    @Test func aCancelledSleeperThrowsAndLeaves() async throws {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(for: .seconds(10)) }
        await clock.waitForSleepers(1)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func theWallClockMovesWithIt() {
        let clock = ManualClock(date: Date(timeIntervalSince1970: 1000), advancesOnSleep: true)
        clock.advance(by: .milliseconds(1500))
        #expect(clock.date == Date(timeIntervalSince1970: 1001.5))
    }

    private actor Woken {
        var names: [String] = []
        func add(_ name: String) { names.append(name) }
    }
}
