import CastformCore
import Foundation

/// What validation rules may look at: the decoded workspace, the schemas, the environment, and
/// the file system (for the files that manifests point at).
public struct ValidationContext: Sendable {
    public let workspace: Workspace
    public let registry: SchemaRegistry
    public var environment: [String: String]
    /// Whether every `${env.X}` must be set: at plan and apply, which send the values. Not at
    /// validate, which runs where secrets are not (CI on a fork): there it is a warning.
    public var environmentIsRequired = false
    /// The file checks made so far in this validation: 10,000 shows naming one audio file
    /// stat it, and resolve its links, once.
    let fileChecks = MemoTable<FileCheckKey, [FileProblem]>()

    public init(workspace: Workspace, registry: SchemaRegistry, environment: [String: String], environmentIsRequired: Bool = false) {
        self.workspace = workspace
        self.registry = registry
        self.environment = environment
        self.environmentIsRequired = environmentIsRequired
    }

    /// Every decoded object with the schema it was decoded against: resource bodies and their
    /// lifecycle options, and castform.yaml's state, files and provider settings. Made once
    /// for the rules that walk them all.
    public var objects: [(value: ConfigValue, schema: ObjectSchema)] {
        decodedObjects.value { Self.objects(in: workspace, registry: registry) }
    }

    private let decodedObjects = Memo<[(value: ConfigValue, schema: ObjectSchema)]>()

    private static func objects(in workspace: Workspace, registry: SchemaRegistry) -> [(value: ConfigValue, schema: ObjectSchema)] {
        var objects: [(value: ConfigValue, schema: ObjectSchema)] = []
        objects.reserveCapacity(workspace.resources.count * 2)
        // Declarations come grouped by type: the options schema is made again only when it changes.
        var options: (mode: ResourceAddress.Mode, type: String, schema: ObjectSchema)?
        for resource in workspace.resources {
            guard let schema = registry.schema(resource.address.mode, resource.address.type) else { continue }
            objects.append((resource.body, schema.body))
            let (mode, type) = (resource.address.mode, resource.address.type)
            if options?.mode != mode || options?.type != type { options = (mode, type, ObjectSchema(schema.lifecycleOptions)) }
            let fields = resource.lifecycle.options.map { ConfigValue.Field(name: $0.key, location: $0.value.location, value: $0.value) }
            objects.append((ConfigValue(.object(fields), at: resource.location), options!.schema))
        }
        if let state = workspace.config.state.written {
            objects.append((state, StateSchema.schema))
        }
        if let files = workspace.config.files.written {
            objects.append((files, FilesSchema.schema))
        }
        for (name, settings) in workspace.config.providers.sorted(by: { $0.key < $1.key }) {
            if let schema = registry.providers[name] { objects.append((settings, schema.config)) }
        }
        return objects
    }

    /// Whether `value` lost something to a decoding error (see `Workspace.incomplete`).
    public func isIncomplete(_ value: ConfigValue) -> Bool {
        !workspace.incomplete.isEmpty && workspace.incomplete.contains(value.location)
    }

    /// A workspace-relative path as the user would type it from where they ran castform.
    public func displayPath(_ relative: String) -> String {
        workspace.displayPath(relative)
    }

    public func absolutePath(_ relative: String) -> String {
        workspace.absolutePath(relative)
    }
}

/// A file check's question: the same path for the same attribute and limit has one answer
/// per validation (a file does not change while its manifests are checked).
struct FileCheckKey: Hashable {
    let path: String
    let attribute: String
    let maxBytes: Int64
}
