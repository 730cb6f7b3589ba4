import CastformCore

extension ForEach {
    /// The instances `collection` (the evaluated `for_each`) makes, in the order written: a
    /// map's entries by key (sorted, as a map has no order), a list's items by their text or
    /// their key attribute. Keys known only after apply and secret keys are problems, as are
    /// two items with one key: an address must name one object.
    public func instances(of collection: Value) -> Result<[EachInstance], ForEachProblem> {
        guard keysAreKnown(collection) else { return .failure(.unknownKeys(source: written)) }
        if collection.containsSensitive { return .failure(.sensitiveKeys(source: written)) }
        switch collection {
        case .object(let fields):
            return .success(fields.keys.sorted().map { EachInstance(key: $0, value: fields[$0]!) })
        case .list(let items):
            var instances: [EachInstance] = []
            var firstIndex: [String: Int] = [:]
            for (index, item) in items.enumerated() {
                let key: String
                switch Self.key(of: item, index: index, attribute: keyName) {
                case .success(let found): key = found
                case .failure(let problem): return .failure(problem)
                }
                if let first = firstIndex[key] { return .failure(.duplicateKey(key, index: index, firstIndex: first)) }
                firstIndex[key] = index
                instances.append(EachInstance(key: key, value: item))
            }
            return .success(instances)
        default:
            return .failure(.notACollection(found: ValueKind(collection)))
        }
    }

    /// Whether the keys can be known now: the collection is known except, perhaps, inside a
    /// map's values or a list's objects other than their key attribute.
    public func keysAreKnown(_ collection: Value) -> Bool {
        switch collection {
        case .unknown: return false
        case .object: return true
        case .list(let items):
            return items.allSatisfy { item in
                if case .object(let fields) = item { return fields[keyName] != .unknown }
                return item != .unknown
            }
        default: return true
        }
    }

    /// An item's key: its own text, or its key attribute's.
    static func key(of item: Value, index: Int, attribute: String) -> Result<String, ForEachProblem> {
        switch item {
        case .object(let fields):
            guard let value = fields[attribute], value != .null else { return .failure(.itemWithoutKey(index: index, attribute: attribute)) }
            guard let text = Self.text(value) else { return .failure(.keyNotText(index: index, attribute: attribute, found: ValueKind(value))) }
            return .success(text)
        default:
            guard let text = Self.text(item) else { return .failure(.keyNotText(index: index, attribute: nil, found: ValueKind(item))) }
            return .success(text)
        }
    }

    static func text(_ value: Value) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        default: return nil
        }
    }

    /// The collection as written, for messages: a reference's `${...}`, else "the list" or
    /// "the mapping" written here.
    public var written: String {
        if case .template(let template) = collection.kind {
            return template.references.map { "${\($0.reference)}" }.joined(separator: ", ")
        }
        return collection.items.isEmpty && !collection.fields.isEmpty ? "the mapping written here" : "the list written here"
    }
}
