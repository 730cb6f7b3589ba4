import ArgumentParser
import CastformCore
import CastformPlanning

/// Options shared by plan, apply and destroy.
struct PlanningOptions: ParsableArguments {
    @Option(name: .customLong("refresh"), help: "Read what exists before planning (--refresh=false trusts the state).")
    var refresh: Bool = true

    @Option(name: .customLong("target"), help: ArgumentHelp("Plan only this address and what it depends on; repeatable.", valueName: "addr"))
    var targets: [String] = []

    func planOptions(destroy: Bool = false) throws -> PlanOptions {
        let addresses = try targets.map { text -> ResourceAddress in
            guard let address = ResourceAddress(parsing: text) else {
                throw ValidationError("--target \(text) is not an address: write TYPE.NAME, e.g. mixcloud_cloudcast.deep-sessions-42")
            }
            return address
        }
        return PlanOptions(refresh: refresh, targets: addresses, destroy: destroy)
    }
}
