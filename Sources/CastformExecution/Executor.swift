import CastformCore
import CastformManifest
import CastformPlanning
import CastformState
import Foundation

/// Applies a plan: every step once its dependencies are done, at most `parallelism` at a
/// time, state recorded after each. A failed step skips what depends on it and lets
/// independent work finish. A signal stops new work; work in flight gets `stopGrace` to
/// finish and is then cancelled (a 4 GiB upload must not hold a Ctrl-C for an hour), each
/// provider saying what it knows of the cancelled operation.
public struct Executor: Sendable {
    public var providers: ProviderSet
    public var workspace: Workspace
    public var environment: [String: String]
    public var parallelism: Int
    public var observer: any ExecutionObserver
    public var cancellation: CancellationFlag
    /// How long operations in flight may go on after a signal before they are cancelled.
    public var stopGrace: Duration = .milliseconds(500)
    /// Every wait of the executor goes through it (tests pass their own).
    public var clock: any Clock<Duration> = ContinuousClock()

    public init(providers: ProviderSet, workspace: Workspace, environment: [String: String], parallelism: Int = 4,
                observer: any ExecutionObserver, cancellation: CancellationFlag = CancellationFlag()) {
        self.providers = providers
        self.workspace = workspace
        self.environment = environment
        self.parallelism = max(1, parallelism)
        self.observer = observer
        self.cancellation = cancellation
    }

    /// What finished in the task group: a step, or the signal watcher.
    private enum Completion: Sendable {
        case step(Int, StepResult)
        case stopRequested
    }

    public func apply(_ plan: Plan, state: StateSnapshot, backend: any StateBackend) async -> ExecutionSummary {
        let recorder = StateRecorder(snapshot: state, backend: backend)
        let steps = StepBuilder.steps(for: plan) { [providers] change in
            providers.schema(for: change.address)?.removal(change.lifecycle).forgets ?? false
        }
        let live = LiveValues()
        let declarations = workspace.declarationsByAddress
        var schedule = StepSchedule(steps)
        var summary = ExecutionSummary(state: state)

        await withTaskGroup(of: Completion.self) { group in
            group.addTask { await stopWatcher() }
            var running = 0
            func launch() {
                while running < parallelism, !cancellation.isSet, let step = schedule.next() {
                    running += 1
                    group.addTask { .step(step.id, await run(step, recorder: recorder, live: live, declarations: declarations)) }
                }
                // Nothing in flight and nothing startable: only the watcher is left; end it.
                if running == 0 { group.cancelAll() }
            }
            launch()
            while let completion = await group.next() {
                if case .step(let id, let result) = completion {
                    running -= 1
                    summary.record(steps[id], result)
                    schedule.finish(id, succeeded: result.succeeded)
                } else {
                    group.cancelAll()
                }
                if cancellation.isSet, !summary.interrupted {
                    summary.interrupted = true
                    observer.handle(.stopping)
                }
                launch()
            }
        }
        for step in steps {
            if let cause = schedule.blocked[step.id] {
                summary.skipped.append((step.address, step.action, cause))
                observer.handle(.skipped(step.address, step.action, because: cause))
            } else if !schedule.finished.contains(step.id) {
                summary.notStarted.append((step.address, step.action))
                summary.interrupted = summary.interrupted || cancellation.isSet
            }
        }
        await recorder.persist()
        summary.state = await recorder.snapshot
        summary.stateErrors = await recorder.errors
        return summary
    }

    /// Waits for a signal, then for the grace that operations in flight get; then the
    /// executor cancels them. Cancelled itself when the apply ends first.
    private func stopWatcher() async -> Completion {
        await cancellation.wait()
        if !Task.isCancelled { try? await clock.sleep(for: stopGrace) }
        return .stopRequested
    }

    enum StepResult: Sendable {
        case done
        case failed([Diagnostic])

        var succeeded: Bool {
            if case .done = self { return true }
            return false
        }
    }

    private func run(_ step: Step, recorder: StateRecorder, live: LiveValues,
                     declarations: [ResourceAddress: ResourceDeclaration]) async -> StepResult {
        let started = ContinuousClock.now
        observer.handle(.started(step.address, step.action))
        let result = await perform(step, recorder: recorder, live: live, declarations: declarations)
        switch result {
        case .done:
            let id = await recorder.resource(step.address)?.id
            observer.handle(.finished(step.address, step.action, elapsed: ContinuousClock.now - started, id: id))
        case .failed(let diagnostics):
            observer.handle(.failed(step.address, step.action, diagnostics))
        }
        return result
    }

    private func perform(_ step: Step, recorder: StateRecorder, live: LiveValues,
                         declarations: [ResourceAddress: ResourceDeclaration]) async -> StepResult {
        let address = step.address
        let lineage = recorder.lineage
        let hasher = SecretHasher(lineage: lineage)
        guard let provider = providers.provider(for: address), let schema = providers.schema(for: address) else {
            return .failed([.error("no provider handles \(address.type)", at: nil)])
        }
        let current = await recorder.resource(address)
        let progress: ProgressHandler = { [observer] value in observer.handle(.progress(address, value)) }

        switch step.action {
        case .forget:
            await recorder.record(.remove(address))
            return .done

        case .adopt:
            guard let id = step.change.remoteID else { return .failed([.error("nothing to adopt for \(address)", at: nil)]) }
            var resource = current ?? ResourceState(address: address, provider: schema.provider, id: id)
            resource.id = id
            resource.pending = nil
            resource.attributes = step.change.before ?? resource.attributes
            resource.privateData = step.change.adoptedPrivateData ?? resource.privateData
            resource.dependencies = step.change.dependencies
            resource.lifecycle = step.change.lifecycle
            await recorder.record(.put(resource))
            return .done

        case .read:
            let arguments = await desired(address, recorder: recorder, live: live, declarations: declarations)
            let result = await provider.readData(type: address.type, arguments: arguments.mapValues(\.unmarked))
            if result.diagnostics.hasErrors { return .failed(result.diagnostics) }
            await live.set(address, arguments.merging(result.attributes) { $1 })
            return .done

        case .create:
            let values = await desired(address, recorder: recorder, live: live, declarations: declarations)
            var deposed = current?.deposed ?? []
            if step.change.kind == .replaceCreateFirst, let old = current?.id, !deposed.contains(old) { deposed.append(old) }
            var request = OperationRequest(address: address, desired: values, lineage: lineage, lifecycle: step.change.lifecycle ?? [:])
            request.notes = provider.notes(forCreating: request)
            let pending = ResourceState(
                address: address, provider: schema.provider, id: nil, attributes: [:], dependencies: step.change.dependencies,
                pending: PendingOperation(kind: .create, desired: hasher.redact(values), notes: request.notes.isEmpty ? nil : hasher.redact(request.notes)),
                deposed: deposed.isEmpty ? nil : deposed, lifecycle: step.change.lifecycle ?? current?.lifecycle)
            // Durable before the request goes out, with what will find its result: if castform
            // dies waiting for the answer, the next run asks the service instead of creating a
            // second object.
            await recorder.record(.put(pending))
            switch await provider.create(request, progress: progress) {
            case .succeeded(let object?):
                await live.set(address, values.merging(object.attributes) { $1 })
                await recorder.record(.put(stored(address, object, desired: values, schema: schema, hasher: hasher,
                                                  change: step.change, deposed: pending.deposed)))
                return .done
            case .succeeded(nil):
                return .failed([.error("\(address): the service reported success but returned no object", at: nil)])
            case .failed(let diagnostics):
                // Nothing was created: put back what state held before the pending record.
                if let current, current.id != nil { await recorder.record(.put(current)) } else { await recorder.record(.remove(address)) }
                return .failed(diagnostics)
            case .unknown(let diagnostics):
                return .failed(diagnostics + [.warning("\(address): the create may have happened; the next plan will look for it before creating it again", at: nil)])
            }

        case .update:
            guard let current, let id = current.id else { return .failed([.error("\(address) is not in state", at: nil)]) }
            let values = await desired(address, recorder: recorder, live: live, declarations: declarations)
            let prior = RemoteObject(id: id, attributes: step.change.before ?? current.attributes, privateData: current.privateData)
            // `lifecycle.*` entries are castform's own options: recorded in state, never sent.
            let changed = step.change.changedAttributes.filter { !$0.hasPrefix("lifecycle.") }
            guard !changed.isEmpty else {
                var resource = current
                resource.lifecycle = step.change.lifecycle
                await recorder.record(.put(resource))
                return .done
            }
            let request = OperationRequest(address: address, id: id, desired: values, prior: prior,
                                           changed: changed, lineage: lineage, lifecycle: step.change.lifecycle ?? [:])
            switch await provider.update(request, progress: progress) {
            case .succeeded(let object):
                let object = object ?? RemoteObject(id: id, attributes: values, privateData: current.privateData)
                await live.set(address, values.merging(object.attributes) { $1 })
                await recorder.record(.put(stored(address, object, desired: values, schema: schema, hasher: hasher,
                                                  change: step.change, deposed: current.deposed)))
                return .done
            case .failed(let diagnostics), .unknown(let diagnostics):
                return .failed(diagnostics)
            }

        case .delete(let id):
            guard let id else {
                await recorder.record(.remove(address))
                return .done
            }
            if case .failed(let diagnostics) = await delete(id, current: current, change: step.change, provider: provider, schema: schema, lineage: lineage) {
                return .failed(diagnostics)
            }
            await recorder.record(.remove(address))
            return .done

        case .deleteDeposed(let id), .forgetDeposed(let id):
            if case .failed(let diagnostics) = await delete(id, current: current, change: step.change, provider: provider, schema: schema, lineage: lineage) {
                return .failed(diagnostics)
            }
            if var resource = await recorder.resource(address) {
                resource.deposed = resource.deposed?.filter { $0 != id }
                if resource.deposed?.isEmpty == true { resource.deposed = nil }
                await recorder.record(.put(resource))
            }
            return .done
        }
    }

    /// Takes an object down as its lifecycle options say; one that is only to be forgotten
    /// (the old show of a replacement under `on_remove: forget`) is left alone.
    private func delete(_ id: String, current: ResourceState?, change: ResourceChange, provider: any Provider,
                        schema: ResourceTypeSchema, lineage: String) async -> StepResult {
        if schema.removal(change.lifecycle).forgets { return .done }
        let prior = RemoteObject(id: id, attributes: current?.attributes ?? [:], privateData: current?.privateData ?? [:])
        let request = OperationRequest(address: change.address, id: id, prior: prior, lineage: lineage, lifecycle: change.lifecycle ?? [:])
        switch await provider.delete(request) {
        case .succeeded: return .done
        case .failed(let diagnostics), .unknown(let diagnostics): return .failed(diagnostics)
        }
    }

    /// What goes into state: the object as the service returned it, plus write-only values
    /// as sent (hashed when sensitive), so the next plan can tell whether they changed.
    private func stored(_ address: ResourceAddress, _ object: RemoteObject, desired: [String: Value], schema: ResourceTypeSchema, hasher: SecretHasher,
                        change: ResourceChange, deposed: [String]?) -> ResourceState {
        var attributes = object.attributes
        for attribute in schema.body.attributes where attribute.writeOnly || attributes[attribute.name] == nil {
            if let value = desired[attribute.name], attribute.isSettable {
                attributes[attribute.name] = attribute.sensitive && !value.containsSensitive ? .sensitive(value) : value
            }
        }
        for attribute in schema.body.attributes where attribute.sensitive {
            if let value = attributes[attribute.name], !value.containsSensitive, value != .null { attributes[attribute.name] = .sensitive(value) }
        }
        // A secret written into an ordinary attribute comes back from the service as itself.
        attributes = Value.marking(attributes, like: desired)
        return ResourceState(address: address, provider: schema.provider, id: object.id, attributes: hasher.redact(attributes),
                             privateData: hasher.redact(object.privateData), dependencies: change.dependencies, deposed: deposed,
                             lifecycle: change.lifecycle)
    }

    /// The resource's values, evaluated now: references see what this run has created.
    private func desired(_ address: ResourceAddress, recorder: StateRecorder, live: LiveValues,
                         declarations: [ResourceAddress: ResourceDeclaration]) async -> [String: Value] {
        guard let declaration = declarations[address], let schema = providers.schema(for: address) else { return [:] }
        var known: [ResourceAddress: [String: Value]] = [:]
        for (reference, _) in declaration.body.references {
            guard case .resource(let target, _) = reference else { continue }
            if let values = await live.get(target) {
                known[target] = values
            } else if let resource = await recorder.resource(target) {
                known[target] = resource.attributes
            }
        }
        return DesiredValues(environment: environment, variables: workspace.config.variables)
            .of(declaration, schema: schema) { [known] in known[$0] }
    }
}

/// Values produced during this run, in clear (state only has hashes of secrets).
actor LiveValues {
    private var values: [ResourceAddress: [String: Value]] = [:]

    func set(_ address: ResourceAddress, _ attributes: [String: Value]) {
        values[address] = attributes
    }

    func get(_ address: ResourceAddress) -> [String: Value]? {
        values[address]
    }
}
