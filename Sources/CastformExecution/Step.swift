import CastformCore
import CastformPlanning

/// A unit of work with the steps it waits for.
struct Step: Sendable {
    var id: Int
    var change: ResourceChange
    var action: StepAction
    var waitsFor: [Int]

    var address: ResourceAddress { change.address }
}

/// Turns a plan's changes into steps and their order.
///
/// Creates, updates and reads wait for the resources they depend on; deletes wait for the
/// deletes of the resources that depend on them (the reverse order); a replacement is two
/// steps in the order its kind says.
struct StepBuilder {
    private var steps: [Step] = []
    private var finalStep: [ResourceAddress: Int] = [:]
    private var deleteStep: [ResourceAddress: Int] = [:]
    private var moveStep: [ResourceAddress: Int] = [:]
    private let forgets: (ResourceChange) -> Bool

    /// `forgets` says whether a change's removal only lets go (`on_remove: forget`), so the
    /// objects it replaced are forgotten, not taken down, and reported so.
    static func steps(for plan: Plan, forgets: @escaping (ResourceChange) -> Bool = { _ in false }) -> [Step] {
        var builder = StepBuilder(forgets: forgets)
        for change in plan.changes { builder.addSteps(of: change) }
        builder.orderSteps(plan)
        return builder.steps
    }

    private init(forgets: @escaping (ResourceChange) -> Bool) {
        self.forgets = forgets
    }

    private mutating func add(_ change: ResourceChange, _ action: StepAction, after: [Int] = []) -> Int {
        steps.append(Step(id: steps.count, change: change, action: action, waitsFor: after))
        return steps.count - 1
    }

    private func removeDeposed(_ change: ResourceChange, _ id: String) -> StepAction {
        forgets(change) ? .forgetDeposed(id: id) : .deleteDeposed(id: id)
    }

    /// The steps one change needs, each waiting for the ones before it in the change.
    private mutating func addSteps(of change: ResourceChange) {
        // A moved object is recorded at its new address before anything else is done to it.
        if let previous = change.previousAddress { moveStep[change.address] = add(change, .move(from: previous)) }
        // An object found after a lost create answer is recorded first; whatever else the
        // plan does to it then starts from a state that knows it.
        let adoption = change.adopts ? [add(change, .adopt)] : []
        switch change.kind {
        case .noOp:
            if let step = adoption.first ?? moveStep[change.address] { finalStep[change.address] = step }
        case .create: finalStep[change.address] = add(change, .create)
        case .update: finalStep[change.address] = add(change, .update, after: adoption)
        case .read:
            // Read while planning: the plan holds the values (`recordReads`); not read again.
            guard change.actionReason == .readBecauseConfigUnknown else { return }
            finalStep[change.address] = add(change, .read)
        case .delete, .forget:
            // Objects it replaced go first: the record that names them goes last.
            let deposed = change.deposed.map { add(change, removeDeposed(change, $0)) }
            deleteStep[change.address] = add(change, change.kind == .forget ? .forget : .delete(id: change.remoteID), after: deposed)
            return
        case .replaceDestroyFirst:
            let delete = add(change, .delete(id: change.remoteID), after: adoption)
            finalStep[change.address] = add(change, .create, after: [delete])
        case .replaceCreateFirst:
            let create = add(change, .create, after: adoption)
            finalStep[change.address] = create
            if let old = change.remoteID { _ = add(change, removeDeposed(change, old), after: [create]) }
        }
        // Objects replaced in an earlier, interrupted run go once the new one is in place.
        for id in change.deposed {
            _ = add(change, removeDeposed(change, id), after: finalStep[change.address].map { [$0] } ?? [])
        }
    }

    /// The waits across changes: dependencies first, deletes of dependents before a delete.
    private mutating func orderSteps(_ plan: Plan) {
        // For each address, the deleted resources that depend on it, in plan order: found in
        // one pass, not by scanning every change for every delete step (O(N²) in a destroy).
        var deletedDependents: [ResourceAddress: [ResourceAddress]] = [:]
        for change in plan.changes where change.kind == .delete || change.kind == .forget {
            for dependency in Set(change.dependencies) { deletedDependents[dependency, default: []].append(change.address) }
        }
        for index in steps.indices {
            let step = steps[index]
            if let move = moveStep[step.address], move != index { steps[index].waitsFor.append(move) }
            switch step.action {
            case .create, .update, .read, .adopt:
                steps[index].waitsFor += step.change.dependencies.compactMap { finalStep[$0] }
            case .delete, .forget:
                // Delete dependents first: every deleted resource that depends on this one.
                steps[index].waitsFor += (deletedDependents[step.address] ?? []).compactMap { deleteStep[$0] }
            case .deleteDeposed, .forgetDeposed, .move:
                break
            }
        }
    }
}
