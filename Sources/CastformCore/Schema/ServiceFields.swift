/// Where each attribute of a type lives in the service's API, for the reference: castform's
/// names are snake_case as the services' Python SDKs write them, and most map by a rule (the
/// same name, or camelCase for a JSON API); the exceptions are listed by attribute path
/// (`title`, `tracks[].track`).
public struct ServiceFields: Sendable {
    public enum Naming: Sendable {
        /// The service uses castform's name.
        case same
        /// The service's JSON uses the camelCase form (`user_tags` → `userTags`).
        case camelCase
    }

    public var naming: Naming
    /// Attribute path → how the service names it, where the rule does not say.
    public var exceptions: [String: String]

    public init(_ naming: Naming, exceptions: [String: String] = [:]) {
        self.naming = naming
        self.exceptions = exceptions
    }

    /// The service's field for the attribute at `path` (`profiles[].fps_den`), whose last
    /// component is `name`.
    public func field(path: String, name: String) -> String {
        if let exception = exceptions[path] { return exception }
        switch naming {
        case .same:
            return name
        case .camelCase:
            let parts = name.split(separator: "_")
            return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
                .joined()
        }
    }
}

extension ResourceTypeSchema {
    /// The schema with its reference details: how the service names its attributes, and a
    /// manifest declaring one (a test checks every example validates).
    public func documented(fields: ServiceFields?, example: String) -> ResourceTypeSchema {
        var schema = self
        schema.serviceFields = fields
        schema.example = example
        return schema
    }
}
