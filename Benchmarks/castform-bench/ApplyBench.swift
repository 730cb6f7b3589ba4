// `apply` mode: the work of `castform apply --auto-approve` in process, with the real local
// state backend (journal line per operation, fsync'd; state.json folded at the end) in a
// temporary directory, against the fake provider. Three applies per run: create N objects
// from empty state, then the next week's churn (updates, replacements, removals), then
// destroy. The same create is also run with state in memory, for the engine alone: the
// difference is what durability costs (a journal line per operation, fsync'd).
import CastformCore
import CastformExecution
import CastformManifest
import CastformPlanning
import CastformRendering
import CastformState
import Foundation

func runApply(_ options: Options) async throws {
    for count in options.resources {
        var times = PhaseTimes()
        for run in 0..<options.runs {
            let fixture = try EngineFixture(count: count)
            defer { fixture.remove() }
            let planner = Planner(providers: fixture.providers, environment: [:])
            let backend = TimedBackend(LocalBackend(path: fixture.statePath))
            let dump = run == options.runs - 1 ? options.dump.map { "\($0)/\(count)" } : nil

            var workspace = try fixture.loadWorkspace()
            let (created, createPlanSeconds) = await timed { await planner.plan(workspace, state: StateSnapshot(lineage: "castform-bench")) }
            guard let createPlan = created.plan else { throw BenchError("plan: \(created.diagnostics)") }
            times.add("plan, all new", createPlanSeconds)
            try await applyTimed("apply: create", createPlan, fixture, workspace, backend, options, &times, dump: dump)

            let inMemory = try EngineFixture(count: count)
            defer { inMemory.remove() }
            times.add("apply: create, state in memory", try await applyEverything(inMemory, parallelism: options.parallelism).1)

            try fixture.writeManifests(churn: true)
            workspace = try fixture.loadWorkspace()
            let stateBeforeChurn = try await backend.load()!
            let (churned, churnPlanSeconds) = await timed { await planner.plan(workspace, state: stateBeforeChurn) }
            guard let churnPlan = churned.plan else { throw BenchError("plan: \(churned.diagnostics)") }
            times.add("plan, churn", churnPlanSeconds)
            let (_, renderSeconds) = await timed {
                HumanPlanRenderer(style: TerminalStyle(colour: false)).render(PlanDocument(churnPlan, registry: fixture.providers.registry))
            }
            times.add("plan document + human text, churn", renderSeconds)
            if let dump { try write(PlanDocument(churnPlan, registry: fixture.providers.registry), to: "\(dump)/plan-churn.json") }
            try await applyTimed("apply: churn", churnPlan, fixture, workspace, backend, options, &times, dump: dump)

            let stateBeforeDestroy = try await backend.load()!
            let (destroyed, destroyPlanSeconds) = await timed {
                await planner.plan(workspace, state: stateBeforeDestroy, options: PlanOptions(destroy: true))
            }
            guard let destroyPlan = destroyed.plan else { throw BenchError("plan: \(destroyed.diagnostics)") }
            times.add("plan, destroy", destroyPlanSeconds)
            try await applyTimed("apply: destroy", destroyPlan, fixture, workspace, backend, options, &times, dump: nil)
            if run == 0 {
                let kinds = Dictionary(grouping: churnPlan.effectiveChanges, by: { $0.kind.actions.map(\.rawValue).joined(separator: ",") }).mapValues(\.count)
                print("apply, \(count) objects: churn plan \(kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
            }
        }
        times.report("apply, \(count) objects, parallelism \(options.parallelism):")
    }
    printPeakMemory()
}

/// Applies `plan` on the backend's state; adds the apply's time, and apart from it the time
/// the backend spent writing (journal lines, fsync'd; the final state.json).
private func applyTimed(_ phase: String, _ plan: Plan, _ fixture: EngineFixture, _ workspace: Workspace,
                        _ backend: TimedBackend, _ options: Options, _ times: inout PhaseTimes, dump: String?) async throws {
    let state = try await backend.load() ?? StateSnapshot(lineage: "castform-bench")
    let before = backend.figures
    let (summary, seconds) = await timed {
        await fixture.executor(workspace, parallelism: options.parallelism).apply(plan, state: state, backend: backend)
    }
    guard summary.succeeded else { throw BenchError("\(phase) failed: \(summary.failed.prefix(3)) \(summary.stateErrors.prefix(3))") }
    let after = backend.figures
    times.add(phase, seconds)
    // Steps run side by side, so their journal writes overlap: this is a sum, not wall time.
    times.add("  \(phase): in backend.record, \(after.records - before.records) lines (summed)", after.recordSeconds - before.recordSeconds)
    times.add("  \(phase): in backend.persist", after.persistSeconds - before.persistSeconds)
    if let dump {
        try FileManager.default.createDirectory(atPath: dump, withIntermediateDirectories: true)
        let name = phase.replacingOccurrences(of: "apply: ", with: "state-after-")
        try? FileManager.default.removeItem(atPath: "\(dump)/\(name).json")
        try FileManager.default.copyItem(atPath: fixture.statePath, toPath: "\(dump)/\(name).json")
    }
}

private func write(_ document: PlanDocument, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try encoder.encode(document).write(to: URL(fileURLWithPath: path))
}
