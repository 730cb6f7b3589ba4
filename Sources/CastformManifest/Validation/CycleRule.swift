import CastformCore

/// References and `depends_on` must not go round in a circle: nothing in a cycle could be
/// created first. Each cycle is reported once, at the first of its resources in file order.
struct CycleRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let graph = context.workspace.dependencyEdges
        return graph.cycles().map { cycle in
            let location = graph.edgeLocation(from: cycle[0], to: cycle.count > 1 ? cycle[1] : cycle[0])
            return .manifest(.reference(.cycle(cycle)), at: location)
        }
    }
}

/// Who refers to whom, with where each reference is written: the edges of the dependency
/// graph, shared by validation (cycles) and planning (order of work).
public struct DependencyEdges: Sendable {
    public private(set) var order: [ResourceAddress] = []
    public private(set) var edges: [ResourceAddress: [(to: ResourceAddress, location: SourceLocation)]] = [:]
    /// Whether any declaration refers to another: most large workspaces are independent objects.
    public private(set) var hasEdges = false

    /// The addresses `address` depends on, without repeats.
    public func dependencies(of address: ResourceAddress) -> [ResourceAddress] {
        guard hasEdges, let out = edges[address], !out.isEmpty else { return [] }
        if out.count == 1 { return [out[0].to] }
        var seen = Set<ResourceAddress>()
        return out.map(\.to).filter { seen.insert($0).inserted }
    }

    /// The graph of `workspace`'s declarations; `Workspace.dependencyEdges` keeps it. Each
    /// declaration's references are collected side by side (a walk of every value).
    public init(_ workspace: Workspace) {
        // The workspace's own index of its declarations, which validation and planning make
        // anyway (not a second set of 11,000 addresses).
        let declared = workspace.declarationsByAddress
        let outgoing = workspace.resources.concurrentMap(minimumPerThread: 256) { Self.edges(of: $0, declared: declared) }
        edges.reserveCapacity(workspace.resources.count)
        for (resource, out) in zip(workspace.resources, outgoing) where edges[resource.address] == nil {
            order.append(resource.address)
            edges[resource.address] = out
            if !out.isEmpty { hasEdges = true }
        }
    }

    private static func edges(of resource: ResourceDeclaration, declared: [ResourceAddress: ResourceDeclaration])
        -> [(to: ResourceAddress, location: SourceLocation)] {
        var out: [(to: ResourceAddress, location: SourceLocation)] = []
        for (reference, location) in resource.body.references + (resource.forEach?.collection.references ?? []) {
            if case .resource(let address, _) = reference, declared[address.declaration] != nil { out.append((address.declaration, location)) }
        }
        out += resource.dependsOn.filter { declared[$0.address] != nil }.map { ($0.address, $0.location) }
        return out
    }

    func edgeLocation(from: ResourceAddress, to: ResourceAddress) -> SourceLocation? {
        edges[from]?.first { $0.to == to }?.location
    }

    /// One cycle per strongly connected component that has one (Tarjan's algorithm, iterative).
    public func cycles() -> [[ResourceAddress]] {
        // Without a single reference there is nothing to walk: the loop below would still look
        // every declaration up twice (22,000 hashes of an address for 11,000 objects).
        guard hasEdges else { return [] }
        var index: [ResourceAddress: Int] = [:]
        var low: [ResourceAddress: Int] = [:]
        var onStack = Set<ResourceAddress>()
        var stack: [ResourceAddress] = []
        var components: [[ResourceAddress]] = []
        var counter = 0
        // Only a declaration that refers to another can be in a cycle: the rest (most of a
        // large workspace) are not walked from.
        for start in order where index[start] == nil && !(edges[start]?.isEmpty ?? true) {
            var work: [(node: ResourceAddress, next: Int)] = [(start, 0)]
            index[start] = counter; low[start] = counter; counter += 1
            stack.append(start); onStack.insert(start)
            while var frame = work.popLast() {
                let out = edges[frame.node] ?? []
                if frame.next < out.count {
                    let target = out[frame.next].to
                    frame.next += 1
                    work.append(frame)
                    if index[target] == nil {
                        index[target] = counter; low[target] = counter; counter += 1
                        stack.append(target); onStack.insert(target)
                        work.append((target, 0))
                    } else if onStack.contains(target) {
                        low[frame.node] = min(low[frame.node]!, index[target]!)
                    }
                    continue
                }
                if let parent = work.last {
                    low[parent.node] = min(low[parent.node]!, low[frame.node]!)
                }
                if low[frame.node] == index[frame.node] {
                    var component: [ResourceAddress] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component.append(member)
                        if member == frame.node { break }
                    }
                    let selfLoop = edges[frame.node]?.contains { $0.to == frame.node } ?? false
                    if component.count > 1 || selfLoop { components.append(component) }
                }
            }
        }
        return components.map(path(through:))
    }

    /// A shortest cycle through the component's first member in file order, following real
    /// edges only (breadth first, so the path is short and every step is a written reference).
    /// The component is strongly connected, so the walk always finds its way back.
    private func path(through component: [ResourceAddress]) -> [ResourceAddress] {
        let members = Set(component)
        let start = order.first { members.contains($0) }!
        var cameFrom: [ResourceAddress: ResourceAddress] = [:]
        var queue = [start]
        var next = 0
        while next < queue.count {
            let current = queue[next]
            next += 1
            for target in dependencies(of: current) where members.contains(target) {
                if target == start {
                    var path = [current]
                    while let previous = cameFrom[path[0]] { path.insert(previous, at: 0) }
                    return path
                }
                if cameFrom[target] == nil {
                    cameFrom[target] = current
                    queue.append(target)
                }
            }
        }
        return [start]
    }
}
