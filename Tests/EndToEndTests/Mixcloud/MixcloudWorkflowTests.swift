import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// The built `castform` binary against the Mixcloud emulator, through the example workspace:
/// first apply, no changes after it, in-place edits, audio replacement, removal by unpublish.
@Suite(.serialized) struct MixcloudWorkflowTests {
    @Test func firstApplyUploadsEveryShowAsDeclaredThenPlansNoChanges() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("3 added"))
        let shows = await workspace.shows
        #expect(shows.count == 3)
        let show = try #require(shows["/deepsessions/deep-sessions-41/"])
        #expect(show.name == "Deep Sessions #41")
        #expect(show.tags == ["deep house", "chicago house", "classic house", "vinyl"])
        #expect(show.sections.count == 7)
        #expect(show.sections[2].content == .track(artist: "Blaze", song: "Lovelee Dae") && show.sections[2].startTime == 800)
        #expect(show.sections[4].content == .chapter("Back to back with the resident"))
        #expect(show.picture != nil)
        #expect(shows["/deepsessions/guest-mix-07/"]?.description == "A guest mix of disco edits and warm-up house, recorded at the studio.")
        #expect(workspace.server.log.count("POST", "/upload/") == 3)

        workspace.server.log.reset()
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("No changes"))
        #expect(workspace.server.log.entries.allSatisfy { $0.method == "GET" })
    }

    /// The README's first command: a real apply of the example in the sandbox, then no changes.
    @Test func readmeSandboxApplyThenPlanShowsNoChanges() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        try FileManager.default.removeItem(atPath: workspace.directory.path + "/castform.yaml")
        try FileManager.default.copyItem(atPath: MixcloudWorkspace.repositoryRoot + "/examples/weekly-show/castform.yaml",
                                         toPath: workspace.directory.path + "/castform.yaml")
        let apply = try await workspace.castform("apply", "--sandbox", "--auto-approve", ".")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("Resources: 3 added"))
        #expect(FileManager.default.fileExists(atPath: workspace.directory.path + "/.castform/sandbox/state.json"))
        let plan = try await workspace.castform("plan", "--sandbox", "--detailed-exitcode", ".")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("No changes"))
        #expect(workspace.server.log.entries.isEmpty)
    }

    @Test(arguments: ApplyMode.allCases)
    func titleDescriptionTagsAndTracklistEditsAreOneInPlaceUpdateEach(_ mode: ApplyMode) async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)

        let edits: [(String, String, (String) -> String, (MixcloudCloudcast) -> Bool)] = [
            ("title", "deep-sessions-41", { $0.replacingOccurrences(of: "#41\"", with: "#41 (live)\"") },
             { $0.name == "Deep Sessions #41 (live)" }),
            ("description", "deep-sessions-42", { $0.replacingOccurrences(of: "Two hours", with: "Three hours") },
             { $0.description.hasPrefix("Three hours") }),
            ("tags", "deep-sessions-42", { $0.replacingOccurrences(of: "[deep house, soulful house, vinyl]", with: "[deep house, garage]") },
             { $0.tags == ["deep house", "garage"] }),
            ("tracks", "deep-sessions-41", { $0.replacingOccurrences(of: "Rose Rouge", with: "So Flute") },
             { $0.sections.last?.content == .track(artist: "St Germain", song: "So Flute") }),
        ]
        for (attribute, slug, change, check) in edits {
            let before = await workspace.shows
            try workspace.edit("shows/\(slug).yaml", change)
            let plan = try await workspace.castform("plan")
            #expect(plan.stdout.contains("mixcloud_cloudcast.\(slug) will be updated in place"), "\(attribute): \(plan.stdout)")
            #expect(plan.stdout.contains("0 to add, 1 to change, 0 to destroy"), "\(attribute): \(plan.stdout)")
            workspace.server.log.reset()
            let apply = try await workspace.apply(mode)
            #expect(apply.status == 0, "\(attribute): \(apply.stdout)\(apply.stderr)")
            #expect(workspace.edits(slug) == 1, "\(attribute)")
            #expect(workspace.server.log.count("POST", "/upload/") == 0, "\(attribute)")
            let after = try #require(await workspace.shows["/deepsessions/\(slug)/"])
            #expect(check(after), "\(attribute): \(after)")
            // Nothing else of the show changed: the edit carried only what changed.
            var expected = try #require(before["/deepsessions/\(slug)/"])
            switch attribute {
            case "title": expected.name = after.name
            case "description": expected.description = after.description
            case "tags": expected.tags = after.tags
            default: expected.sections = after.sections
            }
            expected.updatedTime = after.updatedTime
            expected.slug = after.slug
            #expect(after == expected, "\(attribute)")
            let again = try await workspace.castform("plan", "--detailed-exitcode")
            #expect(again.status == 0, "\(attribute): \(again.stdout)")
        }
    }

    @Test(arguments: ApplyMode.allCases)
    func changedAudioIsAReplaceAndRemovalUnpublishes(_ mode: ApplyMode) async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)

        try workspace.append(417, to: "audio/deep-sessions-42.mp3")
        try FileManager.default.removeItem(atPath: workspace.directory.path + "/shows/guest-mix-07.yaml")

        let plan = try await workspace.castform("plan")
        #expect(plan.stdout.contains("mixcloud_cloudcast.deep-sessions-42 must be replaced: audio cannot be changed in place"), "\(plan.stdout)")
        #expect(plan.stdout.contains("the old object will be unpublished (moved to drafts, with its plays and comments"), "\(plan.stdout)")
        #expect(plan.stdout.contains("mixcloud_cloudcast.guest-mix-07 will be unpublished"), "\(plan.stdout)")
        // A new audio file is the user's own change, not one made on Mixcloud.
        #expect(!plan.stdout.contains("changed outside castform"), "\(plan.stdout)")

        let apply = try await workspace.apply(mode)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        let shows = await workspace.shows
        #expect(shows.count == 4)
        #expect(shows["/deepsessions/deep-sessions-42/"]?.visibility == .draft)
        #expect(shows["/deepsessions/guest-mix-07/"]?.visibility == .draft)
        let replacement = try #require(shows.values.first { $0.name == "Deep Sessions #42" && $0.visibility == .published })
        #expect(replacement.key != "/deepsessions/deep-sessions-42/")
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }
}
