import CastformCore
import Foundation

/// The plan's versioned JSON form, shaped like `terraform show -json PLANFILE` so tools that
/// read one read the other (policy checks in CI). Human and Markdown output are rendered from
/// this document, never from the `Plan` directly, so the three forms cannot disagree.
///
/// Secrets never appear: a sensitive value is `null` in `before`/`after`/`values` and `true` at
/// its place in `before_sensitive`/`after_sensitive`/`sensitive_values`; a value not known
/// until apply is `null` in `after` and `true` in `after_unknown`.
///
/// castform's additions to Terraform's keys: `castform_version`, `state`, `destroy`,
/// `resource_drift` entries' reasons, `outputs` (the computed attributes of changing resources),
/// `attribute_display` (how to draw nested values), and per entry `changed_attributes`,
/// `replace_paths`, `note`, `lifecycle`.
public struct PlanDocument: Codable, Sendable, Equatable {
    /// 1.3: Terraform's `planned_values`, `prior_state`, `configuration`, `variables`,
    /// `timestamp`, `applyable`, `complete`, `errored`, `change.replace_paths`, explicit
    /// `before: null`/`after: null`, and castform's `attribute_display`.
    public static let formatVersion = "1.3"

    public var formatVersion: String
    public var castformVersion: String
    /// When the plan was made, in UTC (RFC 3339).
    public var timestamp: String
    /// Whether applying the plan would do anything.
    public var applyable: Bool
    /// False when the plan was limited with `--target`.
    public var complete: Bool
    /// Always false: castform prints no plan document when planning failed.
    public var errored: Bool
    public var variables: [String: PlanConfiguration.Variable]
    public var plannedValues: Values
    public var priorState: PriorState
    public var configuration: Configuration
    public var state: StateReference
    public var isDestroy: Bool
    public var resourceChanges: [Entry]
    public var resourceDrift: [Entry]
    /// Every computed attribute of a changing resource, as `ADDR.ATTR`.
    public var outputs: [String: Output]
    /// For each type in the plan, how its attributes with nested or formatted values are
    /// shown (see `ValueDisplay`): what renderers need of the schema, and nothing else.
    public var attributeDisplay: [String: [String: ValueDisplay]]

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

    /// Terraform's `configuration`: the declarations, each attribute as written.
    public struct Configuration: Codable, Sendable, Equatable {
        public var providerConfig: [String: PlanConfiguration.ProviderConfig]
        public var rootModule: PlanConfiguration.Module

        enum CodingKeys: String, CodingKey {
            case providerConfig = "provider_config"
            case rootModule = "root_module"
        }
    }

    enum CodingKeys: String, CodingKey {
        case state, outputs, timestamp, applyable, complete, errored, variables, configuration
        case formatVersion = "format_version"
        case castformVersion = "castform_version"
        case isDestroy = "destroy"
        case resourceChanges = "resource_changes"
        case resourceDrift = "resource_drift"
        case plannedValues = "planned_values"
        case priorState = "prior_state"
        case attributeDisplay = "attribute_display"
    }

    /// How much of the plan a document carries.
    public enum Scope: Sendable {
        /// Everything Terraform's plan JSON has: every resource, changing or not, with its
        /// prior and planned values (`--json`, `show -json`).
        case full
        /// What a reader is shown (human and Markdown output): entries that change something,
        /// import or move, drift and outputs — no `planned_values`, `prior_state`, or no-op
        /// entries, which on a large workspace cost more to build than the rest of the plan.
        case changes
    }

    public init(_ plan: Plan, registry: SchemaRegistry, castformVersion: String = "0.1.0", scope: Scope = .full) {
        formatVersion = Self.formatVersion
        self.castformVersion = castformVersion
        timestamp = Self.timestamp(plan.created)
        applyable = plan.hasEffectiveChanges
        complete = plan.isComplete
        errored = false
        let written = plan.configuration ?? PlanConfiguration()
        variables = written.variables
        configuration = Configuration(providerConfig: written.providerConfig, rootModule: written.rootModule)
        state = StateReference(lineage: plan.lineage, serial: plan.serial)
        isDestroy = plan.isDestroy
        let schema = { (change: ResourceChange) in registry.schema(change.address.mode, change.address.type) }
        let listed = scope == .full ? plan.changes : plan.changes.filter { $0.kind != .noOp || $0.importing != nil || $0.previousAddress != nil }
        resourceChanges = listed.flatMap { change in
            [Self.entry(change, schema: schema(change))]
                + Self.deposedEntries(change, removal: registry.schema(.managed, change.address.type)?.removal(change.lifecycle) ?? .destroy)
        }
        resourceDrift = plan.drift.map { Self.entry($0, schema: schema($0)) }
        plannedValues = scope == .full ? Self.plannedValues(plan, schema: schema) : Values(rootModule: .init(resources: []))
        priorState = scope == .full ? Self.priorState(plan, castformVersion: castformVersion, schema: schema)
            : PriorState(formatVersion: Self.formatVersion, castformVersion: castformVersion, values: Values(rootModule: .init(resources: [])))
        outputs = Self.outputs(plan, registry: registry)
        attributeDisplay = Self.attributeDisplay(plan, registry: registry)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func outputs(_ plan: Plan, registry: SchemaRegistry) -> [String: Output] {
        var outputs: [String: Output] = [:]
        // By index: most changes of a large plan are no-ops, looked at without being copied.
        for index in plan.changes.indices {
            let kind = plan.changes[index].kind
            guard kind != .noOp, kind != .delete, kind != .forget, plan.changes[index].address.mode == .managed else { continue }
            let change = plan.changes[index]
            guard let schema = registry.schema(.managed, change.address.type) else { continue }
            for attribute in schema.body.attributes where attribute.presence == .computed {
                let value = change.after?[attribute.name] ?? .unknown
                outputs["\(change.address).\(attribute.name)"] = Output(sensitive: attribute.sensitive || value.containsSensitive,
                                                                       knownAfterApply: value.containsUnknown)
            }
        }
        return outputs
    }

    /// The displays of the types whose changes the document holds.
    static func attributeDisplay(_ plan: Plan, registry: SchemaRegistry) -> [String: [String: ValueDisplay]] {
        // The types first (a plan of 10,000 changes has a handful), each then looked up once.
        var types: [(mode: ResourceAddress.Mode, type: String)] = []
        for changes in [plan.changes, plan.drift] {
            for index in changes.indices {
                let (mode, type) = (changes[index].address.mode, changes[index].address.type)
                if !types.contains(where: { $0.mode == mode && $0.type == type }) { types.append((mode, type)) }
            }
        }
        var displays: [String: [String: ValueDisplay]] = [:]
        for (mode, type) in types {
            guard let schema = registry.schema(mode, type) else { continue }
            let display = ValueDisplay.of(schema.body)
            if !display.isEmpty { displays[displayKey(mode.rawValue, type)] = display }
        }
        return displays
    }

    public var hasChanges: Bool {
        resourceChanges.contains {
            !$0.change.actions.allSatisfy { $0 == .noOp || $0 == .read } || $0.change.importing != nil || $0.previousAddress != nil
        }
    }

    /// How to show attribute `name` of the entry's type, when it needs more than its plain form.
    public func display(_ entry: Entry, _ name: String) -> ValueDisplay? {
        attributeDisplay[Self.displayKey(entry.mode, entry.type)]?[name]
    }

    /// A managed type by its name, a data source's as `data.TYPE`: the two may share a name.
    static func displayKey(_ mode: String, _ type: String) -> String {
        mode == ResourceAddress.Mode.data.rawValue ? "data.\(type)" : type
    }
}
