import CastformCore

/// Which steps of an apply may start: each once every step it waits for is done, in the
/// order they became ready. A failed step blocks everything that depends on it, directly or
/// not; independent work goes on.
struct StepSchedule {
    private let steps: [Step]
    private var waiting: [Int: Set<Int>]
    private var dependents: [Int: [Int]] = [:]
    /// A queue: steps start in the order they became ready; `head` is its front.
    private var ready: [Int]
    private var head = 0
    /// Blocked steps, with the address whose failure blocked them.
    private(set) var blocked: [Int: ResourceAddress] = [:]
    private(set) var finished = Set<Int>()

    init(_ steps: [Step]) {
        self.steps = steps
        waiting = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, Set($0.waitsFor)) })
        for step in steps { for dependency in step.waitsFor { dependents[dependency, default: []].append(step.id) } }
        ready = steps.filter { $0.waitsFor.isEmpty }.map(\.id)
    }

    /// The next step to start, if one is ready.
    mutating func next() -> Step? {
        guard head < ready.count else { return nil }
        head += 1
        return steps[ready[head - 1]]
    }

    mutating func finish(_ id: Int, succeeded: Bool) {
        finished.insert(id)
        if succeeded {
            for dependent in dependents[id] ?? [] {
                waiting[dependent]?.remove(id)
                if waiting[dependent]?.isEmpty == true, blocked[dependent] == nil { ready.append(dependent) }
            }
            return
        }
        var work = dependents[id] ?? []
        while let next = work.popLast() {
            guard blocked[next] == nil else { continue }
            blocked[next] = steps[id].address
            work += dependents[next] ?? []
        }
    }
}

extension ExecutionSummary {
    mutating func record(_ step: Step, _ result: Executor.StepResult) {
        switch result {
        case .done: completed.append((step.address, step.action))
        case .failed(let diagnostics): failed.append((step.address, step.action, diagnostics))
        }
    }
}
