// The figure for DESIGN.md §4 "Refresh is batched" on Mixcloud: `castform plan` of 2,000 applied
// shows against the emulator with 50 ms of latency per request, right after the apply and after
// 10 shows were edited outside castform. Timings are printed, never asserted (shared machines
// are noisy); the request counts are checked. Opt-in, as it uploads 2,000 shows first:
//
//   MIXCLOUD_READ_FIGURE=1 swift test --filter MixcloudReadFigureTests
//
// Measured 2026-11-26, debug build, 2 CPUs (the emulator in the test process, castform run as
// the built binary), as the read got faster:
//
//   plan                                 | one GET per show       | details kept in state   | + pages in parallel,   | + linear engine
//                                        |                        |                         |   get after each edit  |
//   after apply                          | 20 + 2,000 req, 20.0 s | 20 + 0 requests, 5.4 s  | 21 + 0 requests, 4.1 s | 21 + 0, 2.4 s
//   after 10 shows edited outside        | 20 + 2,000 req, 20.1 s | 20 + 10 requests, 5.4 s | 21 + 10 requests, 4.2 s| 21 + 10, 2.7 s
//   after castform re-applied those 10   | 20 + 2,000 req, 20.0 s | 20 + 10 requests, 5.2 s | 21 + 0 requests, 4.1 s | 21 + 0, 2.5 s
//   `plan --refresh=false` (no requests) | 2.5 s                  | 2.5 s                   | 3.1 s                  | 1.3 s
//
// (21 = 20 list pages + the owner's show count, which lets the pages be read side by side.)
import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

@Suite struct MixcloudReadFigureTests {
    static let shows = 2000
    static let editedOutside = 10

    @Test(.enabled(if: ProcessInfo.processInfo.environment["MIXCLOUD_READ_FIGURE"] != nil))
    func planningTwoThousandShows() async throws {
        let workspace = try await MixcloudWorkspace(example: false)
        defer { Task { await workspace.stop() } }
        try Self.writeShows(in: workspace)
        let clock = ContinuousClock()

        var apply: ProcessResult?
        let applyTime = try await clock.measure { apply = try await workspace.castform("apply", "--auto-approve", "--parallelism", "8") }
        #expect(apply?.status == 0, "\(apply?.stdout ?? "")\(apply?.stderr ?? "")")
        print("mixcloud read figure: apply of \(Self.shows) shows (no latency) in \(applyTime)")
        workspace.server.faults.update(FaultPlan(latency: .milliseconds(50)))

        workspace.server.log.reset()
        var plan: ProcessResult?
        let planTime = try await clock.measure { plan = try await workspace.castform("plan", "--detailed-exitcode") }
        let singles = workspace.singleGets.values.reduce(0, +)
        print("mixcloud read figure: plan after apply, \(Self.shows) shows, 50 ms latency: \(workspace.listRequests) list + \(singles) single requests in \(planTime)")
        #expect(plan?.status == 0, "\(plan?.stdout ?? "")\(plan?.stderr ?? "")")
        #expect(workspace.listRequests == Self.shows / 100)
        // What the same plan costs without reading anything: start-up, loading and diffing.
        let unreadTime = try await clock.measure { _ = try await workspace.castform("plan", "--refresh=false") }
        print("mixcloud read figure: the same plan with --refresh=false (no requests) in \(unreadTime)")
        #expect(singles == 0)

        let edited = (0..<Self.editedOutside).map { $0 * Self.shows / Self.editedOutside }
        for index in edited {
            try await workspace.editOutsideCastform("figure-show-\(index)", [("description", "Edited on the website.")])
        }
        workspace.server.log.reset()
        let driftTime = try await clock.measure { plan = try await workspace.castform("plan", "--detailed-exitcode") }
        let driftSingles = workspace.singleGets.values.reduce(0, +)
        print("mixcloud read figure: plan after \(Self.editedOutside) outside edits, 50 ms latency: \(workspace.listRequests) list + \(driftSingles) single requests in \(driftTime)")
        #expect(plan?.status == 2, "\(plan?.stdout ?? "")\(plan?.stderr ?? "")")
        #expect(plan?.stdout.contains("0 to add, \(Self.editedOutside) to change, 0 to destroy") == true)
        let wanted = Set(edited.map { "/deepsessions/figure-show-\($0)/" })
        #expect(driftSingles == Self.editedOutside)
        #expect(workspace.singleGets.keys.filter { !wanted.contains($0) }.count == 0)

        // castform undoes the edits, and reads each show once after its edit (which moved its
        // updated_time): the plan after that gets no show.
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        workspace.server.log.reset()
        let afterTime = try await clock.measure { plan = try await workspace.castform("plan", "--detailed-exitcode") }
        let afterSingles = workspace.singleGets.values.reduce(0, +)
        print("mixcloud read figure: plan after castform re-applied them, 50 ms latency: \(workspace.listRequests) list + \(afterSingles) single requests in \(afterTime)")
        #expect(plan?.status == 0, "\(plan?.stdout ?? "")\(plan?.stderr ?? "")")
        #expect(afterSingles == 0)
    }

    /// 2,000 shows in files of 100, all with a description and a tracklist (so every one needs
    /// what only a single GET returns), sharing one small MP3 of the example.
    static func writeShows(in workspace: MixcloudWorkspace) throws {
        let root = workspace.directory.path
        try FileManager.default.createDirectory(atPath: root + "/audio", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: MixcloudWorkspace.repositoryRoot + "/examples/weekly-show/audio/deep-sessions-41.mp3",
                                         toPath: root + "/audio/show.mp3")
        for file in 0..<(shows / 100) {
            var text = "mixcloud_cloudcast:\n"
            for index in (file * 100)..<((file + 1) * 100) {
                text += """
                  figure-show-\(index):
                    title: "Figure Show \(index)"
                    description: Two hours of deep and soulful house, recorded live. Episode \(index).
                    tags: [deep house, vinyl]
                    audio: audio/show.mp3
                    tracks:
                      - {start: "0:00", artist: Kerri Chandler, track: Rain}
                      - {start: "09:00", artist: Frankie Knuckles, track: Your Love}
                      - {start: "1:02:10", chapter: Guest mix}

                """
            }
            try workspace.directory.write("shows-\(file).yaml", text)
        }
    }
}
