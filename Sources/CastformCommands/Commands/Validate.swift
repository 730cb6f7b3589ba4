import ArgumentParser
import CastformCore
import CastformManifest
import CastformRendering
import Foundation

/// `castform validate`: every problem of a workspace's manifests, before any network call.
struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the workspace's manifests and castform.yaml, without contacting any service.",
        discussion: """
            Reports every problem at once as path:line:column, with the line and a caret. \
            Checks YAML syntax, types, unknown attributes, required attributes, the services' \
            limits (tags, description length, file sizes, profile constraints), references and \
            cycles. Exits 0 when the workspace is valid, 1 otherwise.
            """
    )

    @OptionGroup var workspace: PositionalWorkspace

    @Flag(help: "Print the result as JSON on standard output, in the shape of terraform validate -json.")
    var json = false

    func run() async throws {
        let runtime = Runtime.current
        let loader = WorkspaceLoader(registry: runtime.registry, environment: runtime.environment)
        let result = loader.load(root: workspace.directory)
        if json {
            let sources = result.sources
            Console.out(DiagnosticJSON.render(result.diagnostics) { sources[$0.file]?.range(of: $0) })
        } else {
            Session.report(result)
            if !result.hasErrors, let loaded = result.workspace {
                let count = loaded.resources.count
                Console.out("The workspace is valid: \(count) \(count == 1 ? "declaration" : "declarations") in \(result.sources.count) \(result.sources.count == 1 ? "file" : "files").\n")
            }
        }
        if result.hasErrors { throw ExitCode.failure }
    }
}
