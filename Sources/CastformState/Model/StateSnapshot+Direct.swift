import CastformCore
import CastformJSON

// Reading a state document straight from its parsed tree. State is the largest document
// castform reads (1.4 KB per object, 15 MB for 11,000): through Codable's containers the
// snapshot of 11,000 objects took longer than parsing the text. This reader builds the same
// snapshot field by field — a local state file's resources one by one as the parser reaches
// them (`init(stateText:)`), so the document's tree is never held whole; a document it does
// not recognise (a field missing or of another kind) is left to the Codable path, which
// reads what it can and says where it failed.

extension StateSnapshot {
    /// The snapshot `json` holds; nil when it is not shaped as castform writes it.
    init?(stateJSON json: JSONValue) {
        guard case .array(let items)? = json["resources"] else { return nil }
        var resources: [ResourceState] = []
        resources.reserveCapacity(items.count)
        for item in items {
            guard let resource = ResourceState(stateJSON: item) else { return nil }
            resources.append(resource)
        }
        self.init(header: json, resources: resources)
    }

    /// The snapshot in a state document's text, each resource made as soon as it is parsed,
    /// so that the document's tree never exists whole (for 11,000 objects it is several times
    /// the size of the snapshot); nil when the document is not shaped as castform writes it.
    init?(stateText buffer: UnsafeBufferPointer<UInt8>) {
        var resources: [ResourceState] = []
        let parsed = try? JSONParser.parse(buffer, streaming: "resources") { element in
            guard let resource = ResourceState(stateJSON: element) else { return false }
            resources.append(resource)
            return true
        }
        guard let parsed, parsed.streamed, parsed.value["resources"] == .array([]) else { return nil }
        self.init(header: parsed.value, resources: resources)
    }

    /// The document's other members around `resources`.
    private init?(header json: JSONValue, resources: [ResourceState]) {
        guard case .object(let members) = json,
              let version = members["version"]?.wholeNumber, let serial = members["serial"]?.wholeNumber,
              case .string(let lineage)? = members["lineage"], case .object(let outputs)? = members["outputs"] else { return nil }
        self.init(version: version, serial: serial, lineage: lineage, resources: resources,
                  outputs: outputs.mapValues(Value.init(stateJSON:)))
    }
}

extension ResourceState {
    /// One resource as state writes it (the keys `Codable` gives the fields, optional ones
    /// absent or null); nil otherwise.
    init?(stateJSON json: JSONValue) {
        guard case .object(let members) = json,
              case .string(let addressText)? = members["address"], let address = ResourceAddress(parsing: addressText),
              case .string(let provider)? = members["provider"],
              case .object(let attributes)? = members["attributes"], case .object(let privateData)? = members["privateData"],
              case .array(let dependencyItems)? = members["dependencies"] else { return nil }
        var dependencies: [ResourceAddress] = []
        for item in dependencyItems {
            guard case .string(let text) = item, let dependency = ResourceAddress(parsing: text) else { return nil }
            dependencies.append(dependency)
        }
        guard let id = Self.optional(members["id"], { $0.string }),
              let deposed = Self.optional(members["deposed"], { $0.array.flatMap { items in Self.strings(items) } }),
              let lifecycle = Self.optional(members["lifecycle"], { $0.object?.mapValues(Value.init(stateJSON:)) }),
              // Rare (an operation in flight): read through Codable for its dates.
              let pending = Self.optional(members["pending"], { try? StateCoding.decoder.decode(PendingOperation.self, from: $0) })
        else { return nil }
        self.init(address: address, provider: provider, id: id, attributes: attributes.mapValues(Value.init(stateJSON:)),
                  privateData: privateData.mapValues(Value.init(stateJSON:)), dependencies: dependencies, pending: pending,
                  deposed: deposed, lifecycle: lifecycle)
    }

    /// An optional field: `.some(nil)` when absent or null, `.some(value)` when `read` reads
    /// it, nil when it is there but unreadable.
    private static func optional<T>(_ json: JSONValue?, _ read: (JSONValue) -> T?) -> T?? {
        guard let json, json != .null else { return .some(nil) }
        return read(json).map { .some($0) }
    }

    private static func strings(_ items: [JSONValue]) -> [String]? {
        var strings: [String] = []
        for item in items {
            guard case .string(let text) = item else { return nil }
            strings.append(text)
        }
        return strings
    }
}

extension JSONValue {
    /// A number that is a whole `Int`, as Codable reads an `Int` field.
    fileprivate var wholeNumber: Int? {
        guard case .number(let number) = self, number == number.rounded(), abs(number) < 9.2e18 else { return nil }
        return Int(number)
    }
}
