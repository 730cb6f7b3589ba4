import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// A bad day at Mixcloud: rate limits and lost upload answers must not make a second show.
@Suite(.serialized) struct MixcloudFaultWorkflowTests {
    @Test func rateLimitedRequestsStillConverge() async throws {
        let faults = FaultPlan(rate: 0.4, faults: [.rateLimit(retryAfter: 1)], seed: 7)
        let workspace = try await MixcloudWorkspace(faults: faults)
        defer { Task { await workspace.stop() } }
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(workspace.server.log.entries.contains { $0.status == 403 })
        workspace.server.faults.update(FaultPlan())
        #expect(await workspace.shows.count == 3)
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)")
    }

    @Test func lostUploadAnswersAreAdoptedNotUploadedTwice() async throws {
        let faults = FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /upload/"])
        let workspace = try await MixcloudWorkspace(faults: faults)
        defer { Task { await workspace.stop() } }
        let first = try await workspace.castform("apply", "--auto-approve")
        #expect(first.status != 0)
        #expect(await workspace.shows.count == 3)

        workspace.server.faults.update(FaultPlan())
        let plan = try await workspace.castform("plan")
        #expect(!plan.stdout.contains("to add, ") || plan.stdout.contains("0 to add"), "\(plan.stdout)")
        let second = try await workspace.castform("apply", "--auto-approve")
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(await workspace.shows.count == 3)
        #expect(workspace.server.log.count("POST", "/upload/") == 3)
        // Adopted shows are recorded as completely as uploaded ones (audio fingerprint, the
        // time their details were read): the next plan gets none of them one by one.
        workspace.server.log.reset()
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
        #expect(workspace.singleGets == [:])
        let state = try String(contentsOfFile: workspace.directory.path + "/.castform/state.json", encoding: .utf8)
        #expect(state.contains("audio_sha256") && state.contains("details_updated_time"))
    }
}

/// A new audio file re-uploads the show under the same title. If that upload is lost before
/// Mixcloud stored it, the next run must not take the old show (same title) for the new one:
/// it would then unpublish the show it had just adopted.
@Suite(.serialized) struct MixcloudInterruptedReplaceTests {
    @Test func aLostReplacementUploadIsMadeAgainNotFoundInTheOldShow() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        try workspace.append(417, to: "audio/deep-sessions-42.mp3")

        workspace.server.faults.update(FaultPlan(rate: 1, faults: [.dropBeforeHandling], only: ["POST /upload/"]))
        let lost = try await workspace.castform("apply", "--auto-approve")
        #expect(lost.status != 0)
        #expect(await workspace.shows.count == 3, "the upload never reached Mixcloud")

        workspace.server.faults.update(FaultPlan())
        let plan = try await workspace.castform("plan")
        // The old show is still to come down once the new one is up, and the plan says so.
        #expect(plan.stdout.contains("mixcloud_cloudcast.deep-sessions-42 will be created"), "\(plan.stdout)")
        #expect(plan.stdout.contains("mixcloud_cloudcast.deep-sessions-42's replaced object /deepsessions/deep-sessions-42/ will be unpublished"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 1 to add, 0 to change, 1 to destroy."), "\(plan.stdout)")
        let again = try await workspace.castform("apply", "--auto-approve")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        let shows = await workspace.shows.values.filter { $0.name == "Deep Sessions #42" }
        #expect(shows.count == 2)
        #expect(await workspace.shows["/deepsessions/deep-sessions-42/"]?.visibility == .draft)
        #expect(shows.contains { $0.key != "/deepsessions/deep-sessions-42/" && $0.visibility == .published })
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }

    /// A show with the same title uploaded long before (on the web site, by hand) is not the
    /// one a lost upload made: only shows created after the upload was sent are candidates.
    /// (`--no-adopt`: without it, the first plan already imports that show as the declared
    /// one's twin — what `MixcloudTwinTests` covers.)
    @Test func anOlderShowWithTheSameTitleIsNotAdopted() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        let seeded = try #require(try await workspace.emulator.seed(count: 1, owner: "deepsessions").first)
        try await workspace.emulator.change(seeded.key) { $0.name = "Deep Sessions #41" }

        workspace.server.faults.update(FaultPlan(rate: 1, faults: [.dropBeforeHandling], only: ["POST /upload/"]))
        #expect(try await workspace.castform("apply", "--auto-approve", "--no-adopt").status != 0)
        workspace.server.faults.update(FaultPlan())
        let plan = try await workspace.castform("plan", "--no-adopt")
        #expect(plan.stdout.contains("Plan: 3 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        #expect(try await workspace.castform("apply", "--auto-approve", "--no-adopt").status == 0)
        #expect(await workspace.shows.values.filter { $0.name == "Deep Sessions #41" }.count == 2)
        #expect(await workspace.shows[seeded.key]?.visibility == .published)
    }
}
