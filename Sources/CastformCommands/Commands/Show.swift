import ArgumentParser
import CastformCore
import CastformPlanning
import CastformRendering
import CastformState
import Foundation

/// `castform show`: a saved plan, or the state, for people or as JSON.
struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a saved plan, or what the state records.",
        discussion: "Secrets are never shown: state holds only their keyed hashes."
    )

    @Argument(help: ArgumentHelp("A plan file from castform plan -out; without it, the state.", valueName: "plan"))
    var planPath: String?

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "Print JSON: the plan document, or the state file's contents.")
    var json = false

    func run() async throws {
        do {
            if let planPath {
                let file = try PlanFile.read(from: planPath)
                let document = PlanDocument(file.plan, registry: Runtime.current.registry, castformVersion: Runtime.version)
                Console.out(json ? PlanJSONRenderer.render(document) : HumanPlanRenderer(style: Console.style()).render(document))
                return
            }
            let loaded = try await Session.run(workspace.directory, sandbox: workspace.sandbox) { try await $0.backend.load() }
            guard let state = loaded else {
                Console.out(json ? "{}\n" : "The state is empty: nothing has been applied in this workspace yet.\n")
                return
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                Console.out(String(decoding: try encoder.encode(state), as: UTF8.self) + "\n")
            } else {
                Console.out(StateView.render(state, style: Console.style()))
            }
        } catch {
            throw failure(error)
        }
    }
}

/// The state for people: each resource with its id and attributes.
enum StateView {
    static func render(_ state: StateSnapshot, style: TerminalStyle) -> String {
        var text = style.dim("# state serial \(state.serial), lineage \(state.lineage)") + "\n"
        for resource in state.resources {
            text += "\n" + style.bold("# \(resource.address)") + (resource.pending.map { style.yellow(" (\($0.kind.rawValue) pending)") } ?? "") + "\n"
            // A data source has no object of its own: what it read is its attributes.
            if resource.address.mode == .managed { text += "  id = \(resource.id.map { "\"\($0)\"" } ?? "(unknown)")\n" }
            text += attributes(resource.attributes) + lifecycle(resource)
        }
        return text
    }

    /// The type's lifecycle options as recorded: what removing the resource will do.
    static func lifecycle(_ resource: ResourceState) -> String {
        (resource.lifecycle ?? [:]).sorted { $0.key < $1.key }.map { "  lifecycle.\($0.key) = \($0.value.strippedForDisplay())\n" }.joined()
    }

    static func attributes(_ attributes: [String: Value]) -> String {
        let width = attributes.keys.map(\.count).max() ?? 0
        return attributes.keys.sorted().map { key in
            let stripped = attributes[key]!.strippedForDisplay()
            return "  \(key)\(String(repeating: " ", count: width - key.count)) = \(stripped)\n"
        }.joined()
    }
}

extension Value {
    /// Text for a state listing; sensitive values are `(sensitive)`.
    func strippedForDisplay() -> String {
        switch self {
        case .sensitive: return "(sensitive)"
        case .unknown: return "(unknown)"
        case .null: return "null"
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let text): return "\"" + text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
        case .list(let items): return "[" + items.map { $0.strippedForDisplay() }.joined(separator: ", ") + "]"
        case .object(let fields): return "{" + fields.keys.sorted().map { "\($0) = \(fields[$0]!.strippedForDisplay())" }.joined(separator: ", ") + "}"
        }
    }
}
