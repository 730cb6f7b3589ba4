import CastformTestSupport
import Foundation
import Testing

/// SIGKILL cannot be caught: whatever instant it lands, state must stay readable and the
/// next apply must finish the work without creating anything twice.
@Suite struct KillTests {
    static let names = (0..<12).map { "object-\($0)" }

    /// A chain (each object refers to the one before) plus independent objects.
    static var manifests: String {
        var text = "fake_object:\n"
        for (index, name) in names.enumerated() {
            let parent = index > 0 && index % 2 == 0 ? ", parent_id: \"${fake_object.\(names[index - 2]).id}\"" : ""
            text += "  \(name): {name: \(name), size: \(index)\(parent)}\n"
        }
        return text
    }

    @Test func anApplyKilledAtARandomPointAlwaysConverges() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 1...20 {
            let bed = try Testbed(Self.manifests)
            defer { bed.directory.remove() }
            let delay = Int.random(in: 0...400, using: &generator)
            let process = try ProcessRunner.start(
                bed.binary, ["apply", "--auto-approve", "--parallelism", "3"],
                environment: bed.environment.merging(["CASTFORM_FAKE_LATENCY_MS": "15"]) { $1 },
                directory: bed.directory.path, output: bed.directory.path + "/killed.log")
            usleep(UInt32(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let show = try bed.castform(["show", "--json"])
            #expect(show.status == 0, "round \(round), killed after \(delay) ms: state unreadable: \(show.stderr)")
            let apply = try bed.castform(["apply", "--auto-approve"])
            #expect(apply.status == 0, "round \(round), killed after \(delay) ms: \(apply.stdout)\(apply.stderr)")
            #expect(bed.remoteNames == Self.names.sorted(), "round \(round), killed after \(delay) ms: remote has \(bed.remoteNames)")
            let plan = try bed.castform(["plan", "--detailed-exitcode"])
            #expect(plan.status == 0, "round \(round), killed after \(delay) ms: \(plan.stdout)")
        }
    }
}
