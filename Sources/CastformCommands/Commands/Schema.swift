import ArgumentParser
import CastformCore
import CastformRendering

/// `castform schema [TYPE]`: the types castform knows and their attributes, in the terminal.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the resource and data-source types castform knows, or one type's attributes.",
        discussion: "The same facts as the pages in docs/reference, which `castform docs generate` writes."
    )

    @Argument(help: "A type, e.g. mixcloud_cloudcast or data.livestream_channel; all types when left out.")
    var type: String?

    func run() async throws {
        let registry = Runtime.current.registry
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
}
