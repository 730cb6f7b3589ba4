import CastformCore
import CastformManifest
import CastformPlanning
import Testing

/// The order of work: dependencies first, file order among equals; the graph is made once per
/// set of declarations and made again when they change.
@Suite struct WorkOrderTests {
    static func declaration(_ name: String, dependsOn: [String] = []) -> ResourceDeclaration {
        let here = SourceLocation(file: "shows.yaml", line: 1, column: 1)
        return ResourceDeclaration(address: ResourceAddress(type: "fake_object", name: name), location: here,
                                   body: ConfigValue(.object([]), at: here),
                                   dependsOn: dependsOn.map { (ResourceAddress(type: "fake_object", name: $0), here) })
    }

    static func workspace(_ resources: [ResourceDeclaration]) -> Workspace {
        Workspace(root: ".", absoluteRoot: "/ws", config: WorkspaceConfig(), resources: resources)
    }

    @Test func dependenciesComeFirstAndFileOrderOtherwise() {
        let workspace = Self.workspace([
            Self.declaration("c", dependsOn: ["b"]), Self.declaration("a"), Self.declaration("b", dependsOn: ["d"]),
            Self.declaration("d"), Self.declaration("e", dependsOn: ["a", "d", "a"]), Self.declaration("f"),
        ])
        let order = WorkOrder(workspace).topological().map(\.name)
        #expect(order == ["a", "d", "f", "b", "e", "c"])
    }

    @Test func withoutReferencesTheOrderIsTheFiles() {
        let names = (0..<50).map { "o\($0)" }
        let workspace = Self.workspace(names.reversed().map { Self.declaration($0) })
        #expect(WorkOrder(workspace).topological().map(\.name) == names.reversed())
    }

    @Test func changedDeclarationsMakeTheGraphAgain() {
        var workspace = Self.workspace([Self.declaration("a"), Self.declaration("b")])
        #expect(workspace.dependencyEdges.hasEdges == false)
        let copy = workspace
        workspace.resources[0] = Self.declaration("a", dependsOn: ["b"])
        #expect(workspace.dependencyEdges.dependencies(of: ResourceAddress(type: "fake_object", name: "a")).map(\.name) == ["b"])
        #expect(WorkOrder(workspace).topological().map(\.name) == ["b", "a"])
        // The copy made before the change keeps its own graph.
        #expect(copy.dependencyEdges.hasEdges == false)
        #expect(workspace.declarationsByAddress[ResourceAddress(type: "fake_object", name: "a")]?.dependsOn.count == 1)
    }
}
