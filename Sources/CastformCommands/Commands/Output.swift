import ArgumentParser
import CastformCore
import CastformState
import Foundation

/// `castform output`: the values services gave managed objects (ids, playback ids, keys).
struct Output: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the values the services gave managed objects, e.g. a stream's playback id.",
        discussion: """
            NAME is ADDR.ATTR (livepeer_stream.main-stage.playback_id) or ADDR for all of one \
            object's values. Sensitive values (stream keys) are shown only with \
            --show-sensitive; state never holds them, so castform reads them from the service.
            """
    )

    @Argument(help: ArgumentHelp("ADDR.ATTR or ADDR; without it, every object's values.", valueName: "name"))
    var name: String?

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Show sensitive values (read from the service).")
    var showSensitive = false

    func run() async throws {
        do {
            try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose) { session in
            let state = try await session.loadState()
            let (addresses, attribute) = try select(state)
            var values: [String: Value] = [:]
            for address in addresses {
                guard let resource = state.resource(address), let schema = session.providers.schema(for: address) else { continue }
                var attributes = resource.attributes
                if showSensitive, let id = resource.id, let provider = session.providers.provider(for: address) {
                    let read = await provider.read(type: address.type, objects: [KnownObject(address: address, id: id, attributes: resource.attributes)])
                    PlanOutput.report(read.diagnostics)
                    if let object = read.objects[id] { attributes.merge(object.attributes.filter { $0.value.containsSensitive }) { $1 } }
                }
                for item in schema.body.attributes where item.presence == .computed && (attribute == nil || attribute == item.name) {
                    guard let value = attributes[item.name] else { continue }
                    values["\(address).\(item.name)"] = showSensitive ? value.unmarked : value
                }
            }
            if let attribute, values.isEmpty {
                throw CommandError("no output \(name ?? attribute): the object has no value \(attribute) in state (apply first?)")
            }
            if json {
                let plain = values.mapValues { $0.containsSensitive ? Value.null : $0 }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Console.out(String(decoding: try encoder.encode(plain), as: UTF8.self) + "\n")
            } else if attribute != nil, values.count == 1, let value = values.first?.value {
                Console.out(Self.plain(value) + "\n")
            } else {
                for key in values.keys.sorted() { Console.out("\(key) = \(values[key]!.strippedForDisplay())\n") }
            }
            }
        } catch {
            throw failure(error)
        }
    }

    /// Which objects and which attribute NAME means.
    private func select(_ state: StateSnapshot) throws -> ([ResourceAddress], String?) {
        guard let name else { return (state.resources.map(\.address), nil) }
        if let address = ResourceAddress(parsing: name), state.resource(address) != nil { return ([address], nil) }
        let parts = name.split(separator: ".").map(String.init)
        if parts.count >= 3, let address = ResourceAddress(parsing: parts.dropLast().joined(separator: ".")), state.resource(address) != nil {
            return ([address], parts.last!)
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
