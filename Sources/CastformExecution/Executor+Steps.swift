import CastformCore
import CastformPlanning
import CastformState

/// One function per action of a step: forget, adopt, read, create, update, delete.
extension Executor {
    /// What every action of one step works with.
    struct StepContext {
        let step: Step
        let provider: any Provider
        let schema: ResourceTypeSchema
        /// The resource as state holds it when the step starts.
        let current: ResourceState?
        let recorder: StateRecorder
        let live: LiveValues
        let hasher: SecretHasher
        let progress: ProgressHandler

        var address: ResourceAddress { step.address }
        var change: ResourceChange { step.change }
        var lineage: String { recorder.lineage }
    }

    func perform(_ step: Step, recorder: StateRecorder, live: LiveValues) async -> StepResult {
        let address = step.address
        guard let provider = providers.provider(for: address), let schema = providers.schema(for: address) else {
            return .failed([.error("no provider handles \(address.type)", at: nil)])
        }
        let context = StepContext(
            step: step, provider: provider, schema: schema, current: await recorder.resource(address), recorder: recorder,
            live: live, hasher: SecretHasher(lineage: recorder.lineage),
            progress: { [observer] value in observer.handle(.progress(address, value)) })
        switch step.action {
        case .forget:
            await recorder.record(.remove(address))
            return .done
        case .move(let from):
            await recorder.record(.move(from: from, to: address))
            return .done
        case .adopt: return await adopt(context)
        case .read: return await read(context)
        case .create: return await create(context)
        case .update: return await update(context)
        case .delete(let id): return await delete(id, context)
        case .deleteDeposed(let id), .forgetDeposed(let id): return await removeDeposed(id, context)
        }
    }

    /// An object found after a lost create, or imported: recorded as it was read.
    private func adopt(_ context: StepContext) async -> StepResult {
        guard let id = context.change.remoteID else { return .failed([.error("nothing to adopt for \(context.address)", at: nil)]) }
        var resource = context.current ?? ResourceState(address: context.address, provider: context.schema.provider, id: id)
        resource.id = id
        resource.pending = nil
        resource.attributes = context.change.before ?? resource.attributes
        resource.privateData = context.change.adoptedPrivateData ?? resource.privateData
        resource.dependencies = context.change.dependencies
        resource.lifecycle = context.change.lifecycle
        await context.recorder.record(.put(resource))
        return .done
    }

    /// A data source whose arguments were known only during apply.
    private func read(_ context: StepContext) async -> StepResult {
        let arguments = await desired(context)
        let result = await context.provider.readData(type: context.address.type, arguments: arguments.mapValues(\.unmarked))
        if result.diagnostics.hasErrors { return .failed(result.diagnostics) }
        let values = arguments.merging(result.attributes) { $1 }
        await context.live.set(context.address, values)
        await context.recorder.record(.put(ResourceState(address: context.address, provider: context.schema.provider, id: nil,
                                                         attributes: context.hasher.redact(values), dependencies: context.change.dependencies)))
        return .done
    }

    private func create(_ context: StepContext) async -> StepResult {
        let values = await desired(context)
        var deposed = context.current?.deposed ?? []
        if context.change.kind == .replaceCreateFirst, let old = context.current?.id, !deposed.contains(old) { deposed.append(old) }
        var request = OperationRequest(address: context.address, desired: values, lineage: context.lineage,
                                       lifecycle: context.change.lifecycle ?? [:])
        request.notes = context.provider.notes(forCreating: request)
        let pending = ResourceState(
            address: context.address, provider: context.schema.provider, id: nil, attributes: [:],
            dependencies: context.change.dependencies,
            pending: PendingOperation(kind: .create, desired: context.hasher.redact(values),
                                      notes: request.notes.isEmpty ? nil : context.hasher.redact(request.notes)),
            deposed: deposed.isEmpty ? nil : deposed, lifecycle: context.change.lifecycle ?? context.current?.lifecycle)
        // Durable before the request goes out, with what will find its result: if castform
        // dies waiting for the answer, the next run asks the service instead of creating a
        // second object.
        await context.recorder.record(.put(pending))
        switch await context.provider.create(request, progress: context.progress) {
        case .succeeded(let object?):
            await context.live.set(context.address, values.merging(object.attributes) { $1 })
            await context.recorder.record(.put(stored(object, desired: values, context: context, deposed: pending.deposed)))
            return .done
        case .succeeded(nil):
            return .failed([.error("\(context.address): the service reported success but returned no object", at: nil)])
        case .failed(let diagnostics):
            // Nothing was created: put back what state held before the pending record.
            if let current = context.current, current.id != nil {
                await context.recorder.record(.put(current))
            } else {
                await context.recorder.record(.remove(context.address))
            }
            return .failed(diagnostics)
        case .unknown(let diagnostics):
            return .failed(diagnostics + [.warning("\(context.address): the create may have happened; the next plan will look for it before creating it again", at: nil)])
        }
    }

    private func update(_ context: StepContext) async -> StepResult {
        guard let current = context.current, let id = current.id else { return .failed([.error("\(context.address) is not in state", at: nil)]) }
        // `lifecycle.*` entries are castform's own options: recorded in state, never sent.
        let changed = context.change.changedAttributes.filter { !$0.hasPrefix("lifecycle.") }
        guard !changed.isEmpty else {
            var resource = current
            resource.lifecycle = context.change.lifecycle
            await context.recorder.record(.put(resource))
            return .done
        }
        let values = await desired(context)
        let prior = RemoteObject(id: id, attributes: context.change.before ?? current.attributes, privateData: current.privateData)
        let request = OperationRequest(address: context.address, id: id, desired: values, prior: prior,
                                       changed: changed, lineage: context.lineage, lifecycle: context.change.lifecycle ?? [:])
        switch await context.provider.update(request, progress: context.progress) {
        case .succeeded(let object):
            let object = object ?? RemoteObject(id: id, attributes: values, privateData: current.privateData)
            await context.live.set(context.address, values.merging(object.attributes) { $1 })
            await context.recorder.record(.put(stored(object, desired: values, context: context, deposed: current.deposed)))
            return .done
        case .failed(let diagnostics), .unknown(let diagnostics):
            return .failed(diagnostics)
        }
    }

    private func delete(_ id: String?, _ context: StepContext) async -> StepResult {
        if let id, case .failed(let diagnostics) = await takeDown(id, context) { return .failed(diagnostics) }
        await context.recorder.record(.remove(context.address))
        return .done
    }

    /// An object a replacement replaced: taken down (or let go), then no longer recorded.
    private func removeDeposed(_ id: String, _ context: StepContext) async -> StepResult {
        if case .failed(let diagnostics) = await takeDown(id, context) { return .failed(diagnostics) }
        if var resource = await context.recorder.resource(context.address) {
            resource.deposed = resource.deposed?.filter { $0 != id }
            if resource.deposed?.isEmpty == true { resource.deposed = nil }
            await context.recorder.record(.put(resource))
        }
        return .done
    }

    /// Takes an object down as its lifecycle options say; one that is only to be forgotten
    /// (the old show of a replacement under `on_remove: forget`) is left alone.
    private func takeDown(_ id: String, _ context: StepContext) async -> StepResult {
        if context.schema.removal(context.change.lifecycle).forgets { return .done }
        let prior = RemoteObject(id: id, attributes: context.current?.attributes ?? [:], privateData: context.current?.privateData ?? [:])
        let request = OperationRequest(address: context.address, id: id, prior: prior, lineage: context.lineage,
                                       lifecycle: context.change.lifecycle ?? [:])
        switch await context.provider.delete(request) {
        case .succeeded: return .done
        case .failed(let diagnostics), .unknown(let diagnostics): return .failed(diagnostics)
        }
    }
}
