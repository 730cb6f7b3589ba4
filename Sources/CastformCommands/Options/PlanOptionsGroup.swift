import ArgumentParser
import CastformCore
import CastformManifest
import CastformPlanning

/// Options shared by plan, apply and destroy.
struct PlanningOptions: ParsableArguments {
    @Option(name: .terraform("refresh"), help: "Read what exists before planning (--refresh=false trusts the state).")
    var refresh: Bool = true

    @Option(name: .terraform("target"), help: ArgumentHelp("Plan only this address and what it depends on; repeatable.", valueName: "addr"))
    var targets: [String] = []

    @Option(name: .terraform("var"), help: ArgumentHelp(
        "Set a variable castform.yaml declares: NAME=VALUE; repeatable, the last wins. Not for secrets: plan files keep it (use ${env.NAME} for secrets).",
        valueName: "name=value"))
    var vars: [String] = []

    @Option(name: .terraform("var-file"), help: ArgumentHelp(
        "Set variables from a YAML file of NAME: VALUE; repeatable. Applied after CASTFORM_VAR_NAME in the environment, before -var.",
        valueName: "file"))
    var varFiles: [String] = []

    @Flag(name: .customLong("no-adopt"), help: "Do not import objects that already exist for declarations state does not know; plan them as new.")
    var noAdopt = false

    func validate() throws {
        for argument in vars where !VariableOverrides().adding(argument) {
            throw ValidationError("-var \(argument): write NAME=VALUE, e.g. -var show_prefix=\"Deep Sessions\"")
        }
    }

    func planOptions(destroy: Bool = false) throws -> PlanOptions {
        let addresses = try targets.map { text -> ResourceAddress in
            guard let address = ResourceAddress(parsing: text) else {
                throw ValidationError("--target \(text) is not an address: write TYPE.NAME, e.g. mixcloud_cloudcast.deep-sessions-42, or TYPE.NAME[\"KEY\"] for one instance of a for_each")
            }
            return address
        }
        return PlanOptions(refresh: refresh, targets: addresses, destroy: destroy, adopt: !noAdopt)
    }

    /// The variables given to this run: `CASTFORM_VAR_*` of `environment`, `-var-file`, `-var`.
    func variables(environment: [String: String]) -> VariableOverrides {
        var overrides = VariableOverrides.environment(environment)
        overrides.files = varFiles
        for argument in vars { _ = overrides.add(commandLine: argument) }
        return overrides
    }

    /// Whether any variable was given on the command line (refused with a saved plan).
    var setsVariables: Bool { !vars.isEmpty || !varFiles.isEmpty }
}

extension VariableOverrides {
    /// Whether `argument` is of the form NAME=VALUE.
    func adding(_ argument: String) -> Bool {
        var copy = self
        return copy.add(commandLine: argument)
    }
}
