// The workspace the engine benchmarks plan and apply: N `fake_object`s of the test suite's
// fake provider (in memory, no network), so the figures are the engine's own cost.
//
// Every tenth object is a "head" that the nine after it refer to (`parent_id`), so the plan
// has dependency edges as real workspaces do; addresses sort differently from file order
// (obj-10 before obj-2), as show names do. The "churn" variant is the next week's manifests:
// 10% of the objects change in place, 2% must be replaced (`kind` is force-new) and 10% are
// gone (never a head, so nothing refers to a removed object).
import CastformCore
import CastformExecution
import CastformPlanning
import CastformManifest
import CastformState
import CastformTestSupport
import Foundation

struct EngineFixture {
    let root: String
    let count: Int
    let store = FakeStore()
    let providers: ProviderSet

    init(count: Int) throws {
        self.count = count
        root = FileManager.default.temporaryDirectory.path + "/castform-bench-\(UUID().uuidString.prefix(8))"
        providers = ProviderSet([FakeProvider(store: store)])
        try writeManifests(churn: false)
    }

    var statePath: String { root + "/.castform/state.json" }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    func writeManifests(churn: Bool) throws {
        try FileManager.default.createDirectory(atPath: root + "/shows", withIntermediateDirectories: true)
        let perFile = 100
        for file in 0..<(count + perFile - 1) / perFile {
            var text = "fake_object:\n"
            for index in (file * perFile)..<min(count, (file + 1) * perFile) {
                if churn && index % 10 == 5 { continue }
                let size = churn && index % 10 == 3 ? index + 1 : index
                let kind = churn && index % 50 == 7 ? "special" : "show"
                let parent = index % 10 == 0 ? "" : "    parent_id: ${fake_object.obj-\(index - index % 10).id}\n"
                text += """
                  obj-\(index):
                    name: obj-\(index)
                    size: \(size)
                    tags: [Deep House, vinyl]
                    labels: {team: radio, slot: weekly}
                    config: {mode: fast, level: 2}
                    note: "Episode \(index), recorded live."
                    kind: \(kind)

                """ + parent
            }
            try text.write(toFile: root + "/shows/shows-\(file).yaml", atomically: true, encoding: .utf8)
        }
    }

    func loadWorkspace() throws -> Workspace {
        let result = WorkspaceLoader(registry: providers.registry, environment: [:]).load(root: root)
        guard let workspace = result.workspace, !result.hasErrors else { throw BenchError("workspace: \(result.diagnostics)") }
        return workspace
    }

    func executor(_ workspace: Workspace, parallelism: Int) -> Executor {
        Executor(providers: providers, declared: DeclaredValues(workspace: workspace, environment: [:]), parallelism: parallelism, observer: SilentObserver())
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The engine never prints; the benchmark does not listen either.
struct SilentObserver: ExecutionObserver {
    func handle(_ event: ExecutionEvent) {}
}
