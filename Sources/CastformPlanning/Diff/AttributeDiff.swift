import CastformCore
import CastformState

/// Compares desired and prior values attribute by attribute, the way a user would: through
/// the schema's normalisations, with secrets compared by their keyed hashes.
struct AttributeDiff {
    let schema: ResourceTypeSchema
    let hasher: SecretHasher

    /// The attributes that differ, in schema order, among `managed`.
    func changed(desired: [String: Value], prior: [String: Value], managed: [String]) -> [String] {
        changed(prior: prior) { name in managed.contains(name) ? desired[name] ?? .null : nil }
    }

    /// The attributes the manifest sets (those in `desired`), less `ignored`, that differ, in
    /// schema order: each attribute looked up once on each side, for every object of a plan.
    func changed(desired: [String: Value], prior: [String: Value], ignoring ignored: Set<String>) -> [String] {
        changed(prior: prior) { name in ignored.isEmpty || !ignored.contains(name) ? desired[name] : nil }
    }

    /// One pass over the schema: the attributes whose `wanted` value (nil: not compared)
    /// differs from `prior`'s.
    private func changed(prior: [String: Value], wanted: (String) -> Value?) -> [String] {
        var changed: [String] = []
        for attribute in schema.body.attributes {
            guard let value = wanted(attribute.name) else { continue }
            if differs(value, prior[attribute.name] ?? .null, attribute) {
                changed.append(attribute.name)
            }
        }
        return changed
    }

    private func differs(_ wanted: Value, _ had: Value, _ attribute: Attribute) -> Bool {
        if wanted.containsUnknown { return true }
        // The same value compares the same however it is normalised: most attributes of a
        // no-op plan are equal as read, so this spares them the walks below.
        if wanted == had { return false }
        // A secret state holds only as a hash is compared by hash; values both in hand (a read
        // value and the manifest's, secret or not) are compared in clear, through the
        // normalisations, so a secret that the service trims is no change.
        if wanted.containsSecretHash || had.containsSecretHash {
            return !comparable(wanted, attribute).isEquivalent(to: comparable(had, attribute))
        }
        return !attribute.normalised(wanted.unmarked).isEquivalent(to: attribute.normalised(had.unmarked))
    }

    /// A value as state would keep it: secrets (by schema or by mark) as keyed hashes.
    private func comparable(_ value: Value, _ attribute: Attribute) -> Value {
        let value = attribute.sensitive && !value.containsSensitive && value != .null ? Value.sensitive(value) : value
        return attribute.normalised(hasher.redact(value))
    }
}
