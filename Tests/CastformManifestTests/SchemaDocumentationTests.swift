import CastformCore
import CastformManifest
import CastformProviders
import CastformTestSupport
import Foundation
import Testing

/// The reference is generated from the schemas, so the schemas must carry what a reader needs:
/// a sentence for every attribute a manifest sets, and an example that castform accepts.
@Suite struct SchemaDocumentationTests {
    /// The providers whose reference is complete: all of them.
    static let documented: Set<String> = ["mixcloud", "livepeer", "livestream", "livecoding", "sidefx"]

    static var types: [ResourceTypeSchema] {
        Providers.schemas.filter { documented.contains($0.provider) }
    }

    @Test func everySettableAttributeSaysWhatItIs() {
        var missing: [String] = []
        for schema in Self.types {
            Self.visit(schema.body, path: schema.name + ".") { path, attribute in
                if attribute.isSettable && attribute.summary.isEmpty && !path.contains("[].") && !path.contains(".KEY.") {
                    missing.append(path)
                }
            }
        }
        #expect(missing.isEmpty, "attributes without a summary: \(missing)")
    }

    @Test(arguments: SchemaDocumentationTests.types.map(\.name))
    func theExampleValidates(_ type: String) throws {
        let schema = try #require(Providers.schemas.first { $0.name == type })
        let example = try #require(schema.example, "\(type) has no example")
        let directory = try TemporaryDirectory("castform-example")
        defer { directory.remove() }
        try directory.write("audio/show.mp3", Data([0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0]))
        try directory.write("art/show.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]))
        _ = try directory.write("example.yaml", example + "\n")
        let environment = ["YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/k", "LIVEPEER_WEBHOOK_SECRET": "s"]
        let result = WorkspaceLoader(registry: Providers.registry, environment: environment).load(root: directory.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.workspace?.resources.contains { $0.address.type == type } == true, "the example of \(type) declares none")
        let formatter = ManifestFormatter(registry: Providers.registry)
        #expect(formatter.format(example + "\n", file: "example.yaml") == .formatted(example + "\n"), "the example is not in fmt's layout")
    }

    static func visit(_ object: ObjectSchema, path: String, _ body: (String, Attribute) -> Void) {
        for attribute in object.attributes {
            body(path + attribute.name, attribute)
            if case .object(let inner) = attribute.type { visit(inner, path: path + attribute.name + ".", body) }
        }
    }
}
