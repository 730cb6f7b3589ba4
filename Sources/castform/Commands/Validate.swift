import ArgumentParser
import CastformCore
import CastformManifest
import CastformProviders
import CastformRendering
import Foundation

/// `castform validate`: every problem of a workspace's manifests, before any network call.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the workspace's manifests and castform.yaml, without contacting any service.",
        discussion: """
            Reports every problem at once as path:line:column, with the line and a caret. \
            Checks YAML syntax, types, unknown attributes, required attributes, the services' \
            limits (tags, description length, file sizes, profile constraints), references and \
            cycles. Exits 0 when the workspace is valid, 1 otherwise.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "Print the diagnostics as a JSON array on standard output.")
    var json = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let loader = WorkspaceLoader(registry: Providers.registry, environment: environment)
        let result = loader.load(root: workspace.directory)
        if json {
            print(DiagnosticJSON.render(result.diagnostics), terminator: "")
        } else {
            let style = TerminalStyle.detect(isTerminal: isatty(STDERR_FILENO) == 1, environment: environment)
            let sources = result.sources
            let renderer = DiagnosticRenderer(style: style) { file, line in sources[file]?.line(line) }
            FileHandle.standardError.write(Data(renderer.render(result.diagnostics).utf8))
            if !result.hasErrors, let loaded = result.workspace {
                let count = loaded.resources.count
                print("The workspace is valid: \(count) \(count == 1 ? "declaration" : "declarations") in \(result.sources.count) \(result.sources.count == 1 ? "file" : "files").")
            }
        }
        if result.hasErrors { throw ExitCode.failure }
    }
}
