import CastformCore
import CastformPlanning
import CastformRendering
import CastformTestSupport
import Foundation
import Testing

/// One plan with every kind of action, rendered three ways and compared with snapshots.
@Suite struct PlanRenderingTests {
    static let before = """
        fake_object:
          updated: {name: updated, size: 1, secret: "${env.FAKE_SECRET}"}
          replaced: {name: replaced, kind: small}
          removed: {name: removed}
          drifted: {name: drifted, size: 1}
        fake_group:
          swapped: {name: swapped, shape: round}
        """

    static let after = """
        data:
          fake_lookup:
            later: {key: "${fake_object.created.id}"}
        fake_object:
          created: {name: created, tags: [a, b], config: {mode: fast}, secret: "${env.FAKE_SECRET}"}
          updated: {name: updated, size: 2, secret: "${env.FAKE_SECRET}"}
          replaced: {name: replaced, kind: large}
          drifted: {name: drifted, size: 1}
        fake_group:
          swapped: {name: swapped, shape: square}
        """

    func everyKindOfChange() async throws -> PlanDocument {
        let harness = try await EngineHarness(Self.before)
        // One at a time: the fake service numbers objects as they are made, and the
        // snapshots name those ids.
        try await harness.apply(parallelism: 1)
        harness.store.withContents { contents in
            let id = contents.objects.values.first { $0.attributes["name"] == .string("drifted") }!.id
            contents.objects[id]!.attributes["size"] = .int(7)
        }
        harness.environment["FAKE_SECRET"] = "rotated"
        try harness.write(Self.after)
        var plan = try await harness.plan()
        plan.created = Date(timeIntervalSince1970: 1_790_000_000)
        return PlanDocument(plan, registry: harness.providers.registry)
    }

    @Test func human() async throws {
        let text = HumanPlanRenderer(style: TerminalStyle(colour: false)).render(try await everyKindOfChange())
        #expect(Snapshot.check(text, named: "plan-human") == nil, "\(Snapshot.check(text, named: "plan-human") ?? "")")
    }

    @Test func json() async throws {
        let text = PlanJSONRenderer.render(try await everyKindOfChange())
        #expect(Snapshot.check(text, named: "plan-json") == nil, "\(Snapshot.check(text, named: "plan-json") ?? "")")
        #expect(!text.contains("rotated") && !text.contains("hunter2"))
    }

    @Test func markdown() async throws {
        let text = MarkdownPlanRenderer().render(try await everyKindOfChange())
        #expect(Snapshot.check(text, named: "plan-markdown") == nil, "\(Snapshot.check(text, named: "plan-markdown") ?? "")")
    }

    @Test func theJSONDocumentRoundTrips() async throws {
        let document = try await everyKindOfChange()
        let decoded = try JSONDecoder().decode(PlanDocument.self, from: Data(PlanJSONRenderer.render(document).utf8))
        #expect(decoded == document)
    }

    @Test func markdownStaysUnderGitHubsLimit() async throws {
        var manifest = "fake_object:\n"
        for index in 0..<3000 { manifest += "  object-\(index): {name: \"a rather long name for object number \(index)\", tags: [x, y, z]}\n" }
        let harness = try await EngineHarness(manifest)
        let document = PlanDocument(try await harness.plan(), registry: harness.providers.registry)
        let text = MarkdownPlanRenderer().render(document)
        #expect(text.utf16.count < MarkdownPlanRenderer.githubLimit)
        #expect(text.contains("more changes not shown (GitHub comments hold at most 65536 characters)"))
    }

    @Test func noChangesSaysSo() async throws {
        let harness = try await EngineHarness("fake_object:\n  a: {name: a}\n")
        try await harness.apply()
        let document = PlanDocument(try await harness.plan(), registry: harness.providers.registry)
        #expect(HumanPlanRenderer(style: TerminalStyle(colour: false)).render(document) == "No changes. The remote objects match the manifests.\n")
        #expect(MarkdownPlanRenderer().render(document) == "### castform plan: no changes\n\nThe remote objects match the manifests.\n")
    }
}
