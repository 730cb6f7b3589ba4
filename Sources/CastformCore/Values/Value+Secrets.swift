/// Secrets that reach attributes the schema does not call sensitive: a description written as
/// `"Intro ${env.X}"` is as secret as a stream key. What the service returns for such an
/// attribute is the same secret, so it takes the mark of the value it came from.
extension Value {
    /// Whether the value holds a keyed hash (a secret as state keeps it).
    public var containsSecretHash: Bool {
        switch self {
        case .sensitive(.string(let text)): return text.hasPrefix(Value.hashPrefix)
        case .sensitive(let inner): return inner.containsSecretHash
        case .list(let items): return items.contains { $0.containsSecretHash }
        case .object(let fields): return fields.values.contains { $0.containsSecretHash }
        default: return false
        }
    }

    /// `values`, with each attribute marked sensitive whose counterpart in `reference` is.
    public static func marking(_ values: [String: Value], like reference: [String: Value]) -> [String: Value] {
        // Most objects have no secret: one walk of the reference, and the values shared as they are.
        guard reference.values.contains(where: \.containsSensitive) else { return values }
        var marked = values
        for (name, value) in values where !value.containsSensitive && value != .null {
            if reference[name]?.containsSensitive == true { marked[name] = .sensitive(value) }
        }
        return marked
    }
}
