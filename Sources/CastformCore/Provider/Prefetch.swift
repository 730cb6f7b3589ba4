extension Provider {
    /// A provider whose reads cannot start early.
    public func prefetch(types: Set<String>) {}
}

extension ProviderSet {
    /// Lets every provider whose types `addresses` involve start the reads a plan will ask for
    /// (`Provider.prefetch`): a command calls it before loading state, so the first list pages
    /// are in flight while state is read from disk or the database.
    public func prefetch(_ addresses: some Sequence<ResourceAddress>) {
        prefetch(managedTypes: Set(addresses.lazy.filter { $0.mode == .managed }.map(\.type)))
    }

    /// The same for managed types named directly (as the manifests declare them, before
    /// they are all read). A provider starts each of its reads once however often it is asked.
    public func prefetch(managedTypes: Set<String>) {
        var types: [String: Set<String>] = [:]
        for type in managedTypes {
            if let provider = registry.schema(.managed, type)?.provider { types[provider, default: []].insert(type) }
        }
        for (name, involved) in types { providers[name]?.prefetch(types: involved) }
    }
}
