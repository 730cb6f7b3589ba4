extension Provider {
    /// A provider whose reads cannot start early.
    public func prefetch(types: Set<String>) {}
}

extension ProviderSet {
    /// Lets every provider whose types `addresses` involve start the reads a plan will ask for
    /// (`Provider.prefetch`): a command calls it before loading state, so the first list pages
    /// are in flight while state is read from disk or the database.
    public func prefetch(_ addresses: some Sequence<ResourceAddress>) {
        var types: [String: Set<String>] = [:]
        for address in addresses where address.mode == .managed {
            if let provider = registry.schema(address.mode, address.type)?.provider { types[provider, default: []].insert(address.type) }
        }
        for (name, involved) in types { providers[name]?.prefetch(types: involved) }
    }
}
