// The refresh behind `plan` reads Mixcloud's cloudcast list, which carries no description and
// no tracklist (FACTS.md §5). DESIGN.md §4: castform keeps what it last read of those in state
// with the show's `updated_time`, and makes a single GET only for a show whose time changed.
// These tests count the requests in the emulator's log while the built binary plans.
import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

@Suite(.serialized) struct MixcloudReadCacheTests {
    /// After an apply, state holds every show's description and tracklist as read at its
    /// `updated_time`: the plan lists the shows and asks for none of them one by one.
    @Test func planAfterApplyMakesNoSingleGets() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")

        workspace.server.log.reset()
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("No changes"))
        #expect(workspace.listRequests == 1)
        #expect(workspace.singleGets == [:])
    }

    /// An edit on Mixcloud's side moves the show's `updated_time`: the next plan fetches that
    /// show, and only that one, and shows the drift and the update that undoes it.
    @Test func descriptionAndTracklistEditedOutsideCastformAreFetchedAndPlanned() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        try await workspace.editOutsideCastform("deep-sessions-42", [("description", "Edited on the website.")])
        try await workspace.editOutsideCastform("deep-sessions-41", [
            ("sections-0-artist", "Someone Else"), ("sections-0-song", "Another Song"), ("sections-0-start_time", "0"),
        ])

        workspace.server.log.reset()
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        for slug in ["deep-sessions-41", "deep-sessions-42"] {
            #expect(plan.stdout.contains("mixcloud_cloudcast.\(slug) was changed outside castform"), "\(plan.stdout)")
            #expect(plan.stdout.contains("mixcloud_cloudcast.\(slug) will be updated in place"), "\(plan.stdout)")
        }
        #expect(plan.stdout.contains("Edited on the website."), "\(plan.stdout)")
        #expect(plan.stdout.contains("Someone Else"), "\(plan.stdout)")
        #expect(plan.stdout.contains("0 to add, 2 to change, 0 to destroy"), "\(plan.stdout)")
        #expect(workspace.listRequests == 1)
        #expect(workspace.singleGets == ["/deepsessions/deep-sessions-41/": 1, "/deepsessions/deep-sessions-42/": 1])

        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(await workspace.shows["/deepsessions/deep-sessions-42/"]?.description.hasPrefix("Two hours") == true)
        #expect(await workspace.shows["/deepsessions/deep-sessions-41/"]?.sections.count == 7)
        // castform read each show once more after its edit: the next plan gets none.
        workspace.server.log.reset()
        let again = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(workspace.singleGets == [:])
    }

    /// An account larger than one page is listed in three requests for 250 shows (the first
    /// page, the owner's show count that lets the other pages be read side by side, the last
    /// page), and a plan after importing it gets no show one by one.
    @Test func aLargeAccountIsListedFromItsShowCountAndPlansWithoutSingleGets() async throws {
        let workspace = try await MixcloudWorkspace(example: false)
        defer { Task { await workspace.stop() } }
        try await workspace.emulator.seed(count: 250, owner: "deepsessions")
        let generate = try await workspace.castform("import", "mixcloud", "--generate-config", "shows")
        #expect(generate.status == 0, "\(generate.stdout)\(generate.stderr)")
        #expect(generate.stdout.contains("Wrote 250 manifest(s)"), "\(generate.stdout)")
        #expect(workspace.listRequests == 3)
        #expect(workspace.server.log.entries.filter { $0.method == "GET" && $0.path == "/deepsessions/" }.count == 1, "the show count")

        workspace.server.log.reset()
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(workspace.listRequests == 3)
        #expect(workspace.singleGets == [:])
        // The plan asked `/me/` whose token it holds, and the answer's show count set out
        // the pages: all three asked at once, no count asked again.
        #expect(workspace.server.log.entries.filter { $0.method == "GET" && $0.path == "/deepsessions/" }.isEmpty)
        #expect(workspace.server.log.entries.filter { $0.path == "/me/" }.count == 1)
    }
}
