import ArgumentParser
import CastformCore
import CastformState

/// `castform state`: look at and repair the state without touching any service.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "List, show, forget, rename, pull or push the state (no service is contacted).",
        subcommands: [List.self, ShowResource.self, Remove.self, Move.self, Pull.self, Push.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the addresses in the state.")
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            do {
                let state = try await Session.run(workspace.directory, sandbox: workspace.sandbox) { try await $0.loadState() }
                for resource in state.resources { Console.out("\(resource.address)\n") }
            } catch {
                throw failure(error)
            }
        }
    }

    struct ShowResource: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one object's state.")
        @Argument(help: ArgumentHelp("The address: TYPE.NAME, or TYPE.NAME[\"KEY\"] for an instance of a for_each.", valueName: "addr")) var address: String
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            do {
                let state = try await Session.run(workspace.directory, sandbox: workspace.sandbox) { try await $0.loadState() }
                guard let parsed = ResourceAddress(parsing: address), let resource = state.resource(parsed) else {
                    throw CommandError("no object \(address) in state: castform state list shows what there is")
                }
                Console.out("# \(resource.address)\n  id = \(resource.id ?? "(unknown)")\n" + StateView.attributes(resource.attributes) + StateView.lifecycle(resource))
            } catch {
                throw failure(error)
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Forget objects: castform stops managing them; they stay where they are.")
        @Argument(help: ArgumentHelp("Addresses to forget (TYPE.NAME or TYPE.NAME[\"KEY\"]).", valueName: "addr")) var addresses: [String]
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            do {
                try await Session.run(workspace.directory, sandbox: workspace.sandbox) { session in
                try await session.withLock("state rm") {
                    var state = try await session.loadState()
                    for text in addresses {
                        guard let address = ResourceAddress(parsing: text), state.resource(address) != nil else {
                            throw CommandError("no object \(text) in state")
                        }
                        state.apply(.remove(address))
                        Console.out("Forgot \(address).\n")
                    }
                    try await session.backend.persist(state)
                }
                }
            } catch {
                throw failure(error)
            }
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mv", abstract: "Rename an object's address (after renaming it in a manifest).")
        @Argument(help: ArgumentHelp("The current address.", valueName: "from")) var from: String
        @Argument(help: ArgumentHelp("The new address, of the same type (an instance TYPE.NAME[\"KEY\"] too); a moved entry in a manifest does the same at the next apply.", valueName: "to")) var to: String
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            do {
                try await Session.run(workspace.directory, sandbox: workspace.sandbox) { session in
                try await session.withLock("state mv") {
                    var state = try await session.loadState()
                    guard let source = ResourceAddress(parsing: from), var resource = state.resource(source) else {
                        throw CommandError("no object \(from) in state")
                    }
                    guard let target = ResourceAddress(parsing: to), target.type == source.type, target.mode == source.mode else {
                        throw CommandError("\(to) must be an address of the same type as \(from)")
                    }
                    guard state.resource(target) == nil else { throw CommandError("\(to) is already in state") }
                    state.apply(.remove(source))
                    resource.address = target
                    state.apply(.put(resource))
                    try await session.backend.persist(state)
                    Console.out("Moved \(source) to \(target).\n")
                }
                }
            } catch {
                throw failure(error)
            }
        }
    }
}
