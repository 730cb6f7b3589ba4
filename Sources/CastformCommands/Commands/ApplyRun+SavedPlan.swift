import ArgumentParser
import CastformCore
import CastformPlanning
import CastformRendering
import CastformState

/// `apply PLANFILE`: the plan applies only where, and to what, it was made.
extension ApplyRun {
    /// The saved plan, once it is known to fit: the same target (sandbox or not), the same
    /// state, the same manifests and secrets, and providers that can work.
    func checkedSavedPlan(_ file: PlanFile, path: String, state: StateSnapshot) async throws -> CastformPlanning.Plan {
        try checkSameTarget(file, path: path)
        try checkStillValid(file.plan, state: state)
        // A saved plan is not planned again: its providers' credentials are checked here.
        let problems = await session.providers.preflight(file.plan.changes.map(\.address))
        PlanOutput.report(problems)
        if problems.hasErrors { throw ExitCode.failure }
        Console.out(HumanPlanRenderer(style: Console.style()).render(session.document(file.plan)))
        return file.plan
    }

    /// A plan made against castform's emulators (`--sandbox`) applies only there, and one made
    /// against the real services only there: the two have different states and objects.
    private func checkSameTarget(_ file: PlanFile, path: String) throws {
        let sandboxed = session.sandbox != nil
        guard file.madeInSandbox != sandboxed else { return }
        if file.madeInSandbox {
            throw CommandError("\(path) was made with --sandbox, against castform's emulators: apply it with castform apply --sandbox \(path), or make a plan for the real services without --sandbox")
        }
        throw CommandError("\(path) was made for the real services, without --sandbox: apply it with castform apply \(path) (no --sandbox), or make a plan with --sandbox to try it against castform's emulators")
    }

    /// A saved plan applies only to the state it was made against, with the same manifests and
    /// secrets.
    private func checkStillValid(_ plan: CastformPlanning.Plan, state: StateSnapshot) throws {
        if plan.serial != state.serial {
            throw CommandError("the plan is stale: the state changed since it was made (serial \(plan.serial) then, \(state.serial) now); run castform plan again")
        }
        if plan.lineage != state.lineage {
            throw CommandError("this plan was made for another state (lineage \(plan.lineage), the state's is \(state.lineage)); run castform plan again")
        }
        let problems = PlanVerifier(providers: session.providers, environment: session.runtime.environment)
            .verify(plan, workspace: session.workspace, state: state)
        if !problems.isEmpty {
            throw CommandError("the manifests or the environment changed since the plan was made: \(problems.joined(separator: "; ")); run castform plan again")
        }
    }
}
