import CastformCore
import CastformState

/// Compares desired and prior values attribute by attribute, the way a user would: through
/// the schema's normalisations, with secrets compared by their keyed hashes.
struct AttributeDiff {
    let schema: ResourceTypeSchema
    let hasher: SecretHasher

    /// The attributes that differ, in schema order, among `managed`.
    func changed(desired: [String: Value], prior: [String: Value], managed: [String]) -> [String] {
        schema.body.attributes.map(\.name).filter { managed.contains($0) }.filter { name in
            let attribute = schema.body.attribute(named: name)!
            let wanted = comparable(desired[name] ?? .null, attribute)
            if wanted.containsUnknown { return true }
            return !wanted.isEquivalent(to: comparable(prior[name] ?? .null, attribute))
        }
    }

    private func comparable(_ value: Value, _ attribute: Attribute) -> Value {
        let value = attribute.sensitive && !value.containsSensitive && value != .null ? Value.sensitive(value) : value
        return attribute.normalised(hasher.redact(value))
    }
}
