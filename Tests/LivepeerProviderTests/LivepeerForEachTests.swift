import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// One `livepeer_stream` per item of a list, through the built binary and the emulator:
/// instance addresses in the plan, `output`, `state list`, `--target`; a key removed removes
/// its stream only.
@Suite struct LivepeerForEachTests {
    static func manifest(_ stages: [String]) -> String {
        """
        livepeer_stream:
          stage:
            for_each: [\(stages.joined(separator: ", "))]
            name: Stage ${each.key}
            profiles:
              - {name: 720p, width: 1280, height: 720, bitrate: 3000000, fps: 30}
        """
    }

    @Test func aStreamPerListItemWithInstanceAddressesEverywhere() async throws {
        let engine = try await LivepeerEngine(["castform.yaml": "providers:\n  livepeer: {}\n", "streams.yaml": Self.manifest(["north", "south"])])
        defer { Task { await engine.stop() } }
        try engine.write("castform.yaml", "providers:\n  livepeer: {endpoint: \"\(engine.baseURL)\"}\n")
        let environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": engine.directory.path, "LIVEPEER_API_KEY": "livepeer-test-key"]
        func castform(_ arguments: String...) async throws -> ProcessResult {
            try await castformProcess(arguments, environment: environment, directory: engine.directory.path)
        }
        let target = try await castform("apply", "--auto-approve", "--target", #"livepeer_stream.stage["south"]"#)
        #expect(target.status == 0, "\(target.stdout)\(target.stderr)")
        #expect(target.stdout.contains(#"# livepeer_stream.stage["south"] will be created"#), "\(target.stdout)")
        #expect(!target.stdout.contains(#"stage["north"]"#), "\(target.stdout)")
        #expect(await engine.emulator.streams.map(\.name).sorted() == ["Stage south"])

        let apply = try await castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(await engine.emulator.streams.map(\.name).sorted() == ["Stage north", "Stage south"])
        let list = try await castform("state", "list")
        #expect(list.stdout == "livepeer_stream.stage[\"north\"]\nlivepeer_stream.stage[\"south\"]\n", "\(list.stdout)")
        let north = try #require(await engine.emulator.streams.first { $0.name == "Stage north" })
        let output = try await castform("output", #"livepeer_stream.stage["north"].playback_id"#)
        #expect(output.stdout == (north.playbackId ?? "-") + "\n", "\(output.stdout)\(output.stderr)")
        let json = try await castform("plan", "--json")
        #expect(json.status == 0)

        try engine.write("streams.yaml", Self.manifest(["north"]))
        let plan = try await castform("plan", "--detailed-exitcode")
        #expect(plan.status == 2)
        #expect(plan.stdout.contains(#"# livepeer_stream.stage["south"] will be destroyed (its key is no longer in for_each)"#), "\(plan.stdout)")
        let removal = try await castform("apply", "--auto-approve")
        #expect(removal.status == 0, "\(removal.stdout)\(removal.stderr)")
        #expect(await engine.emulator.streams.map(\.name) == ["Stage north"])
    }

    /// A stream declared alone moves into a `for_each` over a literal map with a `moved` entry:
    /// the plan moves state and creates only the new key's stream; without the entry the
    /// stream would be destroyed and made again (a new stream key for the encoder).
    @Test func aStreamMovesIntoAForEachMapWithoutBeingMadeAgain() async throws {
        let single = """
            livepeer_stream:
              main:
                name: Main Stage
            """
        let engine = try await LivepeerEngine(["castform.yaml": "providers:\n  livepeer: {}\n", "streams.yaml": single])
        defer { Task { await engine.stop() } }
        try engine.write("castform.yaml", "providers:\n  livepeer: {endpoint: \"\(engine.baseURL)\"}\n")
        let environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": engine.directory.path, "LIVEPEER_API_KEY": "livepeer-test-key"]
        func castform(_ arguments: String...) async throws -> ProcessResult {
            try await castformProcess(arguments, environment: environment, directory: engine.directory.path)
        }
        #expect(try await castform("apply", "--auto-approve").status == 0)
        let original = try #require(await engine.emulator.streams.first)
        try engine.write("streams.yaml", """
            livepeer_stream:
              stage:
                for_each: {main: {title: Main Stage}, side: {title: Side Stage}}
                name: ${each.value.title}
            moved:
              - {from: livepeer_stream.main, to: 'livepeer_stream.stage["main"]'}
            """)
        let plan = try await castform("plan")
        #expect(plan.stdout.contains(#"# livepeer_stream.main has moved to livepeer_stream.stage["main"]"#), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 1 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        #expect(try await castform("apply", "--auto-approve").status == 0)
        let streams = await engine.emulator.streams.filter { !$0.deleted }
        #expect(streams.map(\.name).sorted() == ["Main Stage", "Side Stage"])
        #expect(streams.first { $0.name == "Main Stage" }?.id == original.id)
        #expect(try await castform("plan", "--detailed-exitcode").status == 0)
    }
}
