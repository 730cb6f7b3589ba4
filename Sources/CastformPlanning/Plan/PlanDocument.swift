import CastformCore
import Foundation

/// The plan's versioned JSON form, shaped like Terraform's plan JSON so tools that read one
/// read the other. Human and Markdown output are rendered from this document, never from the
/// `Plan` directly, so the three forms cannot disagree.
///
/// Secrets never appear: a sensitive value is `null` in `before`/`after` and `true` at its place
/// in `before_sensitive`/`after_sensitive`; a value not known until apply is `null` in `after`
/// and `true` in `after_unknown`.
public struct PlanDocument: Codable, Sendable, Equatable {
    public static let formatVersion = "1.2"

    public var formatVersion: String
    public var castformVersion: String
    public var state: StateReference
    public var isDestroy: Bool
    public var resourceChanges: [Entry]
    public var resourceDrift: [Entry]
    /// Every computed attribute of a changing resource, as `ADDR.ATTR`.
    public var outputs: [String: Output]

    public struct StateReference: Codable, Sendable, Equatable {
        public var lineage: String
        public var serial: Int
    }

    public struct Output: Codable, Sendable, Equatable {
        public var sensitive: Bool
        public var knownAfterApply: Bool

        enum CodingKeys: String, CodingKey {
            case sensitive
            case knownAfterApply = "known_after_apply"
        }
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var address: String
        public var mode: String
        public var type: String
        public var name: String
        public var providerName: String
        public var change: Change
        public var actionReason: String?
        /// castform's additions: which attributes change, what forces a replacement, and what
        /// the action means for this service, in words.
        public var changedAttributes: [String]
        public var replacePaths: [[String]]
        public var note: String?
        /// The type's lifecycle options before and after, when the change records new ones.
        public var lifecycle: LifecycleChange?
        /// As in Terraform's plan JSON: set on the entry for an object that was replaced in an
        /// interrupted run and is still to be taken down (its remote id).
        public var deposed: String?

        enum CodingKeys: String, CodingKey {
            case address, mode, type, name, change, note, lifecycle, deposed
            case providerName = "provider_name"
            case actionReason = "action_reason"
            case changedAttributes = "changed_attributes"
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

    public struct Change: Codable, Sendable, Equatable {
        public var actions: [PlanAction]
        public var before: Value?
        public var after: Value?
        public var afterUnknown: Value
        public var beforeSensitive: Value
        public var afterSensitive: Value
        /// As in Terraform 1.5's plan JSON: the object an import takes over, with castform's
        /// reason for taking it.
        public var importing: Importing?

        enum CodingKeys: String, CodingKey {
            case actions, before, after, importing
            case afterUnknown = "after_unknown"
            case beforeSensitive = "before_sensitive"
            case afterSensitive = "after_sensitive"
        }
    }

    enum CodingKeys: String, CodingKey {
        case state, outputs
        case formatVersion = "format_version"
        case castformVersion = "castform_version"
        case isDestroy = "destroy"
        case resourceChanges = "resource_changes"
        case resourceDrift = "resource_drift"
    }

    public init(_ plan: Plan, registry: SchemaRegistry, castformVersion: String = "0.1.0") {
        formatVersion = Self.formatVersion
        self.castformVersion = castformVersion
        state = StateReference(lineage: plan.lineage, serial: plan.serial)
        isDestroy = plan.isDestroy
        resourceChanges = plan.changes.flatMap { change in
            [Self.entry(change)] + Self.deposedEntries(change, removal: registry.schema(.managed, change.address.type)?.removal(change.lifecycle) ?? .destroy)
        }
        resourceDrift = plan.drift.map(Self.entry)
        var outputs: [String: Output] = [:]
        for change in plan.changes where change.address.mode == .managed && ![.noOp, .delete, .forget].contains(change.kind) {
            guard let schema = registry.schema(.managed, change.address.type) else { continue }
            for attribute in schema.body.attributes where attribute.presence == .computed {
                let value = change.after?[attribute.name] ?? .unknown
                outputs["\(change.address).\(attribute.name)"] = Output(sensitive: attribute.sensitive || value.containsSensitive,
                                                                       knownAfterApply: value.containsUnknown)
            }
        }
        self.outputs = outputs
    }

    static func entry(_ change: ResourceChange) -> Entry {
        let before = change.before.map { Value.object($0).stripped() }
        let after = change.after.map { Value.object($0).stripped() }
        var entry = Entry(
            address: change.address.description, mode: change.address.mode.rawValue, type: change.address.type,
            name: change.address.name, providerName: change.provider,
            change: Change(actions: change.kind.actions, before: before?.value, after: after?.value,
                           afterUnknown: after?.unknown ?? .bool(false), beforeSensitive: before?.sensitive ?? .bool(false),
                           afterSensitive: after?.sensitive ?? .bool(false)),
            actionReason: change.actionReason, changedAttributes: change.changedAttributes,
            replacePaths: change.replacedBecause.map { [$0] }, note: change.note,
            lifecycle: change.priorLifecycle.map { LifecycleChange(before: $0, after: change.lifecycle ?? [:]) })
        entry.change.importing = change.importing.map { Importing(id: $0.id, reason: $0.reason) }
        return entry
    }

    /// One entry per replaced object still to be taken down, as Terraform lists deposed objects.
    static func deposedEntries(_ change: ResourceChange, removal: Removal) -> [Entry] {
        change.deposed.map { id in
            Entry(address: change.address.description, mode: change.address.mode.rawValue, type: change.address.type,
                  name: change.address.name, providerName: change.provider,
                  change: Change(actions: removal.forgets ? [.forget] : [.delete], before: .object(["id": .string(id)]), after: nil,
                                 afterUnknown: .bool(false), beforeSensitive: .bool(false), afterSensitive: .bool(false)),
                  actionReason: "delete_because_replaced", changedAttributes: [], replacePaths: [],
                  note: removal.isDestroy ? nil : removal.description, deposed: id)
        }
    }

    public var hasChanges: Bool {
        resourceChanges.contains { !$0.change.actions.allSatisfy { $0 == .noOp || $0 == .read } || $0.change.importing != nil }
    }
}

extension Value {
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

    private static func mask(_ items: [Value]) -> Value {
        items.allSatisfy { $0 == .bool(false) } ? .list([]) : .list(items)
    }
}
