// `plan` mode: the work of `castform plan` on a workspace whose objects all exist and match
// (the weekly case: nothing to do), in process: load the manifests, load state.json, plan
// with `--refresh=false` and with a refresh (batched reads of the fake provider), and turn the
// plan into its document and human text as the command does.
import CastformCore
import CastformExecution
import CastformPlanning
import CastformRendering
import CastformState
import Foundation

func runPlan(_ options: Options) async throws {
    for count in options.resources {
        let fixture = try EngineFixture(count: count)
        defer { fixture.remove() }
        let backend = LocalBackend(path: fixture.statePath)
        let (setup, setupSeconds) = try await applyEverything(fixture, parallelism: options.parallelism)
        try await backend.persist(setup)
        print(String(format: "plan, %d objects (set up by one apply in %.1f s)", count, setupSeconds))

        var times = PhaseTimes()
        let planner = Planner(providers: fixture.providers, environment: [:])
        for _ in 0..<options.runs {
            let (workspace, loadSeconds) = try await timed { try fixture.loadWorkspace() }
            times.add("load manifests", loadSeconds)
            let (state, stateSeconds) = try await timed { try await backend.load()! }
            times.add("load state.json", stateSeconds)
            for refresh in [false, true] {
                let (result, planSeconds) = await timed { await planner.plan(workspace, state: state, options: PlanOptions(refresh: refresh)) }
                guard let plan = result.plan, !plan.hasChanges else { throw BenchError("expected a plan without changes: \(result.diagnostics)") }
                times.add(refresh ? "plan (refresh)" : "plan --refresh=false", planSeconds)
                if !refresh {
                    let (document, documentSeconds) = await timed { PlanDocument(plan, registry: fixture.providers.registry) }
                    times.add("plan document", documentSeconds)
                    let (_, renderSeconds) = await timed { HumanPlanRenderer(style: TerminalStyle(colour: false)).render(document) }
                    times.add("render (human)", renderSeconds)
                }
            }
        }
        times.report("plan, \(count) objects, nothing to change:")
    }
    printPeakMemory()
}

/// Creates every object of the fixture from empty state, in memory; returns the state and
/// the time the apply took (the plan before it not included).
func applyEverything(_ fixture: EngineFixture, parallelism: Int) async throws -> (StateSnapshot, Double) {
    let workspace = try fixture.loadWorkspace()
    let state = StateSnapshot(lineage: "castform-bench")
    let result = await Planner(providers: fixture.providers, environment: [:]).plan(workspace, state: state)
    guard let plan = result.plan else { throw BenchError("plan: \(result.diagnostics)") }
    let (summary, seconds) = await timed {
        await fixture.executor(workspace, parallelism: parallelism).apply(plan, state: state, backend: MemoryBackend())
    }
    guard summary.succeeded, summary.state.resources.count == fixture.count else { throw BenchError("apply did not create everything") }
    return (summary.state, seconds)
}
