import CastformCore
import Dispatch
import Foundation
import Testing

@Suite struct RunBlockingTests {
    struct Failure: Error {}

    @Test func theResultAndTheErrorComeBack() async throws {
        #expect(await runBlocking { 6 * 7 } == 42)
        await #expect(throws: Failure.self) { try await runBlocking { () throws -> Int in throw Failure() } }
    }

    /// Many more blocked works than cores, each waiting for a task to release it: were they on
    /// the threads tasks run on, the releasing task could only run once Dispatch, noticing the
    /// starvation, had added a thread for each of them, one every second or so, and the waits
    /// would time out. On threads of their own they are all released at once (10 s leaves a
    /// loaded machine plenty of room).
    @Test func blockedWorkLeavesTheTaskThreadsFree() async {
        let count = ProcessInfo.processInfo.activeProcessorCount + 32
        let gate = DispatchSemaphore(value: 0)
        let released = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask { await runBlocking { gate.wait(timeout: .now() + 10) == .success } }
            }
            group.addTask {
                for _ in 0..<count { gate.signal() }
                return true
            }
            var released = 0
            for await ok in group where ok { released += 1 }
            return released
        }
        #expect(released == count + 1)
    }
}
