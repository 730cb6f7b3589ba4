import CastformCore
import CastformPlanning
import CastformRendering
import Foundation
import Testing

/// castform's plan JSON against the shape `terraform show -json PLANFILE` produces, for the
/// tools that read it (policy checks in CI). Terraform is not here at test time, so a
/// hand-written plan of its shape (`Fixtures/terraform-show-plan.json`: one create, one update,
/// one replace) stands in: every key path in it that castform supports must be in castform's
/// document for the same three kinds of change, with the same JSON type.
@Suite struct TerraformShapeTests {
    /// Terraform's keys castform does not produce, each with why.
    static let unsupported: Set<String> = [
        "terraform_version",                                   // castform_version instead
        "prior_state.terraform_version",                       // castform_version instead
        "relevant_attributes",                                 // no expression evaluation trace
        "relevant_attributes[]", "relevant_attributes[].resource", "relevant_attributes[].attribute",
        "relevant_attributes[].attribute[]",
        "configuration.provider_config.*.full_name",           // providers have no registry address
        "configuration.provider_config.*.expressions",         // provider settings may hold credentials
        "configuration.provider_config.*.expressions.*",
        "configuration.provider_config.*.expressions.*.constant_value",
        "configuration.root_module.variables",                 // castform.yaml values are in `variables`
        "configuration.root_module.variables.*",
        "configuration.root_module.variables.*.default",
    ]

    /// Maps whose keys are names (of variables, attributes, providers), not Terraform's keys.
    static let namedMaps: Set<String> = ["variables", "expressions", "provider_config"]
    /// Values of resources: their type is checked, their contents are the resource's own.
    static let opaque: Set<String> = ["values", "before", "after", "after_unknown", "before_sensitive", "after_sensitive", "sensitive_values"]
    /// Whatever the written value was.
    static let anyType: Set<String> = ["constant_value", "value"]

    /// A JSON value, decoded without Foundation's guesses about numbers and booleans.
    indirect enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            if let container = try? decoder.container(keyedBy: Key.self) {
                var fields: [String: JSON] = [:]
                for key in container.allKeys { fields[key.stringValue] = try container.decode(JSON.self, forKey: key) }
                self = .object(fields)
            } else if var container = try? decoder.unkeyedContainer() {
                var items: [JSON] = []
                while !container.isAtEnd { items.append(try container.decode(JSON.self)) }
                self = .array(items)
            } else {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() { self = .null }
                else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
                else if let number = try? container.decode(Double.self) { self = .number(number) }
                else { self = .string(try container.decode(String.self)) }
            }
        }

        var typeName: String {
            switch self {
            case .null: "null"
            case .bool: "boolean"
            case .number: "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
        }
    }

    /// Every key path with the JSON types found at it: `a.b[].c` for a key in array elements,
    /// `*` for a name in a named map.
    static func shape(_ json: JSON, at path: String = "", into shape: inout [String: Set<String>]) {
        let key = path.split(separator: ".").last.map(String.init) ?? ""
        if !path.isEmpty { shape[path, default: []].insert(anyType.contains(key) ? "any" : json.typeName) }
        // `prior_state.values` holds a module; a resource's `values` are its own.
        let resourceValues = key != "values" || path.hasSuffix("resources[].values")
        if (opaque.contains(key) && resourceValues) || anyType.contains(key) { return }
        switch json {
        case .object(let object):
            for (name, value) in object {
                let step = namedMaps.contains(key) ? "*" : name
                Self.shape(value, at: path.isEmpty ? step : "\(path).\(step)", into: &shape)
            }
        case .array(let array):
            for element in array { Self.shape(element, at: path + "[]", into: &shape) }
        default:
            break
        }
    }

    static func shape(ofJSON data: Data) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        shape(try JSONDecoder().decode(JSON.self, from: data), into: &result)
        return result
    }

    /// One create (with a constant, a reference and a secret), one update and one replace, with
    /// two variables in castform.yaml, one of them put into a sensitive attribute.
    func castformPlan() async throws -> String {
        let harness = try await EngineHarness("""
            fake_object:
              updated: {name: updated, size: 1}
              replaced: {name: replaced, kind: small}
            """)
        try await harness.apply()
        try harness.directory.write("castform.yaml", """
            variables:
              prefix: Deep
              token: s3cr3t-token
            """)
        try harness.write("""
            fake_object:
              updated: {name: updated, size: 2}
              replaced: {name: replaced, kind: large}
              created: {name: "${var.prefix} created", parent_id: "${fake_object.updated.id}", secret: "${var.token}", size: 3}
            """)
        var plan = try await harness.plan()
        plan.created = Date(timeIntervalSince1970: 1_790_000_000)
        return PlanJSONRenderer.render(PlanDocument(plan, registry: harness.providers.registry))
    }

    @Test func everyTerraformKeyCastformSupportsIsThereWithItsType() async throws {
        let fixture = try Data(contentsOf: #require(Bundle.module.url(forResource: "terraform-show-plan", withExtension: "json",
                                                                      subdirectory: "Fixtures")))
        let terraform = try Self.shape(ofJSON: fixture)
        let castform = try Self.shape(ofJSON: Data(try await castformPlan().utf8))
        var missing: [String] = []
        for (path, types) in terraform.sorted(by: { $0.key < $1.key }) where !Self.unsupported.contains(path) {
            let found = castform[path] ?? []
            for type in types.sorted() where !found.contains(type) {
                missing.append("\(path): \(type) (castform has \(found.isEmpty ? "nothing" : found.sorted().joined(separator: ", ")))")
            }
        }
        #expect(missing.isEmpty, "missing from castform's plan JSON:\n\(missing.joined(separator: "\n"))")
        // The list of what castform leaves out names only what Terraform has.
        #expect(Self.unsupported.subtracting(terraform.keys).isEmpty, "\(Self.unsupported.subtracting(terraform.keys).sorted())")
    }

    @Test func configurationRecordsConstantsReferencesAndVariablesWithoutSecrets() async throws {
        let text = try await castformPlan()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let resources = (json["configuration"] as? [String: Any])?["root_module"] as? [String: Any]
        let created = (resources?["resources"] as? [[String: Any]])?.first { $0["address"] as? String == "fake_object.created" }
        let expressions = try #require(created?["expressions"] as? [String: [String: Any]])
        #expect(expressions["parent_id"]?["references"] as? [String] == ["fake_object.updated.id", "fake_object.updated"])
        #expect(expressions["name"]?["references"] as? [String] == ["var.prefix"])
        #expect(expressions["secret"]?["references"] as? [String] == ["var.token"])
        #expect(expressions["size"]?["constant_value"] as? Int == 3)
        #expect(created?["provider_config_key"] as? String == "fake")
        let variables = try #require(json["variables"] as? [String: [String: Any]])
        #expect(variables["prefix"]?["value"] as? String == "Deep")
        #expect(variables["token"]?["value"] == nil)
        #expect(variables["token"]?["sensitive"] as? Bool == true)
        #expect(!text.contains("s3cr3t-token"))
        #expect(json["timestamp"] as? String == "2026-09-21T14:13:20Z")
    }

    @Test func replacePathsAreInTheChangeOfAReplacementOnly() async throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try await castformPlan().utf8)) as? [String: Any])
        let changes = try #require(json["resource_changes"] as? [[String: Any]])
        let change = { (address: String) in changes.first { $0["address"] as? String == address }?["change"] as? [String: Any] }
        #expect(change("fake_object.replaced")?["replace_paths"] as? [[String]] == [["kind"]])
        #expect(change("fake_object.updated")?.keys.contains("replace_paths") == false)
        #expect(change("fake_object.created")?["before"] is NSNull)
    }
}
