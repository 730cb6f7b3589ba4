import CastformEmulator
import CastformTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The built `castform` binary reading Livestream's Channel API from the sandbox's emulator:
/// the channel's values in a resource's strings, the data changing between runs, and
/// positioned errors for a name that cannot be a channel and for a channel that does not exist.
@Suite struct LivestreamEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Workspace {
        let directory: TemporaryDirectory

        /// A copy of `examples/channel-showcase`, or a workspace of one manifest.
        init(manifest: String? = nil) throws {
            directory = try TemporaryDirectory("castform-livestream-e2e")
            let example = LivestreamEndToEndTests.root + "/examples/channel-showcase"
            for item in try FileManager.default.contentsOfDirectory(atPath: example) where item.hasSuffix(".yaml") {
                try FileManager.default.copyItem(atPath: example + "/" + item, toPath: directory.path + "/" + item)
            }
            if let manifest { try directory.write("channel.yaml", manifest) }
        }

        func castform(_ arguments: String...) throws -> ProcessResult {
            try ProcessRunner.run(ProcessRunner.castformBinary(), arguments,
                                  environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path], directory: directory.path)
        }

        /// The sandbox's Livestream emulator, opened on its data as the next run will see it.
        var sandboxEmulator: LivestreamEmulator {
            get throws { try LivestreamEmulator(dataDirectory: URL(fileURLWithPath: directory.path + "/.castform/sandbox/livestream")) }
        }
    }

    /// The example the README points at: its plan shows the channel's values, its apply
    /// makes the streams, and the next plan has nothing to change.
    @Test func theExamplePlansAndAppliesInTheSandboxWithTheChannelsValues() throws {
        let workspace = try Workspace()
        defer { workspace.directory.remove() }
        let plan = try workspace.castform("plan", "--sandbox", ".")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("\"Mogulus Pro Showcase (Entertainment)\""), "\(plan.stdout)")
        #expect(plan.stdout.contains("\"Replay: Quantum of Solace Trailer (700Kbps)\""), "\(plan.stdout)")
        let apply = try workspace.castform("apply", "--sandbox", "--auto-approve", ".")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        let again = try workspace.castform("plan", "--sandbox", "--detailed-exitcode", ".")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.directory.path + "/.castform/sandbox/livestream-requests.json"))
    }

    /// A new clip on the channel renames the replay stream on the next plan.
    @Test func theDataChangingInTheEmulatorChangesThePlan() async throws {
        let workspace = try Workspace()
        defer { workspace.directory.remove() }
        #expect(try workspace.castform("apply", "--sandbox", "--auto-approve", ".").status == 0)
        #expect(try await workspace.sandboxEmulator.addClip(to: "proshowcase", title: "Tonight's Set", duration: 3600) != nil)
        let plan = try workspace.castform("plan", "--sandbox", ".")
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("livepeer_stream.latest-replay will be updated in place"), "\(plan.stdout)")
        #expect(plan.stdout.contains("\"Replay: Tonight's Set\""), "\(plan.stdout)")
        // The latest three clips drive for_each: the new clip's instance comes, the oldest goes.
        #expect(plan.stdout.contains("Plan: 1 to add, 1 to change, 1 to destroy."), "\(plan.stdout)")
        #expect(plan.stdout.contains("(its key is no longer in for_each)"), "\(plan.stdout)")
        let apply = try workspace.castform("apply", "--sandbox", "--auto-approve", ".")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(try workspace.castform("plan", "--sandbox", "--detailed-exitcode", ".").status == 0)
    }

    @Test func aNameThatCannotBeAHostIsAPositionedValidateError() throws {
        let workspace = try Workspace(manifest: """
            data:
              livestream_channel:
                showcase: {channel: "pro showcase"}
            """)
        defer { workspace.directory.remove() }
        let validate = try workspace.castform("validate", ".")
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("channel.yaml:3:25: error: Livestream channel name \"pro showcase\" cannot make a host name"), "\(validate.stderr)")
    }

    @Test func anUnknownChannelIsAPositionedPlanError() throws {
        let workspace = try Workspace(manifest: """
            data:
              livestream_channel:
                showcase: {channel: nosuchchannel}
            livepeer_stream:
              restream: {name: "${data.livestream_channel.showcase.title}"}
            """)
        defer { workspace.directory.remove() }
        #expect(try workspace.castform("validate", ".").status == 0)
        let plan = try workspace.castform("plan", "--sandbox", ".")
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("channel.yaml:3:5: error: Livestream has no channel \"nosuchchannel\""), "\(plan.stderr)")
    }
}

/// `castform emulator --service livestream` serves the seeded channel at the printed URL.
@Suite struct LivestreamEmulatorCommandTests {
    @Test func servesProshowcaseBelowThePrintedURL() async throws {
        let directory = try TemporaryDirectory("castform-livestream-emulator")
        defer { directory.remove() }
        let log = directory.path + "/emulator.log"
        let process = try ProcessRunner.start(ProcessRunner.castformBinary(), ["emulator", "--service", "livestream"],
                                              environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path], directory: directory.path, output: log)
        var text = ""
        for _ in 0..<200 where !text.contains("Serving until interrupted") {
            try await Task.sleep(for: .milliseconds(50))
            text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        let url = try #require(text.split(separator: "\n").first { $0.hasPrefix("livestream: http://127.0.0.1:") }?.dropFirst("livestream: ".count))
        let (data, response) = try await URLSession.shared.data(from: URL(string: url + "/xproshowcasex/2.0/info.json")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains(#""title":"Mogulus Pro Showcase""#))
        kill(process.processIdentifier, SIGINT)
        await Task.detached { process.waitUntilExit() }.value
        #expect(process.terminationStatus == 0)
    }
}
