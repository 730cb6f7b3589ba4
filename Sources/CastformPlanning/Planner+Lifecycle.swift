import CastformCore
import CastformManifest

/// A type's own lifecycle options (`on_remove`) travel with every change and are kept in
/// state, because removal happens when the manifest that declared them is already gone.
extension Planner {
    /// The declared options, defaults included; nil for types that have none.
    static func lifecycle(_ declaration: ResourceDeclaration, schema: ResourceTypeSchema) -> [String: Value]? {
        guard !schema.lifecycleOptions.isEmpty else { return nil }
        // Options are plain values (the decoder allows no references in them).
        let evaluator = Evaluator(environment: [:], variables: [:])
        return declaration.lifecycle.options.mapValues { evaluator.evaluate($0) }
    }

    /// Sets the change's options; where they differ from state's, the change also records
    /// them (a no-op becomes an update of `lifecycle.NAME` that makes no call to the service),
    /// so that removing the resource later does what the manifest last said.
    static func recordLifecycle(_ change: inout ResourceChange, declared: [String: Value]?, recorded: [String: Value]?,
                                schema: ResourceTypeSchema) {
        guard let declared else { return }
        change.lifecycle = declared
        guard change.kind == .noOp || change.kind == .update else { return }
        // Compared option by option, each absent one as its default: no dictionaries made for
        // the many objects whose options are as recorded.
        let differing = schema.lifecycleOptions.filter { option in
            (recorded?[option.name] ?? option.defaultValue) != (declared[option.name] ?? option.defaultValue)
        }.map(\.name)
        guard !differing.isEmpty else { return }
        change.priorLifecycle = schema.lifecycleDefaults.merging(recorded ?? [:]) { $1 }
        change.changedAttributes += differing.map { "lifecycle.\($0)" }
        if change.kind == .noOp { change.kind = .update }
    }
}
