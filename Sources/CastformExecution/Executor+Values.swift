import CastformCore
import CastformPlanning
import CastformState

/// What a step sends (the manifest's values, evaluated now) and what it records.
extension Executor {
    /// The resource's values, evaluated now: references see what this run has created, and
    /// otherwise what state holds.
    func desired(_ context: StepContext) async -> [String: Value] {
        var known: [ResourceAddress: [String: Value]] = [:]
        for target in declared.references(of: context.address) {
            if let values = await context.live.get(target) {
                known[target] = values
            } else if let resource = await context.recorder.resource(target) {
                known[target] = resource.attributes
            }
        }
        return declared.values(of: context.address, schema: context.schema, known: known)
    }

    /// What goes into state: the object as the service returned it, plus write-only values
    /// as sent (hashed when sensitive), so the next plan can tell whether they changed.
    func stored(_ object: RemoteObject, desired: [String: Value], context: StepContext, deposed: [String]?) -> ResourceState {
        let schema = context.schema
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
        return ResourceState(address: context.address, provider: schema.provider, id: object.id, attributes: context.hasher.redact(attributes),
                             privateData: context.hasher.redact(object.privateData), dependencies: context.change.dependencies,
                             deposed: deposed, lifecycle: context.change.lifecycle)
    }

    /// The data sources read while planning, with the values the plan showed: what the
    /// resources that refer to them are sent (they are not read again, so a saved plan applies
    /// as it was shown), and what state keeps for `output` and `show`, sensitive values hashed
    /// as the plan holds them. A complete plan also lets go of data sources no longer declared.
    func recordReads(_ plan: Plan, recorder: StateRecorder, live: LiveValues) async {
        var read = Set<ResourceAddress>()
        for change in plan.changes where change.address.mode == .data && change.kind == .read {
            read.insert(change.address)
            guard change.actionReason != .readBecauseConfigUnknown, let values = change.after else { continue }
            await live.set(change.address, values)
            guard await recorder.resource(change.address)?.attributes != values else { continue }
            await recorder.record(.put(ResourceState(address: change.address, provider: change.provider, id: nil,
                                                     attributes: values, dependencies: change.dependencies)))
        }
        guard plan.isComplete, !plan.isDestroy else { return }
        for resource in await recorder.snapshot.resources where resource.address.mode == .data && !read.contains(resource.address) {
            await recorder.record(.remove(resource.address))
        }
    }
}
