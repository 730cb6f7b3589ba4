import CastformEmulator
import Foundation
import Testing

/// A secret interpolated into an ordinary attribute (`description: "… ${env.X}"`) is still a
/// secret: Mixcloud hands it back in clear, and castform must neither print nor store it, nor
/// plan it as a change forever because state holds only its hash.
@Suite(.serialized) struct MixcloudSecretTests {
    static let secret = "sk-live-4242-do-not-print"

    @Test func aSecretInADescriptionIsNeverShownNorStoredAndPlansQuietly() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        try workspace.edit("shows/guest-mix-07.yaml") {
            $0.replacingOccurrences(of: "desc: A guest mix of disco edits and warm-up house, recorded at the studio.",
                                    with: "desc: \"Members: ${env.MEMBERS_CODE}\"")
        }
        var outputs: [String] = []
        let environment = ["MEMBERS_CODE": Self.secret]
        let apply = try await workspace.castform("apply", "--auto-approve", environment: environment)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(await workspace.shows["/deepsessions/guest-mix-07/"]?.description == "Members: \(Self.secret)")
        outputs += [apply.stdout, apply.stderr]

        let plan = try await workspace.castform("plan", "--detailed-exitcode", environment: environment)
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        let json = try await workspace.castform("plan", "--json", environment: environment)
        outputs += [plan.stdout, plan.stderr, json.stdout, json.stderr]

        let rotated = try await workspace.castform("plan", environment: ["MEMBERS_CODE": "another-code"])
        #expect(rotated.stdout.contains("~ description = (sensitive value changes)"), "\(rotated.stdout)")
        outputs += [rotated.stdout, rotated.stderr]

        let state = try String(contentsOfFile: workspace.directory.path + "/.castform/state.json", encoding: .utf8)
        for text in outputs + [state] { #expect(!text.contains(Self.secret)) }
        #expect(state.contains("hmac-sha256:"))
    }
}
