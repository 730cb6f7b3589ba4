import ArgumentParser
import CastformManifest
import CastformRendering
import CastformState
import Foundation

/// `castform docs generate DIR`: the reference pages, one per type, from the schemas.
struct Docs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Generate castform's documentation from its schemas.",
        subcommands: [Generate.self]
    )

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write the reference: a Markdown page per resource and data-source type, an index, and the JSON Schemas of manifests and castform.yaml.",
            discussion: """
                Every attribute with its type, who sets it, whether it is sensitive or forces a \
                replacement, its default and its limits. castform's own docs/reference is this \
                command's output; its tests fail when a schema changes without the pages.
                """
        )

        /// The pages, and the JSON Schemas YAML editors read (the examples name them).
        static func pages() throws -> [String: String] {
            let registry = Runtime.current.registry
            var pages = ReferenceIndex.pages(registry)
            pages["manifest.schema.json"] = String(decoding: try SchemaCommand.encoder.encode(ManifestJSONSchema.manifests(registry)), as: UTF8.self) + "\n"
            pages["state-errors.md"] = ErrorCatalogue.render(
                title: "State and lock errors",
                introduction: "Every error of castform's state backends, as castform prints it, with example values. "
                    + "Each says what to do; [troubleshooting](../troubleshooting.md) explains the reasoning.",
                entries: StateError.examples.map { ($0.situation, $0.error.message) })
            pages["settings.schema.json"] = String(decoding: try SchemaCommand.encoder.encode(ManifestJSONSchema.settings(registry)), as: UTF8.self) + "\n"
            return pages
        }

        @Argument(help: "The directory to write the pages into (created if missing).")
        var directory: String = "docs/reference"

        @Flag(help: "Write nothing; exit 3 when a page would change (for CI).")
        var check = false

        func run() async throws {
            let pages = try Self.pages()
            var stale: [String] = []
            for (name, text) in pages.sorted(by: { $0.key < $1.key }) {
                let path = directory + "/" + name
                if FileManager.default.contents(atPath: path) == Data(text.utf8) { continue }
                stale.append(path)
                guard !check else { continue }
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            if check {
                guard stale.isEmpty else {
                    Console.error("These reference pages differ from the schemas: \(stale.joined(separator: ", ")); run castform docs generate \(directory)")
                    throw ExitCode(3)
                }
                Console.out("The reference in \(directory) matches the schemas.\n")
            } else {
                Console.out(stale.isEmpty ? "The reference in \(directory) was up to date.\n" : "Wrote \(stale.count) pages into \(directory).\n")
            }
        }
    }
}
