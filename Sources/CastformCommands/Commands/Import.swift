import ArgumentParser
import CastformCore
import CastformManifest
import CastformPlanning
import CastformState

/// `castform import ADDR ID`: start managing an object that already exists.
/// `castform import PROVIDER --generate-config DIR`: start managing all of an account's
/// objects, writing a manifest for each (see `GenerateConfig`).
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Adopt existing remote objects into the state.",
        discussion: """
            `castform import ADDR ID` adopts one object under an address declared in the manifests; the next plan shows how it differs from the manifest.

            `castform import PROVIDER --generate-config DIR [--user ACCOUNT]` writes a manifest for every object of the account into DIR (inside the workspace) and adopts them all, so that the next plan shows no changes. For Mixcloud: every show, with its description, tags and tracklist.
            """
    )

    @Argument(help: ArgumentHelp("The declared address (TYPE.NAME, or TYPE.NAME[\"KEY\"] for an instance of a for_each), or with --generate-config the provider (mixcloud).", valueName: "addr"))
    var address: String
    @Argument(help: ArgumentHelp("The service's id of the object (Mixcloud: /user/slug/).", valueName: "id"))
    var id: String?
    @Option(name: .customLong("generate-config"),
            help: ArgumentHelp("Write a manifest per object into this directory, relative to the workspace; existing files are never overwritten.", valueName: "dir"))
    var generateConfig: String?
    @Option(help: ArgumentHelp("With --generate-config: whose objects (Mixcloud: the username; default: the configured user).", valueName: "account"))
    var user: String?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if generateConfig == nil {
            guard id != nil else { throw ValidationError("give the object's id: castform import ADDR ID (or PROVIDER --generate-config DIR)") }
            guard user == nil else { throw ValidationError("--user goes with --generate-config") }
        } else if id != nil {
            throw ValidationError("--generate-config imports every object of an account: give the provider only (castform import mixcloud --generate-config DIR)")
        }
    }

    func run() async throws {
        do {
            // A workspace's first manifests may be the ones --generate-config is about to write.
            try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose,
                                  allowsEmpty: generateConfig != nil) { session in
                if let directory = generateConfig {
                    try await GenerateConfig(session: session, provider: address, account: user, directory: directory).run()
                } else {
                    try await importOne(session, id: id ?? "")
                }
            }
        } catch {
            throw failure(error)
        }
    }

    private func importOne(_ session: Session, id: String) async throws {
        guard let target = ResourceAddress(parsing: address), target.mode == .managed else {
            throw CommandError("\(address) is not a resource address: write TYPE.NAME (or give a provider with --generate-config DIR)")
        }
        guard let declaration = session.workspace.resource(target.declaration), (target.key != nil) == (declaration.forEach != nil) else {
            throw CommandError("\(address) is not declared in the manifests: declare it first (TYPE.NAME[\"KEY\"] for an instance of a for_each resource), then import it")
        }
        guard let provider = session.providers.provider(for: target) else {
            throw CommandError("no provider handles \(target.type)")
        }
        try await session.withLock("import") {
            var state = try await session.loadState()
            // A create whose outcome castform could not tell (it said so) is settled by the
            // user pointing at the object it made.
            let pending = state.resource(target)
            guard pending?.id == nil else { throw CommandError("\(address) is already in state") }
            let read = await provider.importObject(type: target.type, id: id)
            PlanOutput.report(read.diagnostics)
            guard var object = read.objects.values.first else { throw ExitCode.failure }
            if state.claimedIDs.contains(object.id) {
                throw CommandError("\(object.id) is already \(state.holder(of: object.id) ?? "managed")")
            }
            // What the service cannot report (Mixcloud's audio file, picture, visibility) is
            // taken as the manifest declares it: importing says "this is that object".
            var evaluator = Evaluator(environment: session.runtime.environment, variables: session.workspace.config.variables)
            evaluator.each = Self.each(target, of: declaration, evaluator: evaluator)
            for (name, value) in DesiredValues.fields(evaluator.evaluate(declaration.body)) where object.attributes[name] == nil && !value.containsUnknown {
                object.attributes[name] = value
            }
            // One read with the completed attributes lets the provider record what it derives
            // from them (Mixcloud: the fingerprints of the declared audio and picture), so a
            // file changed after the import is seen as changed.
            let known = KnownObject(address: target, id: object.id, attributes: object.attributes, privateData: object.privateData,
                                    managedAttributes: declaration.body.fields.map(\.name))
            let reread = await provider.read(type: target.type, objects: [known])
            if let found = reread.objects[object.id] { object.privateData.merge(found.privateData) { $1 } }
            let dependencies = declaration.body.references.compactMap { reference -> ResourceAddress? in
                if case .resource(let address, _) = reference.reference { return address }
                return nil
            }
            var imported = Self.imported(object, at: target, provider: provider.name, lineage: state.lineage, dependencies: dependencies)
            imported.deposed = pending?.deposed
            imported.lifecycle = pending?.lifecycle
            state.apply(.put(imported))
            try await session.backend.persist(state)
            Console.out("Imported \(target) (id \(object.id)). Run castform plan to see how it differs from the manifest.\n")
        }
    }

    /// The instance an import names, its item as the manifest's `for_each` gives it when
    /// that is known without planning (a literal, variables), else only its key.
    static func each(_ target: ResourceAddress, of declaration: ResourceDeclaration, evaluator: Evaluator) -> EachInstance? {
        guard let key = target.key, let forEach = declaration.forEach else { return nil }
        let instances = (try? forEach.instances(of: evaluator.evaluate(forEach.collection)).get()) ?? []
        return instances.first { $0.key == key } ?? EachInstance(key: key, value: .unknown)
    }

    /// An adopted object as state records it: secrets as keyed hashes, like everything else.
    static func imported(_ object: RemoteObject, at address: ResourceAddress, provider: String, lineage: String,
                         dependencies: [ResourceAddress] = []) -> ResourceState {
        let hasher = SecretHasher(lineage: lineage)
        return ResourceState(address: address, provider: provider, id: object.id, attributes: hasher.redact(object.attributes),
                             privateData: hasher.redact(object.privateData), dependencies: dependencies)
    }
}
