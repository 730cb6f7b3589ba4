import CastformCore

/// References and `depends_on` must not go round in a circle: nothing in a cycle could be
/// created first. Each cycle is reported once, at the first of its resources in file order.
struct CycleRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let graph = DependencyEdges(context.workspace)
        return graph.cycles().map { cycle in
            let names = (cycle + [cycle[0]]).map(\.description).joined(separator: " → ")
            let location = graph.edgeLocation(from: cycle[0], to: cycle.count > 1 ? cycle[1] : cycle[0])
            return .error("reference cycle: \(names)", at: location)
        }
    }
}

/// Who refers to whom, with where each reference is written.
struct DependencyEdges {
    private(set) var order: [ResourceAddress] = []
    private(set) var edges: [ResourceAddress: [(to: ResourceAddress, location: SourceLocation)]] = [:]

    init(_ workspace: Workspace) {
        let declared = Set(workspace.resources.map(\.address))
        for resource in workspace.resources where edges[resource.address] == nil {
            order.append(resource.address)
            var out: [(to: ResourceAddress, location: SourceLocation)] = []
            for (reference, location) in resource.body.references {
                if case .resource(let address, _) = reference, declared.contains(address) { out.append((address, location)) }
            }
            out += resource.dependsOn.filter { declared.contains($0.address) }.map { ($0.address, $0.location) }
            edges[resource.address] = out
        }
    }

    func edgeLocation(from: ResourceAddress, to: ResourceAddress) -> SourceLocation? {
        edges[from]?.first { $0.to == to }?.location
    }

    /// One cycle per strongly connected component that has one (Tarjan's algorithm, iterative).
    func cycles() -> [[ResourceAddress]] {
        var index: [ResourceAddress: Int] = [:]
        var low: [ResourceAddress: Int] = [:]
        var onStack = Set<ResourceAddress>()
        var stack: [ResourceAddress] = []
        var components: [[ResourceAddress]] = []
        var counter = 0
        for start in order where index[start] == nil {
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

    /// A walk around the component from its first member in file order.
    private func path(through component: [ResourceAddress]) -> [ResourceAddress] {
        let members = Set(component)
        let start = order.first { members.contains($0) }!
        var path = [start]
        var current = start
        while let next = edges[current]?.first(where: { members.contains($0.to) })?.to, next != start, !path.contains(next) {
            path.append(next)
            current = next
        }
        return path
    }
}
