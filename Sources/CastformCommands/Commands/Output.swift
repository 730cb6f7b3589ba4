import ArgumentParser
import CastformCore
import CastformManifest
import CastformState
import Foundation

/// `castform output`: the values services gave managed objects (ids, playback ids, keys).
struct Output: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "output",
        abstract: "Print the values the services gave managed objects, e.g. a stream's playback id.",
        discussion: """
            NAME is ADDR.ATTR (livepeer_stream.main-stage.playback_id) or ADDR for all of one \
            object's values; an instance of a for_each resource is ADDR["KEY"] \
            ('livepeer_stream.stage["north"].playback_id'), and a data source's values are under \
            data.TYPE.NAME.ATTR, with [i] and .key into lists and mappings, as the last apply \
            read them. Sensitive values (stream keys) are shown only with --show-sensitive; \
            state never holds them, so castform reads them from the service.
            """
    )

    @Argument(help: ArgumentHelp("ADDR.ATTR or ADDR; without it, every object's values.", valueName: "name"))
    var name: String?

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .terraform("json"), help: "Print JSON.")
    var json = false

    @Flag(name: .terraform("raw"), help: "Print one string, number or boolean as it is, without quotes or a newline, for scripts (as Terraform's output -raw).")
    var raw = false

    @Flag(help: "Show sensitive values (read from the service).")
    var showSensitive = false

    func validate() throws {
        if json && raw { throw ValidationError("choose one of --json and --raw") }
        if raw && (name ?? "").split(separator: ".").count < 3 {
            throw ValidationError("--raw prints one value: name it as ADDR.ATTR, e.g. livepeer_stream.main-stage.playback_id")
        }
    }

    func run() async throws {
        do {
            try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose) { session in
                let state = try await session.loadState()
                let (addresses, attribute, path) = try select(state)
                var values: [String: Value] = [:]
                for address in addresses {
                    values.merge(try await self.values(of: address, attribute: attribute, state: state, session: session)) { $1 }
                }
                if !path.isEmpty { values = values.mapValues { $0.value(at: path) } }
                if let attribute, values.isEmpty {
                    throw CommandError("no output \(name ?? attribute): the object has no value \(attribute) in state (apply first?)")
                }
                try show(values, single: attribute != nil)
            }
        } catch {
            throw failure(error)
        }
    }

    /// One object's computed values by `ADDR.ATTR`. With `--show-sensitive`, sensitive ones
    /// come from the service, shown in clear: state holds only a keyed hash of them, which is
    /// never printed as if it were the value — a value the read did not give fails the command.
    private func values(of address: ResourceAddress, attribute: String?, state: StateSnapshot,
                        session: Session) async throws -> [String: Value] {
        guard let resource = state.resource(address), let schema = session.providers.schema(for: address) else { return [:] }
        // A data source's values are all it read, its arguments with them.
        let selected = schema.body.attributes.filter {
            ($0.presence == .computed || address.mode == .data) && (attribute == nil || attribute == $0.name)
        }
        var values: [String: Value] = [:]
        for item in selected { if let value = resource.attributes[item.name] { values["\(address).\(item.name)"] = value } }
        guard showSensitive else { return values }
        let hidden = selected.filter { resource.attributes[$0.name]?.containsSensitive == true }
        var read: [String: Value] = [:]
        var problems: [Diagnostic] = []
        if !hidden.isEmpty, resource.id == nil {
            problems.append(.error("the object has not been created yet (apply first?)", at: nil))
        } else if !hidden.isEmpty, let id = resource.id, let provider = session.providers.provider(for: address) {
            let result = await provider.read(type: address.type, objects: [KnownObject(address: address, id: id, attributes: resource.attributes)])
            problems = result.diagnostics
            read = result.objects[id]?.attributes ?? [:]
            if result.objects[id] == nil, !problems.hasErrors {
                problems.append(.error("the service has no object with id \(id) any more (castform plan shows what changed)", at: nil))
            }
        }
        for item in hidden {
            guard let value = read[item.name], value.containsSensitive else {
                let why = problems.filter { $0.severity == .error }.map(\.message)
                throw CommandError("cannot show \(address).\(item.name): state keeps only a keyed hash of it, and it could not be read from the service: "
                                   + (why.isEmpty ? "the service did not return it" : why.joined(separator: "; ")))
            }
            values["\(address).\(item.name)"] = value
        }
        PlanOutput.report(problems)
        return values.mapValues(\.unmarked)
    }

    private func show(_ values: [String: Value], single: Bool) throws {
        if raw {
            return try showRaw(values)
        }
        if json {
            let plain = values.mapValues { $0.containsSensitive ? Value.null : $0 }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.out(String(decoding: try encoder.encode(plain), as: UTF8.self) + "\n")
        } else if single, values.count == 1, let value = values.first?.value {
            Console.out(Self.plain(value) + "\n")
        } else {
            for key in values.keys.sorted() { Console.out("\(key) = \(values[key]!.strippedForDisplay())\n") }
        }
    }

    /// `-raw`: exactly the value's text, nothing around it (`$(castform output -raw X)`).
    private func showRaw(_ values: [String: Value]) throws {
        guard values.count == 1, let value = values.first?.value else {
            throw CommandError("--raw prints one value, and \(name ?? "") names \(values.count)")
        }
        switch value {
        case .string(let text): Console.out(text)
        case .int, .number, .bool: Console.out(value.strippedForDisplay())
        case .sensitive: throw CommandError("\(name ?? "") is sensitive: add --show-sensitive to print it")
        default: throw CommandError("--raw prints a string, a number or a boolean, and \(name ?? "") is \(value.strippedForDisplay()); use --json")
        }
    }

    /// Which objects, which attribute and which path into it NAME means.
    private func select(_ state: StateSnapshot) throws -> ([ResourceAddress], String?, [PathStep]) {
        guard let name else { return (state.resources.map(\.address), nil, []) }
        if let address = ResourceAddress(parsing: name), state.resource(address) != nil { return ([address], nil, []) }
        if case .success(.resource(let address, let path)) = TemplateParser.parseReference(name), state.resource(address) != nil,
           case .attribute(let attribute)? = path.first {
            return ([address], attribute, Array(path.dropFirst()))
        }
        throw CommandError("no object \(name) in state: castform state list shows what there is")
    }

    /// One value alone, for scripts: strings without quotes.
    static func plain(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        if case .sensitive = value { return "(sensitive: add --show-sensitive)" }
        return value.strippedForDisplay()
    }
}
