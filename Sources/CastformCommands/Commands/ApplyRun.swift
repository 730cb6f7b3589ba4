import ArgumentParser
import CastformCore
import CastformExecution
import CastformPlanning
import CastformRendering
import CastformState
import Foundation

/// The shared body of apply and destroy: under the state lock, a plan (made now, or read
/// from a saved plan file and checked), confirmation, then the executor.
struct ApplyRun {
    let session: Session
    let options: ApplyOptions

    /// Returns whether everything succeeded.
    func run(saved: (path: String, file: PlanFile)?, planOptions: PlanOptions, destroy: Bool) async throws -> Bool {
        try await session.withLock(destroy ? "destroy" : "apply", timeout: options.lockTimeout.duration) {
            if saved == nil, planOptions.refresh { session.prefetch() }
            var state = try await session.loadState()
            let plan: CastformPlanning.Plan
            if let saved {
                // A plan made before any state existed gave the state-to-be its lineage.
                if state.serial == 0, state.resources.isEmpty { state.lineage = saved.file.plan.lineage }
                plan = try await checkedSavedPlan(saved.file, path: saved.path, state: state)
            } else {
                plan = try await planNow(state, options: planOptions)
                guard plan.hasEffectiveChanges else { return await recordFirstReads(plan, state: state) }
                if !options.autoApprove { try confirm(destroy: destroy) }
            }
            guard plan.hasEffectiveChanges else { return await recordFirstReads(plan, state: state) }
            return await execute(plan, state: state, destroy: destroy || plan.isDestroy)
        }
    }

    /// A plan with nothing to change may still read data sources state has never held (a
    /// workspace of data sources alone): they are recorded, so `castform output data...`
    /// and `castform run data...` can use them; values already held are left until a change.
    private func recordFirstReads(_ plan: CastformPlanning.Plan, state: StateSnapshot) async -> Bool {
        let unrecorded = plan.changes.contains { $0.address.mode == .data && $0.kind == .read && state.resource($0.address) == nil }
        guard unrecorded, !plan.isDestroy else { return true }
        return await execute(plan, state: state, destroy: false)
    }

    private func planNow(_ state: StateSnapshot, options planOptions: PlanOptions) async throws -> CastformPlanning.Plan {
        let result = await Planner(providers: session.providers, environment: session.runtime.environment)
            .plan(session.workspace, state: state, options: planOptions)
        PlanOutput.report(result.diagnostics)
        guard let plan = result.plan else { throw ExitCode.failure }
        Console.out(HumanPlanRenderer(style: Console.style()).render(session.document(plan)))
        return plan
    }

    private func execute(_ plan: CastformPlanning.Plan, state: StateSnapshot, destroy: Bool) async -> Bool {
        Console.out("\n")
        let trap = SignalTrap()
        let executor = Executor(
            providers: session.providers, declared: DeclaredValues(workspace: session.workspace, environment: session.runtime.environment),
            parallelism: options.parallelism, observer: TerminalObserver(style: Console.style(), isTerminal: Console.stdoutIsTerminal),
            cancellation: trap.flag)
        let summary = await executor.apply(plan, state: state, backend: session.backend)
        Console.out(ApplySummary.render(summary, destroy: destroy, style: Console.style()))
        return summary.succeeded
    }

    private func confirm(destroy: Bool) throws {
        let command = destroy ? "destroy" : "apply"
        let saved = destroy ? "castform plan -destroy -out FILE; castform apply FILE" : "castform plan -out FILE; castform apply FILE"
        try Confirmation.ask("\nDo you want to perform these actions? castform will do what is shown above.", what: "castform \(command)",
                             instead: "pass --auto-approve, or apply a saved plan file (\(saved))", input: options.input,
                             declined: "Nothing was changed.")
    }
}
