import ArgumentParser
import CastformCore
import CastformPlanning
import CastformRendering
import Foundation

/// `castform plan`: what apply would do, without doing it.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change: read the manifests and what exists, and compare.",
        discussion: """
            Nothing is changed. With -out the plan is saved for `castform apply FILE`, which \
            applies exactly it (secrets are not saved: apply reads them again and checks them). \
            With --detailed-exitcode: 0 no changes, 1 error, 2 changes.
            """
    )

    @OptionGroup var workspace: PositionalWorkspace
    @OptionGroup var planning: PlanningOptions

    @Option(name: .customLong("out", withSingleDash: true), help: ArgumentHelp("Save the plan to this file.", valueName: "file"))
    var out: String?

    @Flag(help: "Print the plan as JSON (Terraform's plan JSON shape).")
    var json = false

    @Flag(help: "Print the plan as Markdown, for a pull-request comment.")
    var markdown = false

    @Flag(help: "Exit 2 when the plan has changes, 0 when it has none.")
    var detailedExitcode = false

    func validate() throws {
        if json && markdown { throw ValidationError("choose one of --json and --markdown") }
    }

    func run() async throws {
        do {
            try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose) { session in
            let state = try await session.loadState()
            let planner = Planner(providers: session.providers, environment: session.runtime.environment)
            let result = await planner.plan(session.workspace, state: state, options: try planning.planOptions())
            PlanOutput.report(result.diagnostics)
            guard let plan = result.plan else { throw ExitCode.failure }
            let document = session.document(plan)
            if json {
                Console.out(PlanJSONRenderer.render(document))
            } else if markdown {
                Console.out(MarkdownPlanRenderer().render(document))
            } else {
                Console.out(HumanPlanRenderer(style: Console.style()).render(document))
            }
            if let out {
                let sandboxed = session.sandbox != nil
                try PlanFile(workspace: session.workspace.absoluteRoot, plan: plan, sandbox: sandboxed).write(to: out)
                if !json && !markdown {
                    Console.out("\nSaved the plan to \(out). Apply exactly it with: castform apply \(sandboxed ? "--sandbox " : "")\(out)\n")
                }
            }
            if detailedExitcode && plan.hasChanges { throw ExitCode(2) }
            }
        } catch {
            throw failure(error)
        }
    }
}

/// Diagnostics from planning (provider errors, prevent_destroy) in castform's form.
enum PlanOutput {
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        Console.err(DiagnosticRenderer(style: Console.style(forStderr: true)).render(diagnostics))
    }
}
