import CastformEmulator
import Foundation
import Testing

/// `castform import mixcloud --user USER --generate-config DIR` through the built binary: an
/// account with 25 shows, some with text that is awkward to write back as YAML, becomes 25
/// manifest files and 25 state entries, and the next plan shows no changes.
@Suite(.serialized) struct MixcloudGenerateConfigTests {
    static func account() async throws -> MixcloudWorkspace {
        let workspace = try await MixcloudWorkspace(example: false)
        try await workspace.emulator.seed(count: 25, owner: "deepsessions")
        try await workspace.emulator.change("/deepsessions/seeded-show-3/") {
            $0.name = "Deep Sessions #3: \"Live\" at the Loft"
            $0.description = "Recorded live.\n\nSecond paragraph, with a ${literal}."
            $0.hideStats = true
        }
        try await workspace.emulator.change("/deepsessions/seeded-show-4/") {
            $0.name = "True"
            $0.tags = []
            $0.sections = []
            $0.description = ""
        }
        try await workspace.emulator.change("/deepsessions/seeded-show-5/") {
            $0.sections = [.track("Chaka Khan", "Ain't Nobody", at: 0), .chapter("Guest mix: 1 hour", at: 3725)]
        }
        // Mixcloud takes tracks without start times; manifests cannot hold them.
        try await workspace.emulator.change("/deepsessions/seeded-show-6/") {
            $0.sections = [.track("Larry Heard", "Can You Feel It", at: nil), .track("Kerri Chandler", "Rain", at: nil)]
        }
        return workspace
    }

    @Test func twentyFiveShowsBecomeManifestsThatPlanNoChanges() async throws {
        let workspace = try await Self.account()
        defer { Task { await workspace.stop() } }
        let generate = try await workspace.castform("import", "mixcloud", "--user", "deepsessions", "--generate-config", "shows")
        #expect(generate.status == 0, "\(generate.stdout)\(generate.stderr)")
        #expect(generate.stdout.contains("Wrote 25 manifest(s) to shows/ and imported them"), "\(generate.stdout)")

        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path + "/shows").sorted()
        #expect(files.count == 25)
        #expect(files.contains("seeded-show-12.yaml"))
        let list = try await workspace.castform("state", "list")
        #expect(list.stdout.split(separator: "\n").count == 25)

        let loft = try String(contentsOfFile: workspace.directory.path + "/shows/seeded-show-3.yaml", encoding: .utf8)
        #expect(loft.contains("title: \"Deep Sessions #3: \\\"Live\\\" at the Loft\""), "\(loft)")
        #expect(loft.contains("    description: |-\n      Recorded live.\n\n      Second paragraph, with a $${literal}.\n"), "\(loft)")
        #expect(loft.contains("hide_stats: true"))
        #expect(loft.contains("  # https://www.mixcloud.com/deepsessions/seeded-show-3/"), "\(loft)")
        let five = try String(contentsOfFile: workspace.directory.path + "/shows/seeded-show-5.yaml", encoding: .utf8)
        #expect(five.contains("      - {start: \"0:00\", artist: Chaka Khan, track: Ain't Nobody}\n      - {start: \"1:02:05\", chapter: \"Guest mix: 1 hour\"}\n"), "\(five)")

        #expect(generate.stderr.contains("warning: shows/seeded-show-6.yaml: not declared: the tracklist (2 entries): some entries have no start time"), "\(generate.stderr)")
        let six = try String(contentsOfFile: workspace.directory.path + "/shows/seeded-show-6.yaml", encoding: .utf8)
        #expect(six.contains("  # Not declared: the tracklist (2 entries)") && !six.contains("tracks:"), "\(six)")

        workspace.server.log.reset()
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("No changes"))
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("No changes"), "\(apply.stdout)")
        #expect(workspace.server.log.entries.allSatisfy { $0.method == "GET" }, "applying the generated manifests sends nothing")

        // The files are the manifests from now on: an edit is an ordinary update.
        try workspace.edit("shows/seeded-show-7.yaml") { $0.replacingOccurrences(of: "title: Seeded Show 7", with: "title: Seeded Show Seven") }
        let edit = try await workspace.castform("plan")
        #expect(edit.stdout.contains("mixcloud_cloudcast.seeded-show-7 will be updated in place"), "\(edit.stdout)")
        #expect(edit.stdout.contains("Plan: 0 to add, 1 to change, 0 to destroy."), "\(edit.stdout)")

        // Running it again adopts nothing twice and overwrites nothing.
        let again = try await workspace.castform("import", "mixcloud", "--generate-config", "more")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Wrote 0 manifest(s)"), "\(again.stdout)")
        #expect(again.stdout.contains("Skipped /deepsessions/seeded-show-1/ (already managed as mixcloud_cloudcast.seeded-show-1)"), "\(again.stdout)")
    }

    @Test func audioAddedToAGeneratedShowIsRecordedNotReuploaded() async throws {
        let workspace = try await Self.account()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("import", "mixcloud", "--generate-config", "shows").status == 0)
        let audio = workspace.directory.path + "/shows/seeded-show-2.mp3"
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: audio))
        try workspace.edit("shows/seeded-show-2.yaml") {
            $0.replacingOccurrences(of: "    title: Seeded Show 2\n", with: "    title: Seeded Show 2\n    audio: seeded-show-2.mp3\n")
        }
        let plan = try await workspace.castform("plan")
        #expect(plan.stdout.contains("+ audio = \"shows/seeded-show-2.mp3\""), "\(plan.stdout)")
        #expect(!plan.stdout.contains("must be replaced"), "\(plan.stdout)")
        #expect(plan.stdout.contains("will be updated in place; audio will be recorded as declared, without being sent (the object already exists)"), "\(plan.stdout)")
        workspace.server.log.reset()
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        #expect(workspace.server.log.entries.allSatisfy { $0.method == "GET" }, "nothing is uploaded or edited")
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)

        // From now on the file is tracked: new content is a new upload.
        try workspace.append(10, to: "shows/seeded-show-2.mp3")
        let replace = try await workspace.castform("plan")
        #expect(replace.stdout.contains("mixcloud_cloudcast.seeded-show-2 must be replaced: audio cannot be changed in place"), "\(replace.stdout)")
    }

    @Test func anotherAccountOrAnOccupiedFolderChangesNothing() async throws {
        let workspace = try await Self.account()
        defer { Task { await workspace.stop() } }
        let other = try await workspace.castform("import", "mixcloud", "--user", "someone-else", "--generate-config", "shows")
        #expect(other.status == 1)
        #expect(other.stderr.contains("castform manages the Mixcloud account deepsessions"), "\(other.stderr)")

        try FileManager.default.createDirectory(atPath: workspace.directory.path + "/shows", withIntermediateDirectories: true)
        try workspace.directory.write("shows/seeded-show-9.yaml", "# mine\n")
        let occupied = try await workspace.castform("import", "mixcloud", "--generate-config", "shows")
        #expect(occupied.status == 1)
        #expect(occupied.stderr.contains("not overwriting 1 existing file(s)"), "\(occupied.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path + "/shows") == ["seeded-show-9.yaml"])

        let outside = try await workspace.castform("import", "mixcloud", "--generate-config", "../elsewhere")
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("is outside the workspace"), "\(outside.stderr)")
        #expect(try await workspace.castform("state", "list").stdout.isEmpty)

        let missing = try await workspace.castform("plan")
        #expect(missing.status == 0)
        // A manifest that would create a show needs its audio.
        try workspace.directory.write("new.yaml", "mixcloud_cloudcast:\n  fresh: {title: Fresh}\n")
        let fresh = try await workspace.castform("plan")
        #expect(fresh.status == 1)
        #expect(fresh.stderr.contains("mixcloud_cloudcast.fresh has no audio, which is needed to create it"), "\(fresh.stderr)")
        #expect(fresh.stderr.contains("new.yaml:2:3"), "\(fresh.stderr)")
    }

    @Test func anAccountWithoutShowsWritesNothingAndSaysSo() async throws {
        let workspace = try await MixcloudWorkspace(example: false)
        defer { Task { await workspace.stop() } }
        let generate = try await workspace.castform("import", "mixcloud", "--generate-config", "shows")
        #expect(generate.status == 0, "\(generate.stdout)\(generate.stderr)")
        #expect(generate.stdout.contains("Wrote 0 manifest(s)"), "\(generate.stdout)")
    }
}
