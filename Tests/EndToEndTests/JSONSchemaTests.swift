import CastformTestSupport
import Foundation
import Testing

/// `castform schema --json-schema` as a YAML editor uses it, checked by a real JSON Schema
/// validator (Python's jsonschema, in the venv scripts/sdk/setup-venv.sh makes): every example
/// passes, and the invalid fixtures a schema can see are rejected.
@Suite struct JSONSchemaTests {
    static let root = MixcloudWorkspace.repositoryRoot
    static let invalid = root + "/Tests/CastformManifestTests/Fixtures/invalid/"

    /// Invalid fixtures whose problem is in the file's shape: types, limits, enums, unknown or
    /// missing keys. (The others need evaluation, files or references: validation's part.)
    static let detectable = [
        "cloudcast-description-too-long", "cloudcast-empty-tag", "cloudcast-empty-title", "cloudcast-publish-date-format",
        "cloudcast-too-many-hosts", "cloudcast-too-many-tags", "computed-attribute-set", "depends-on-not-a-list",
        "lifecycle-on-remove-bad-value", "lifecycle-unknown-key", "manifest-is-a-list", "missing-required-attributes",
        "playback-policy-bad-type", "resource-under-data", "stream-profile-bitrate-too-low", "stream-profile-h265",
        "stream-pull-location-out-of-range", "time-negative", "time-not-a-time", "track-missing-start",
        "unknown-attribute", "unknown-data-source-type", "unknown-resource-type", "webhook-unknown-event",
        "wrong-type-fraction-for-int", "wrong-type-list-for-string", "wrong-type-mapping-for-list", "wrong-type-string-for-int",
    ]

    @Test func examplesPassAndDetectableMistakesFail() throws {
        let python = Self.root + "/.venv-sdk/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("\(python) is missing: run scripts/sdk/setup-venv.sh")
            return
        }
        let directory = try TemporaryDirectory("castform-json-schema")
        defer { directory.remove() }
        let manifests = try directory.write("manifest.schema.json", try Self.castform("schema", "--json-schema"))
        let settings = try directory.write("settings.schema.json", try Self.castform("schema", "--json-schema", "--settings"))

        let examples = try Self.examples()
        let validate = Self.root + "/scripts/schema/validate.py"
        let good = try ProcessRunner.run(python, [validate, manifests] + examples.manifests)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.split(separator: "\n").count == examples.manifests.count)
        let goodSettings = try ProcessRunner.run(python, [validate, settings] + examples.settings)
        #expect(goodSettings.status == 0, "\(goodSettings.stdout)\(goodSettings.stderr)")

        let bad = try ProcessRunner.run(python, [validate, "--strip-markers", manifests] + Self.detectable.map { Self.invalid + $0 + ".yaml" })
        let accepted = bad.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") }
        #expect(accepted.isEmpty, "the schema accepts: \(accepted)")
        #expect(bad.stdout.split(separator: "\n").count == Self.detectable.count, "\(bad.stdout)\(bad.stderr)")
    }

    static func castform(_ arguments: String...) throws -> String {
        let result = try ProcessRunner.run(ProcessRunner.castformBinary(), arguments)
        guard result.status == 0 else { throw SchemaCommandFailed(description: result.stderr) }
        return result.stdout
    }

    /// Every manifest and castform.yaml of examples/ (the CI workflows there are not castform's).
    static func examples() throws -> (manifests: [String], settings: [String]) {
        let base = Self.root + "/examples"
        let files = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("ci/") }.map { base + "/" + $0 }
        return (files.filter { !$0.hasSuffix("/castform.yaml") }, files.filter { $0.hasSuffix("/castform.yaml") })
    }
}

struct SchemaCommandFailed: Error, CustomStringConvertible {
    var description: String
}
