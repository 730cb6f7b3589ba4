import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// A lost upload answer must never make a second show, whatever the show's visibility: an
/// unlisted or scheduled show is in no list, so castform looks for it at the addresses
/// Mixcloud would have given it (noted before the upload was sent), with the owner's token.
@Suite(.serialized) struct MixcloudRecoveryTests {
    /// The example's two numbered shows made unlisted and scheduled.
    static func hideShows(_ workspace: MixcloudWorkspace) throws {
        try workspace.edit("shows/deep-sessions-41.yaml") { $0.replacingOccurrences(of: "unlisted: false", with: "unlisted: true") }
        try workspace.edit("shows/deep-sessions-42.yaml") {
            $0.replacingOccurrences(of: "    tags: [deep house, soulful house, vinyl]",
                                    with: "    tags: [deep house, soulful house, vinyl]\n    publish_date: \"2099-01-01T00:00:00Z\"")
        }
    }

    @Test func lostAnswersOfUnlistedAndScheduledUploadsAreAdoptedNotUploadedAgain() async throws {
        let workspace = try await MixcloudWorkspace(faults: FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /upload/"]))
        defer { Task { await workspace.stop() } }
        try Self.hideShows(workspace)
        let lost = try await workspace.castform("apply", "--auto-approve")
        #expect(lost.status != 0)
        #expect(await workspace.shows.count == 3)
        #expect(Set(await workspace.shows.values.map(\.visibility)) == [.unlisted, .scheduled, .published])

        workspace.server.faults.update(FaultPlan())
        workspace.server.log.reset()
        let plan = try await workspace.castform("plan")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(!plan.stdout.contains("will be created"), "\(plan.stdout)")
        // One reading of the list serves all three lost uploads.
        #expect(workspace.listRequests == 1)
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(await workspace.shows.count == 3)
        #expect(workspace.server.log.count("POST", "/upload/") == 0)
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }

    /// A second show of the same title (another week's repeat) gets the next key, `-2`: the
    /// show state holds under the first is never taken for it.
    @Test func aLostUploadIsFoundBehindAShowOfTheSameTitle() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        try workspace.directory.write("shows/repeat.yaml", """
            mixcloud_cloudcast:
              repeat-of-42:
                title: "${var.show_prefix} #42"
                audio: ../audio/deep-sessions-42.mp3
                unlisted: true
            """)
        workspace.server.faults.update(FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /upload/"]))
        #expect(try await workspace.castform("apply", "--auto-approve").status != 0)
        #expect(await workspace.shows["/deepsessions/deep-sessions-42-2/"]?.visibility == .unlisted)

        workspace.server.faults.update(FaultPlan())
        workspace.server.log.reset()
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        #expect(workspace.server.log.count("POST", "/upload/") == 0)
        #expect(await workspace.shows.count == 4)
        let show = try await workspace.castform("state", "show", "mixcloud_cloudcast.repeat-of-42")
        #expect(show.stdout.contains("id = /deepsessions/deep-sessions-42-2/"), "\(show.stdout)")
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }

    /// An upload that never arrived leaves its address free: castform uploads it again, once.
    @Test func anUnlistedUploadThatNeverArrivedIsMadeOnce() async throws {
        let workspace = try await MixcloudWorkspace(faults: FaultPlan(rate: 1, faults: [.dropBeforeHandling], only: ["POST /upload/"]))
        defer { Task { await workspace.stop() } }
        try Self.hideShows(workspace)
        #expect(try await workspace.castform("apply", "--auto-approve").status != 0)
        #expect(await workspace.shows.isEmpty)
        workspace.server.faults.update(FaultPlan())
        let plan = try await workspace.castform("plan")
        #expect(plan.stdout.contains("Plan: 3 to add"), "\(plan.stdout)")
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        #expect(await workspace.shows.count == 3)
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }

    /// A title without a letter or digit gives no address castform can predict: a lost
    /// unlisted upload of it is invisible, so castform stops and says what to do rather than
    /// upload it again. `castform import` settles it.
    @Test func anUploadCastformCannotSeeStopsThePlanUntilTheUserSettlesIt() async throws {
        let workspace = try await MixcloudWorkspace(example: false)
        defer { Task { await workspace.stop() } }
        try workspace.directory.write("audio.mp3", String(repeating: "x", count: 2048))
        try workspace.directory.write("show.yaml", """
            mixcloud_cloudcast:
              stars: {title: "★★★", audio: audio.mp3, unlisted: true}
            """)
        workspace.server.faults.update(FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /upload/"]))
        #expect(try await workspace.castform("apply", "--auto-approve").status != 0)
        let key = try #require(await workspace.shows.keys.first)

        workspace.server.faults.update(FaultPlan())
        let plan = try await workspace.castform("plan")
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("mixcloud_cloudcast.stars: castform cannot tell whether its interrupted upload"), "\(plan.stderr)")
        #expect(plan.stderr.contains("castform import mixcloud_cloudcast.stars /deepsessions/SLUG/"), "\(plan.stderr)")
        #expect(try await workspace.castform("apply", "--auto-approve").status == 1)
        #expect(await workspace.shows.count == 1)

        let adopt = try await workspace.castform("import", "mixcloud_cloudcast.stars", key)
        #expect(adopt.status == 0, "\(adopt.stdout)\(adopt.stderr)")
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
        #expect(await workspace.shows.count == 1)
    }

    /// `--refresh=false` trusts state for what it knows, but a pending upload is still looked
    /// for: planning it as new would upload it twice.
    @Test func aPlanWithoutRefreshStillLooksForLostUploads() async throws {
        let workspace = try await MixcloudWorkspace(faults: FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /upload/"]))
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status != 0)
        workspace.server.faults.update(FaultPlan())
        let plan = try await workspace.castform("plan", "--refresh=false")
        #expect(plan.status == 0 && !plan.stdout.contains("will be created"), "\(plan.stdout)")
        #expect(try await workspace.castform("apply", "--auto-approve", "--refresh=false").status == 0)
        #expect(await workspace.shows.count == 3)
        #expect(workspace.server.log.count("POST", "/upload/") == 3)
    }

    /// HTTP 500s on reads are retried: under faults a plan still completes.
    @Test func internalServerErrorsOnReadsAreRetried() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        workspace.server.faults.update(FaultPlan(rate: 0.5, faults: [.status(500, retryAfter: nil)], only: ["GET "], seed: 3))
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(workspace.server.log.entries.contains { $0.status == 500 })
    }
}
