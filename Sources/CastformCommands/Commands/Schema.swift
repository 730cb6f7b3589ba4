import ArgumentParser
import CastformCore
import CastformManifest
import CastformRendering
import Foundation

/// `castform schema [TYPE]`: the types castform knows and their attributes, in the terminal.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the resource and data-source types castform knows, or one type's attributes.",
        discussion: """
            The same facts as the pages in docs/reference, which `castform docs generate` writes. \
            With --json-schema, a JSON Schema (draft 2020-12) of manifests, or of castform.yaml with \
            --settings, for YAML editors: save it and name it in a manifest's first line, \
            `# yaml-language-server: $schema=castform.schema.json`.
            """
    )

    @Flag(help: "Print a JSON Schema of manifests (draft 2020-12) instead of the listing.")
    var jsonSchema = false

    @Flag(help: "With --json-schema: the schema of castform.yaml instead of manifests.")
    var settings = false

    @Argument(help: "A type, e.g. mixcloud_cloudcast or data.livestream_channel; all types when left out.")
    var type: String?

    func run() async throws {
        let registry = Runtime.current.registry
        if jsonSchema {
            let schema = settings ? ManifestJSONSchema.settings(registry) : ManifestJSONSchema.manifests(registry)
            return Console.out(String(decoding: try Self.encoder.encode(schema), as: UTF8.self) + "\n")
        }
        guard let type else { return Console.out(SchemaListing.render(registry)) }
        let isData = type.hasPrefix("data.")
        let name = isData ? String(type.dropFirst("data.".count)) : type
        guard let schema = registry.schema(isData ? .data : .managed, name) ?? (isData ? nil : registry.schema(.data, name)) else {
            let known = Array(registry.managed.keys) + registry.data.keys.map { "data." + $0 }
            Console.error("castform knows no type \"\(type)\"" + Suggestion.didYouMean(type, in: known))
            throw ExitCode.failure
        }
        Console.out(SchemaListing.render(schema))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func validate() throws {
        if settings && !jsonSchema { throw ValidationError("--settings goes with --json-schema") }
        if jsonSchema && type != nil { throw ValidationError("--json-schema describes every type: leave out \(type ?? "")") }
    }
}
