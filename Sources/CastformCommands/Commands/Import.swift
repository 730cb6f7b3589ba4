import ArgumentParser
import CastformCore
import CastformManifest
import CastformPlanning
import CastformState

/// `castform import ADDR ID`: start managing an object that already exists.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Adopt an existing remote object into the state under a declared address.",
        discussion: "Declare the resource in a manifest first; the next plan shows how it differs from the manifest."
    )

    @Argument(help: ArgumentHelp("The declared address.", valueName: "addr")) var address: String
    @Argument(help: ArgumentHelp("The service's id of the object.", valueName: "id")) var id: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        do {
            try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose) { session in
            guard let target = ResourceAddress(parsing: address), target.mode == .managed else {
                throw CommandError("\(address) is not a resource address: write TYPE.NAME")
            }
            guard let declaration = session.workspace.resource(target) else {
                throw CommandError("\(address) is not declared in the manifests: declare it first, then import it")
            }
            guard let provider = session.providers.provider(for: target) else {
                throw CommandError("no provider handles \(target.type)")
            }
            try await session.withLock("import") {
                var state = try await session.loadState()
                guard state.resource(target) == nil else { throw CommandError("\(address) is already in state") }
                let read = await provider.importObject(type: target.type, id: id)
                PlanOutput.report(read.diagnostics)
                guard var object = read.objects.values.first else { throw ExitCode.failure }
                // What the service cannot report (Mixcloud's audio file, picture, visibility) is
                // taken as the manifest declares it: importing says "this is that object".
                let evaluator = Evaluator(environment: session.runtime.environment, variables: session.workspace.config.variables)
                for (name, value) in Planner.fields(evaluator.evaluate(declaration.body)) where object.attributes[name] == nil && !value.containsUnknown {
                    object.attributes[name] = value
                }
                let hasher = SecretHasher(lineage: state.lineage)
                let dependencies = declaration.body.references.compactMap { reference -> ResourceAddress? in
                    if case .resource(let address, _) = reference.reference { return address }
                    return nil
                }
                state.apply(.put(ResourceState(address: target, provider: provider.name, id: object.id,
                                               attributes: hasher.redact(object.attributes), privateData: hasher.redact(object.privateData),
                                               dependencies: dependencies)))
                try await session.backend.persist(state)
                Console.out("Imported \(target) (id \(object.id)). Run castform plan to see how it differs from the manifest.\n")
            }
            }
        } catch {
            throw failure(error)
        }
    }
}
