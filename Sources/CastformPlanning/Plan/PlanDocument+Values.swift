import CastformCore

/// Terraform's `planned_values` (every resource as it will be after apply) and `prior_state`
/// (every resource as the refresh found it), which policy tools read instead of walking the
/// changes. Secrets are `null` with `true` in `sensitive_values`, as everywhere in the document.
extension PlanDocument {
    public struct Values: Codable, Sendable, Equatable {
        public var rootModule: Module

        enum CodingKeys: String, CodingKey {
            case rootModule = "root_module"
        }
    }

    public struct Module: Codable, Sendable, Equatable {
        public var resources: [ResourceValues]
    }

    public struct ResourceValues: Codable, Sendable, Equatable {
        public var address: String
        public var mode: String
        public var type: String
        public var name: String
        public var providerName: String
        public var schemaVersion: Int
        public var values: Value
        public var sensitiveValues: Value
        /// An instance's `for_each` key, as Terraform writes it.
        public var index: String?

        enum CodingKeys: String, CodingKey {
            case address, mode, type, name, values, index
            case providerName = "provider_name"
            case schemaVersion = "schema_version"
            case sensitiveValues = "sensitive_values"
        }
    }

    public struct PriorState: Codable, Sendable, Equatable {
        public var formatVersion: String
        public var castformVersion: String
        public var values: Values

        enum CodingKeys: String, CodingKey {
            case values
            case formatVersion = "format_version"
            case castformVersion = "castform_version"
        }
    }

    /// What each resource will be: the `after` of everything not removed, values not known
    /// yet left out (as Terraform leaves them out).
    static func plannedValues(_ plan: Plan, schema: (ResourceChange) -> ResourceTypeSchema?) -> Values {
        let resources = plan.changes.compactMap { change -> ResourceValues? in
            guard change.kind != .delete, change.kind != .forget, let after = change.after else { return nil }
            return resourceValues(change, after, schema: schema(change))
        }
        return Values(rootModule: Module(resources: resources))
    }

    /// What each resource was when the plan was made: the refreshed `before` of every object
    /// that exists, and the data sources read while planning.
    static func priorState(_ plan: Plan, castformVersion: String, schema: (ResourceChange) -> ResourceTypeSchema?) -> PriorState {
        let resources = plan.changes.compactMap { change -> ResourceValues? in
            if change.address.mode == .data, change.kind == .read, change.actionReason == nil, let after = change.after {
                return resourceValues(change, after, schema: schema(change))
            }
            guard let before = change.before, !before.isEmpty else { return nil }
            return resourceValues(change, before, schema: schema(change))
        }
        return PriorState(formatVersion: "1.0", castformVersion: castformVersion, values: Values(rootModule: Module(resources: resources)))
    }

    static func resourceValues(_ change: ResourceChange, _ attributes: [String: Value], schema: ResourceTypeSchema?) -> ResourceValues {
        let known = attributes.filter { $0.value != .unknown }
        let stripped = Value.object(known).marked(schema).stripped()
        return ResourceValues(address: change.address.description, mode: change.address.mode.rawValue, type: change.address.type,
                              name: change.address.name, providerName: change.provider, schemaVersion: 0,
                              values: stripped.value, sensitiveValues: stripped.sensitive, index: change.address.key)
    }
}
