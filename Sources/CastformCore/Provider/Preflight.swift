extension Provider {
    /// A provider that needs nothing checked before its first request.
    public func preflight(types: Set<String>) async -> [Diagnostic] { [] }
}

extension ProviderSet {
    /// Every provider whose types `addresses` involve checks that it can work, concurrently:
    /// a missing token or a token of the wrong account fails a run before anything is read or
    /// changed, not halfway through it.
    public func preflight(_ addresses: some Sequence<ResourceAddress>) async -> [Diagnostic] {
        var types: [String: Set<String>] = [:]
        for address in addresses {
            if let provider = registry.schema(address.mode, address.type)?.provider { types[provider, default: []].insert(address.type) }
        }
        return await withTaskGroup(of: (String, [Diagnostic]).self) { group in
            for (name, involved) in types {
                guard let provider = providers[name] else { continue }
                group.addTask { (name, await provider.preflight(types: involved)) }
            }
            var found: [(String, [Diagnostic])] = []
            for await result in group { found.append(result) }
            return found.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
