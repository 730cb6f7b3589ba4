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
    public func topological() -> [ResourceAddress] {
        var remaining: [ResourceAddress: Int] = [:]
        var dependents: [ResourceAddress: [ResourceAddress]] = [:]
        for address in edges.order {
            let dependencies = edges.dependencies(of: address)
            remaining[address] = dependencies.count
            for dependency in dependencies { dependents[dependency, default: []].append(address) }
        }
        var ready = edges.order.filter { remaining[$0] == 0 }
        var result: [ResourceAddress] = []
        var index = 0
        while index < ready.count {
            let address = ready[index]
            index += 1
            result.append(address)
            for dependent in dependents[address] ?? [] {
                remaining[dependent]! -= 1
                if remaining[dependent] == 0 { ready.append(dependent) }
            }
        }
        // Anything left is in a cycle; keep it, in file order, so nothing silently disappears.
        result += edges.order.filter { remaining[$0]! > 0 }
        return result
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
