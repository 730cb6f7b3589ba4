import CastformCore
import Foundation
import YAML

/// Turns parsed manifest documents into resource declarations.
///
/// A manifest document maps types to named resources (`TYPE: {name: {...}}`), with data
/// sources under `data:`. A document in a provider's own format (`DocumentFormat`) is one
/// resource named after its file.
struct ManifestDecoder {
    static let metaKeys = ["depends_on", "lifecycle"]

    let registry: SchemaRegistry
    let absoluteRoot: String
    private(set) var diagnostics: [Diagnostic] = []
    /// See `Workspace.incomplete`.
    private(set) var incomplete: Set<SourceLocation> = []

    init(registry: SchemaRegistry, absoluteRoot: String) {
        self.registry = registry
        self.absoluteRoot = absoluteRoot
    }

    mutating func declarations(in documents: [Document], file: SourceFile) -> [ResourceDeclaration] {
        var result: [ResourceDeclaration] = []
        let registry = registry
        let format = documents.lazy.compactMap { document in
            document.root?.mapping.flatMap { registry.documentFormat(forKeys: $0.compactMap(\.key.scalar?.value)) }
        }.first
        for (index, document) in documents.enumerated() {
            guard let root = document.root, !(root.scalar != nil && root.resolved == .null) else { continue }
            if let format {
                if index == 0 {
                    result += documentResource(root, schema: format, file: file)
                } else {
                    diagnostics.append(.error("\(format.documentFormat?.name ?? "this file") holds one \(format.name); move this document to a file of its own", at: location(document.mark)))
                }
                continue
            }
            result += typedDeclarations(root, file: file)
        }
        return result
    }

    private mutating func typedDeclarations(_ root: Node, file: SourceFile) -> [ResourceDeclaration] {
        guard let pairs = root.mapping else {
            let example = registry.managed.keys.sorted().first.map { "e.g. \($0):" } ?? "TYPE: {NAME: {...}}"
            diagnostics.append(.error("a manifest must be a mapping of resource types (\(example)), not \(root.kindDescription)", at: location(root.mark)))
            return []
        }
        var result: [ResourceDeclaration] = []
        for pair in pairs {
            if pair.key.scalar?.value == "data" {
                guard let sources = pair.value.mapping else {
                    diagnostics.append(.error("\"data\" must map data-source types to named data sources", at: location(pair.value.mark)))
                    continue
                }
                for source in sources {
                    result += resources(ofType: source.key, mode: .data, in: source.value, file: file)
                }
            } else {
                result += resources(ofType: pair.key, mode: .managed, in: pair.value, file: file)
            }
        }
        return result
    }

    private mutating func resources(ofType typeNode: Node, mode: ResourceAddress.Mode, in node: Node, file: SourceFile) -> [ResourceDeclaration] {
        guard let type = typeNode.scalar?.value else {
            diagnostics.append(.error("resource types must be plain strings, not \(typeNode.kindDescription)", at: location(typeNode.mark)))
            return []
        }
        guard let schema = registry.schema(mode, type) else {
            let known = mode == .managed ? Array(registry.managed.keys) + ["data"] : Array(registry.data.keys)
            let what = mode == .managed ? "resource type" : "data source type"
            var message = "unknown \(what) \"\(type)\"" + Suggestion.didYouMean(type, in: known)
            if mode == .managed, registry.data[type] != nil { message = "\(type) is a data source: declare it under \"data:\"" }
            if mode == .data, registry.managed[type] != nil { message = "\(type) is a resource, not a data source: declare it at the top level" }
            diagnostics.append(.error(message, at: location(typeNode.mark)))
            return []
        }
        guard let pairs = node.mapping else {
            diagnostics.append(.error("\"\(type)\" must map resource names to their attributes, not \(node.kindDescription)", at: location(node.mark)))
            return []
        }
        var result: [ResourceDeclaration] = []
        // A name twice in this mapping is a duplicate key, which the YAML layer reported; the
        // first is the declaration, as for any key, and the second is not declared again.
        var names = Set<String>()
        for pair in pairs {
            guard let name = pair.key.scalar?.value else {
                diagnostics.append(.error("resource names must be plain strings, not \(pair.key.kindDescription)", at: location(pair.key.mark)))
                continue
            }
            guard ResourceAddress.isValidName(name) else {
                diagnostics.append(.error("invalid resource name \"\(name)\": start with a letter or _, then use letters, digits, _ and -", at: location(pair.key.mark)))
                continue
            }
            guard names.insert(name).inserted else { continue }
            let address = ResourceAddress(mode, type: type, name: name)
            var decoder = ValueDecoder(file: file)
            let body = decoder.decodeObject(pair.value, schema: schema.body, context: address.description, extraKeys: Self.metaKeys,
                                            missingAt: pair.key.mark)
            var declaration = ResourceDeclaration(address: address, location: location(pair.key.mark), body: body)
            if let dependsOn = pair.value["depends_on"] {
                declaration.dependsOn = self.dependsOn(dependsOn, decoder: &decoder)
            }
            declaration.lifecycle = lifecycle(pair.value["lifecycle"], schema: schema, decoder: &decoder)
            collect(decoder)
            result.append(declaration)
        }
        return result
    }

    private mutating func collect(_ decoder: ValueDecoder) {
        diagnostics += decoder.diagnostics
        incomplete.formUnion(decoder.incomplete)
    }

    private mutating func documentResource(_ root: Node, schema: ResourceTypeSchema, file: SourceFile) -> [ResourceDeclaration] {
        let fileName = (file.relativePath as NSString).lastPathComponent
        let base = (fileName as NSString).deletingPathExtension
        let start = SourceLocation.file(file.displayPath)
        guard ResourceAddress.isValidName(base) else {
            diagnostics.append(.error("the file name \"\(fileName)\" cannot name a \(schema.name): rename it using letters, digits, _ and - (it becomes \(schema.name).NAME)", at: start))
            return []
        }
        // The sibling file's attribute is not required of the document (castform finds the
        // file itself), and is decoded (when present) like any path below.
        let sibling = schema.documentFormat?.siblingFile
        var bodySchema = schema.body
        bodySchema.attributes = bodySchema.attributes.filter { $0.name != sibling?.attribute }
        var decoder = ValueDecoder(file: file)
        var body = decoder.decodeObject(root, schema: bodySchema, context: "this \(schema.name)",
                                        extraKeys: Self.metaKeys + [sibling?.attribute].compactMap { $0 })
        if let sibling { fillSibling(sibling, of: schema.name, in: &body, root: root, base: base, file: file, decoder: &decoder) }
        var declaration = ResourceDeclaration(address: ResourceAddress(.managed, type: schema.name, name: base),
                                              location: start, body: body, origin: .documentFile)
        declaration.lifecycle = lifecycle(root["lifecycle"], schema: schema, decoder: &decoder)
        if let dependsOn = root["depends_on"] { declaration.dependsOn = self.dependsOn(dependsOn, decoder: &decoder) }
        collect(decoder)
        return [declaration]
    }

    /// The document's own value for the sibling attribute, or the file beside it with the same
    /// base name, or an error saying where castform looked.
    private mutating func fillSibling(_ sibling: (attribute: String, extensions: [String]), of type: String, in body: inout ConfigValue, root: Node,
                                      base: String, file: SourceFile, decoder: inout ValueDecoder) {
        let here = location(root.mark)
        if let node = root[sibling.attribute] {
            if let value = decoder.decode(node, as: .path, name: sibling.attribute) {
                body.appendField(ConfigValue.Field(name: sibling.attribute, location: location(node.mark), value: value))
            }
        } else if let path = siblingFile(base: base, extensions: sibling.extensions, file: file) {
            body.appendField(ConfigValue.Field(name: sibling.attribute, location: here, value: ConfigValue(.string(path), at: here)))
        } else {
            let fileName = (file.relativePath as NSString).lastPathComponent
            let others = sibling.extensions.dropFirst().map { ".\($0)" }.joined(separator: ", ")
            diagnostics.append(.error("no \(sibling.attribute) for this \(type): put \(base).\(sibling.extensions.first ?? "") beside \(fileName) (or \(others)), or name the file with an \"\(sibling.attribute)\" key", at: here))
        }
    }

    /// The file beside a document-format file: same base name, one of the extensions.
    private func siblingFile(base: String, extensions: [String], file: SourceFile) -> String? {
        let directory = (file.relativePath as NSString).deletingLastPathComponent
        for ext in extensions {
            let relative = directory.isEmpty ? "\(base).\(ext)" : "\(directory)/\(base).\(ext)"
            if FileManager.default.fileExists(atPath: absoluteRoot + "/" + relative) { return relative }
        }
        return nil
    }

    private func dependsOn(_ node: Node, decoder: inout ValueDecoder) -> [(address: ResourceAddress, location: SourceLocation)] {
        guard let items = node.sequence else {
            decoder.error("\"depends_on\" must be a list of addresses (TYPE.NAME), not \(node.kindDescription)", at: node.mark)
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalar?.value, let address = ResourceAddress(parsing: text) else {
                decoder.error("\"\(item.scalar?.value ?? item.kindDescription)\" is not an address: write TYPE.NAME or data.TYPE.NAME", at: item.mark)
                return nil
            }
            return (address, decoder.location(item.mark))
        }
    }

    private func lifecycle(_ node: Node?, schema: ResourceTypeSchema, decoder: inout ValueDecoder) -> Lifecycle {
        var lifecycle = Lifecycle()
        for option in schema.lifecycleOptions {
            if let value = option.defaultValue, case .string(let text) = value {
                lifecycle.options[option.name] = ConfigValue(.string(text), at: SourceLocation.file(""))
            }
        }
        guard let node else { return lifecycle }
        let lifecycleSchema = ObjectSchema([
            Attribute("prevent_destroy", .bool),
            Attribute("create_before_destroy", .bool),
            Attribute("ignore_changes", .list(.string)),
        ] + schema.lifecycleOptions)
        let value = decoder.decodeObject(node, schema: lifecycleSchema, context: "lifecycle")
        lifecycle.preventDestroy = value["prevent_destroy"]?.bool ?? false
        lifecycle.createBeforeDestroy = value["create_before_destroy"]?.bool ?? false
        let settable = schema.body.attributes.filter(\.isSettable).map(\.name)
        for item in value["ignore_changes"]?.items ?? [] {
            guard let name = item.string else { continue }
            switch schema.body.attribute(named: name) {
            case let attribute? where attribute.isSettable:
                lifecycle.ignoreChanges.append((attribute.name, item.location))
            case _?:
                decoder.appendDiagnostic(.error("ignore_changes names \"\(name)\", which the service computes: castform never changes it, so there is nothing to ignore", at: item.location))
            case nil:
                decoder.appendDiagnostic(.error("ignore_changes names \"\(name)\", which is not an attribute of \(schema.name)" + Suggestion.didYouMean(name, in: settable), at: item.location))
            }
        }
        for option in schema.lifecycleOptions {
            if let set = value[option.name] { lifecycle.options[option.name] = set }
        }
        return lifecycle
    }

    private func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: mark.file, line: mark.line, column: mark.column)
    }
}

extension ConfigValue {
    mutating func appendField(_ field: Field) {
        if case .object(var fields) = kind {
            fields.append(field)
            kind = .object(fields)
        }
    }
}
