import ArgumentParser
import CastformCore
import CastformManifest
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
            applies exactly it, with the variables given here (secrets are not saved: apply \
            reads them again and checks them). With -destroy it plans to remove everything. \
            With --detailed-exitcode: 0 no changes, 1 error, 2 changes.
            """
    )

    @OptionGroup var workspace: PositionalWorkspace
    @OptionGroup var planning: PlanningOptions

    @Option(name: .terraform("out"), help: ArgumentHelp("Save the plan to this file.", valueName: "file"))
    var out: String?

    @Flag(name: .terraform("destroy"), help: "Plan to remove every object castform manages here (as castform destroy would).")
    var destroy = false

    @Flag(name: .terraform("json"), help: "Print the plan as JSON (Terraform's plan JSON shape).")
    var json = false

    @Flag(name: .terraform("markdown"), help: "Print the plan as Markdown, for a pull-request comment.")
    var markdown = false

    @Flag(name: .terraform("detailed-exitcode"), help: "Exit 2 when the plan has changes, 0 when it has none.")
    var detailedExitcode = false

    /// Terraform's `-input`: plan never asks a question, so CI scripts may pass it to plan
    /// and apply alike.
    @Option(name: .terraform("input"), help: "Accepted as Terraform's is: plan never asks a question (--input=false is what it does anyway).")
    var input: Bool = true

    func validate() throws {
        if json && markdown { throw ValidationError("choose one of --json and --markdown") }
    }

    func run() async throws {
        do {
            let variables = planning.variables(environment: Runtime.current.environment)
            var options = try planning.planOptions(destroy: destroy)
            options.recordsConfiguration = json || out != nil
            try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose, variables: variables,
                                  requiresEnvironment: !destroy, readsEarly: options.refresh ? [.state, .lists] : [.state]) { session in
                if options.refresh { session.prefetch() }
                let state = try await session.loadState()
                let planner = Planner(providers: session.providers, environment: session.runtime.environment)
                let result = await planner.plan(session.workspace, state: state, options: options)
                PlanOutput.report(result.diagnostics)
                guard let plan = result.plan else { throw ExitCode.failure }
                render(session.document(plan, scope: json ? .full : .changes))
                if let out { try save(plan, to: out, session: session) }
                // Everything is written (Console writes straight to the descriptors) and plan
                // holds no lock: the process ends here rather than first freeing the state,
                // the workspace and the plan object by object (a tenth of a large plan's CPU).
                await session.close()
                Foundation.exit(detailedExitcode && plan.hasChanges ? 2 : 0)
            }
        } catch {
            throw failure(error)
        }
    }

    private func render(_ document: PlanDocument) {
        if json {
            Console.out(PlanJSONRenderer.render(document))
        } else if markdown {
            Console.out(MarkdownPlanRenderer().render(document))
        } else {
            Console.out(HumanPlanRenderer(style: Console.style()).render(document))
        }
    }

    /// The plan file, with how it was made: sandbox or not, and the variables given.
    private func save(_ plan: CastformPlanning.Plan, to path: String, session: Session) throws {
        let sandboxed = session.sandbox != nil
        try PlanFile(workspace: session.workspace.absoluteRoot, plan: plan, sandbox: sandboxed,
                     variables: session.givenVariables).write(to: path)
        if !json && !markdown {
            Console.out("\nSaved the plan to \(path). Apply exactly it with: castform apply \(sandboxed ? "--sandbox " : "")\(path)\n")
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
