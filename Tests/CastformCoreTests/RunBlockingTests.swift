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

    /// More blocked works than cores, each waiting for a task to release it: were they on the
    /// threads tasks run on, the releasing task could not run until Dispatch noticed the
    /// starvation and added threads (about 3 s here), and the waits would time out.
    @Test func blockedWorkLeavesTheTaskThreadsFree() async {
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let gate = DispatchSemaphore(value: 0)
        let released = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask { await runBlocking { gate.wait(timeout: .now() + 1) == .success } }
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
