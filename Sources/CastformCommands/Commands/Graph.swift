import ArgumentParser
import CastformPlanning

/// `castform graph`: the dependency graph as Graphviz DOT.
struct Graph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the dependency graph of the manifests in Graphviz DOT (pipe it to `dot -Tsvg`)."
    )

    @OptionGroup var workspace: PositionalWorkspace

    func run() async throws {
        do {
            let workspace = try await Session.run(workspace.directory) { $0.workspace }
            let order = WorkOrder(workspace)
            var text = "digraph castform {\n  rankdir = \"RL\";\n  node [shape = box];\n"
            for address in order.topological() {
                text += "  \"\(address)\";\n"
                for dependency in order.edges.dependencies(of: address) {
                    text += "  \"\(address)\" -> \"\(dependency)\";\n"
                }
            }
            Console.out(text + "}\n")
        } catch {
            throw failure(error)
        }
    }
}
