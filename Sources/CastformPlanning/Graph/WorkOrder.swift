import CastformCore
import CastformManifest

/// The order of work: dependencies before dependents (Kahn's algorithm, file order among
/// equals), and the closure of dependencies for `--target`.
public struct WorkOrder: Sendable {
    public let edges: DependencyEdges

    public init(_ workspace: Workspace) {
        edges = workspace.dependencyEdges
    }

    /// Declared addresses, each after everything it depends on. (Validation has ruled out cycles.)
    /// Works on positions in `edges.order`, not on addresses: a plan of 10,000 objects would
    /// otherwise hash each address a few times over just to keep file order.
    public func topological() -> [ResourceAddress] {
        let order = edges.order
        guard edges.hasEdges else { return order }
        var position: [ResourceAddress: Int] = [:]
        position.reserveCapacity(order.count)
        for (index, address) in order.enumerated() { position[address] = index }
        var remaining = [Int](repeating: 0, count: order.count)
        var dependents = [[Int]](repeating: [], count: order.count)
        for (index, address) in order.enumerated() {
            let dependencies = edges.dependencies(of: address).compactMap { position[$0] }
            remaining[index] = dependencies.count
            for dependency in dependencies { dependents[dependency].append(index) }
        }
        var ready = order.indices.filter { remaining[$0] == 0 }
        var next = 0
        while next < ready.count {
            let index = ready[next]
            next += 1
            for dependent in dependents[index] {
                remaining[dependent] -= 1
                if remaining[dependent] == 0 { ready.append(dependent) }
            }
        }
        // Anything left is in a cycle; keep it, in file order, so nothing silently disappears.
        return ready.map { order[$0] } + order.indices.filter { remaining[$0] > 0 }.map { order[$0] }
    }

    /// The targets and everything they depend on, transitively.
    public func closure(of targets: [ResourceAddress]) -> Set<ResourceAddress> {
        var result = Set<ResourceAddress>()
        var work = targets
        while let address = work.popLast() {
            guard result.insert(address).inserted else { continue }
            work += edges.dependencies(of: address)
        }
        return result
    }
}
