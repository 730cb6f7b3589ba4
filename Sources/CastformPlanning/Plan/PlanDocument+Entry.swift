import CastformCore

/// One resource's change in the document (`resource_changes[]`, `resource_drift[]`), in
/// Terraform's shape with castform's additions.
extension PlanDocument {
    public struct Entry: Codable, Sendable, Equatable {
        public var address: String
        public var mode: String
        public var type: String
        public var name: String
        public var providerName: String
        public var change: Change
        public var actionReason: ActionReason?
        /// castform's additions: which attributes change, what forces a replacement, and what
        /// the action means for this service, in words. `replace_paths` is also in `change`,
        /// where Terraform puts it; it stays here for readers of format 1.2.
        public var changedAttributes: [String]
        /// The changed attributes whose secrets changed (a secret is never in the document,
        /// so without this a renderer could not tell a changed secret from an unchanged one).
        public var changedSensitiveAttributes: [String]?
        public var replacePaths: [[String]]
        public var note: String?
        /// The type's lifecycle options before and after, when the change records new ones.
        public var lifecycle: LifecycleChange?
        /// As in Terraform's plan JSON: set on the entry for an object that was replaced in an
        /// interrupted run and is still to be taken down (its remote id).
        public var deposed: String?
        /// As in Terraform's plan JSON: an instance's `for_each` key, and where a `moved`
        /// entry moved the object from.
        public var index: String?
        public var previousAddress: String?

        enum CodingKeys: String, CodingKey {
            case address, mode, type, name, change, note, lifecycle, deposed, index
            case previousAddress = "previous_address"
            case providerName = "provider_name"
            case actionReason = "action_reason"
            case changedAttributes = "changed_attributes"
            case changedSensitiveAttributes = "changed_sensitive_attributes"
            case replacePaths = "replace_paths"
        }
    }

    public struct Importing: Codable, Sendable, Equatable {
        public var id: String
        public var reason: String
    }

    public struct LifecycleChange: Codable, Sendable, Equatable {
        public var before: [String: Value]
        public var after: [String: Value]
    }

    /// Terraform's `change`: `before` is `null` for a create and `after` for a delete, written
    /// out as Terraform writes them; `replace_paths` only for a replacement.
    public struct Change: Codable, Sendable, Equatable {
        public var actions: [PlanAction]
        public var before: Value?
        public var after: Value?
        public var afterUnknown: Value
        public var beforeSensitive: Value
        public var afterSensitive: Value
        public var replacePaths: [[String]]?
        /// As in Terraform 1.5's plan JSON: the object an import takes over, with castform's
        /// reason for taking it.
        public var importing: Importing?

        enum CodingKeys: String, CodingKey {
            case actions, before, after, importing
            case afterUnknown = "after_unknown"
            case beforeSensitive = "before_sensitive"
            case afterSensitive = "after_sensitive"
            case replacePaths = "replace_paths"
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(actions, forKey: .actions)
            try container.encode(before ?? .null, forKey: .before)
            try container.encode(after ?? .null, forKey: .after)
            try container.encode(afterUnknown, forKey: .afterUnknown)
            try container.encode(beforeSensitive, forKey: .beforeSensitive)
            try container.encode(afterSensitive, forKey: .afterSensitive)
            try container.encodeIfPresent(replacePaths, forKey: .replacePaths)
            try container.encodeIfPresent(importing, forKey: .importing)
        }
    }

    static func entry(_ change: ResourceChange, schema: ResourceTypeSchema?) -> Entry {
        let marked = (change.before.map { Value.object($0).marked(schema) }, change.after.map { Value.object($0).marked(schema) })
        let before = marked.0?.stripped()
        let after = marked.1?.stripped()
        let replacePaths = change.replacedBecause.map { [$0] }
        var entry = Entry(
            address: change.address.description, mode: change.address.mode.rawValue, type: change.address.type,
            name: change.address.name, providerName: change.provider,
            change: Change(actions: change.kind.actions, before: before?.value, after: after?.value,
                           afterUnknown: after?.unknown ?? .bool(false), beforeSensitive: before?.sensitive ?? .bool(false),
                           afterSensitive: after?.sensitive ?? .bool(false),
                           replacePaths: change.kind.isReplace ? replacePaths : nil),
            actionReason: change.actionReason, changedAttributes: change.changedAttributes,
            changedSensitiveAttributes: changedSecrets(change.changedAttributes, before: marked.0, after: marked.1), replacePaths: replacePaths, note: change.note,
            lifecycle: change.priorLifecycle.map { LifecycleChange(before: $0, after: change.lifecycle ?? [:]) })
        entry.change.importing = change.importing.map { Importing(id: $0.id, reason: $0.reason) }
        entry.index = change.address.key
        entry.previousAddress = change.previousAddress?.description
        return entry
    }

    /// The changed attributes whose secrets differ (compared by their hashes), nil when none.
    static func changedSecrets(_ changed: [String], before: Value?, after: Value?) -> [String]? {
        guard let before, let after else { return nil }
        let names = changed.filter { name in
            let (old, new) = (before[name] ?? .null, after[name] ?? .null)
            return (old.containsSensitive || new.containsSensitive) && old.secretHashes != new.secretHashes
        }
        return names.isEmpty ? nil : names
    }

    /// One entry per replaced object still to be taken down, as Terraform lists deposed objects.
    static func deposedEntries(_ change: ResourceChange, removal: Removal) -> [Entry] {
        change.deposed.map { id in
            Entry(address: change.address.description, mode: change.address.mode.rawValue, type: change.address.type,
                  name: change.address.name, providerName: change.provider,
                  change: Change(actions: removal.forgets ? [.forget] : [.delete], before: .object(["id": .string(id)]), after: nil,
                                 afterUnknown: .bool(false), beforeSensitive: .bool(false), afterSensitive: .bool(false)),
                  actionReason: .deleteBecauseReplaced, changedAttributes: [], changedSensitiveAttributes: nil, replacePaths: [],
                  note: removal.isDestroy ? nil : removal.description, deposed: id, index: change.address.key)
        }
    }
}

extension Value {
    /// The attributes with what `schema` marks sensitive marked (unchanged without a schema).
    func marked(_ schema: ResourceTypeSchema?) -> Value {
        schema.map { markingSensitive(as: .object($0.body)) } ?? self
    }

    /// The value with secrets and unknowns taken out, and masks that say where they were.
    func stripped() -> (value: Value, sensitive: Value, unknown: Value) {
        switch self {
        case .sensitive: return (.null, .bool(true), .bool(false))
        case .unknown: return (.null, .bool(false), .bool(true))
        case .list(let items):
            let parts = items.map { $0.stripped() }
            return (.list(parts.map(\.value)), Self.mask(parts.map(\.sensitive)), Self.mask(parts.map(\.unknown)))
        case .object(let fields):
            var value: [String: Value] = [:]
            var sensitive: [String: Value] = [:]
            var unknown: [String: Value] = [:]
            for (key, field) in fields {
                let part = field.stripped()
                value[key] = part.value
                if part.sensitive != .bool(false) { sensitive[key] = part.sensitive }
                if part.unknown != .bool(false) { unknown[key] = part.unknown }
            }
            return (.object(value), .object(sensitive), .object(unknown))
        default:
            return (self, .bool(false), .bool(false))
        }
    }

    /// The hashes of the secrets inside, in order: equal lists mean the same secrets.
    var secretHashes: [String] {
        switch self {
        case .sensitive(let inner): return [inner.stringValue ?? "(unknown)"]
        case .list(let items): return items.flatMap(\.secretHashes)
        case .object(let fields): return fields.keys.sorted().flatMap { fields[$0]!.secretHashes }
        default: return []
        }
    }

    private static func mask(_ items: [Value]) -> Value {
        items.allSatisfy { $0 == .bool(false) } ? .list([]) : .list(items)
    }
}
