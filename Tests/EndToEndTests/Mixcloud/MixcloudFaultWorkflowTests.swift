import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// A bad day at Mixcloud: rate limits and lost upload answers must not make a second show.
@Suite(.serialized) struct MixcloudFaultWorkflowTests {
    @Test func rateLimitedRequestsStillConverge() async throws {
        let faults = FaultPlan(rate: 0.4, faults: [.mixcloudRateLimit(retryAfter: 1)], seed: 7)
        let workspace = try await MixcloudWorkspace(faults: faults)
        defer { Task { await workspace.stop() } }
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(workspace.server.log.entries.contains { $0.status == 403 })
        workspace.server.faults.update(FaultPlan())
        #expect(workspace.shows.count == 3)
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)")
    }

    @Test func lostUploadAnswersAreAdoptedNotUploadedTwice() async throws {
        let faults = FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /upload/"])
        let workspace = try await MixcloudWorkspace(faults: faults)
        defer { Task { await workspace.stop() } }
        let first = try await workspace.castform("apply", "--auto-approve")
        #expect(first.status != 0)
        #expect(workspace.shows.count == 3)

        workspace.server.faults.update(FaultPlan())
        let plan = try await workspace.castform("plan")
        #expect(!plan.stdout.contains("to add, ") || plan.stdout.contains("0 to add"), "\(plan.stdout)")
        let second = try await workspace.castform("apply", "--auto-approve")
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(workspace.shows.count == 3)
        #expect(workspace.server.log.count("POST", "/upload/") == 3)
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }
}
