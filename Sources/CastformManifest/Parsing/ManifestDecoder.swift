import CastformCore
import Foundation
import YAML

/// Turns parsed manifest documents into resource declarations.
///
/// A manifest document maps types to named resources (`TYPE: {name: {...}}`), with data
/// sources under `data:`. A document in a provider's own format (`DocumentFormat`) is one
/// resource named after its file.
struct ManifestDecoder {
    static let metaKeys = ["depends_on", "lifecycle", "for_each", "for_each_key"]

    let registry: SchemaRegistry
    let absoluteRoot: String
    private(set) var diagnostics: [Diagnostic] = []
    /// See `Workspace.incomplete`.
    private(set) var incomplete: Set<SourceLocation> = []
    /// The `moved` entries read so far.
    var moves: [Move] = []
    /// Paths resolved so far in this file (see `ValueDecoder.resolvedPaths`).
    private var resolvedPaths: [String: (written: String, resolved: String)] = [:]

    init(registry: SchemaRegistry, absoluteRoot: String) {
        self.registry = registry
        self.absoluteRoot = absoluteRoot
    }

    mutating func declarations(in documents: [Document], file: SourceFile) -> [ResourceDeclaration] {
        // Paths resolve relative to their file: none carried over from another.
        resolvedPaths = [:]
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
                    report(.extraDocument(format: format.documentFormat?.name, type: format.name), at: document.mark)
                }
                continue
            }
            result += typedDeclarations(root, file: file)
        }
        return result
    }

    private mutating func typedDeclarations(_ root: Node, file: SourceFile) -> [ResourceDeclaration] {
        guard let pairs = root.mapping else {
            report(.notAMapping(exampleType: registry.managed.keys.sorted().first, found: root.valueKind), at: root.mark)
            return []
        }
        var result: [ResourceDeclaration] = []
        for pair in pairs {
            if pair.key.scalar?.value == "moved" {
                var decoder = ValueDecoder(file: file, resolvedPaths: resolvedPaths)
                moves += decodeMoves(pair.value, decoder: &decoder)
                collect(decoder)
                continue
            }
            if pair.key.scalar?.value == "data" {
                guard let sources = pair.value.mapping else {
                    report(.dataNotAMapping, at: pair.value.mark)
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
            report(.typeNotAString(found: typeNode.valueKind), at: typeNode.mark)
            return []
        }
        guard let schema = registry.schema(mode, type) else {
            report(unknownType(type, mode: mode), at: typeNode.mark)
            return []
        }
        guard let pairs = node.mapping else {
            report(.typeNotAMapping(type: type, found: node.valueKind), at: node.mark)
            return []
        }
        var result: [ResourceDeclaration] = []
        // A name twice in this mapping is a duplicate key, which the YAML layer reported; the
        // first is the declaration, as for any key, and the second is not declared again.
        var names = Set<String>()
        for pair in pairs {
            guard let name = pair.key.scalar?.value else {
                report(.nameNotAString(found: pair.key.valueKind), at: pair.key.mark)
                continue
            }
            guard ResourceAddress.isValidName(name) else {
                report(.invalidName(name), at: pair.key.mark)
                continue
            }
            guard names.insert(name).inserted else { continue }
            // The schema's own name, not the text just parsed: a type name written in the
            // provider's source is never freed, so the 10,000 addresses copied through
            // validation and planning share it without counting references.
            let address = ResourceAddress(mode, type: schema.name, name: name)
            var decoder = ValueDecoder(file: file, resolvedPaths: resolvedPaths)
            let body = decoder.decodeObject(pair.value, schema: schema.body, context: .resource(address), extraKeys: Self.metaKeys,
                                            missingAt: pair.key.mark)
            let dependsOn = pair.value["depends_on"].map { self.dependsOn($0, decoder: &decoder) } ?? []
            let lifecycle = lifecycle(pair.value["lifecycle"], schema: schema, decoder: &decoder)
            let forEach = decodeForEach(pair.value, address: address, decoder: &decoder)
            collect(decoder)
            result.append(ResourceDeclaration(address: address, location: pair.key.mark, body: body, dependsOn: dependsOn,
                                              lifecycle: lifecycle, forEach: forEach))
        }
        return result
    }

    /// A type the registry does not have in `mode`; when it has it in the other, say where it goes.
    private func unknownType(_ type: String, mode: ResourceAddress.Mode) -> DeclarationProblem {
        if mode == .managed, registry.data[type] != nil { return .dataSourceAtTopLevel(type: type) }
        if mode == .data, registry.managed[type] != nil { return .resourceUnderData(type: type) }
        let known = mode == .managed ? Array(registry.managed.keys) + ["data"] : Array(registry.data.keys)
        return .unknownType(type, mode: mode, suggestion: Suggestion.closest(to: type, in: known))
    }

    private mutating func report(_ problem: DeclarationProblem, at mark: Mark) {
        diagnostics.append(.manifest(.declaration(problem), at: mark))
    }

    mutating func collect(_ decoder: ValueDecoder) {
        resolvedPaths = decoder.resolvedPaths
        diagnostics += decoder.diagnostics
        incomplete.formUnion(decoder.incomplete)
    }

    private mutating func documentResource(_ root: Node, schema: ResourceTypeSchema, file: SourceFile) -> [ResourceDeclaration] {
        let fileName = (file.relativePath as NSString).lastPathComponent
        let base = (fileName as NSString).deletingPathExtension
        let start = SourceLocation.file(file.displayPath)
        guard ResourceAddress.isValidName(base) else {
            diagnostics.append(.manifest(.declaration(.fileNameNotAName(fileName: fileName, type: schema.name)), at: start))
            return []
        }
        // The sibling file's attribute is not required of the document (castform finds the
        // file itself), and is decoded (when present) like any path below.
        let sibling = schema.documentFormat?.siblingFile
        var bodySchema = schema.body
        bodySchema.attributes = bodySchema.attributes.filter { $0.name != sibling?.attribute }
        var decoder = ValueDecoder(file: file, resolvedPaths: resolvedPaths)
        var body = decoder.decodeObject(root, schema: bodySchema, context: .document(type: schema.name),
                                        extraKeys: Self.metaKeys + [sibling?.attribute].compactMap { $0 })
        if let sibling { fillSibling(sibling, of: schema.name, in: &body, root: root, base: base, file: file, decoder: &decoder) }
        var declaration = ResourceDeclaration(address: ResourceAddress(.managed, type: schema.name, name: base),
                                              location: start, body: body, origin: .documentFile)
        declaration.lifecycle = lifecycle(root["lifecycle"], schema: schema, decoder: &decoder)
        if let dependsOn = root["depends_on"] { declaration.dependsOn = self.dependsOn(dependsOn, decoder: &decoder) }
        declaration.forEach = decodeForEach(root, address: declaration.address, decoder: &decoder)
        collect(decoder)
        return [declaration]
    }

    /// The document's own value for the sibling attribute, or the file beside it with the same
    /// base name, or an error saying where castform looked.
    private mutating func fillSibling(_ sibling: (attribute: String, extensions: [String]), of type: String, in body: inout ConfigValue, root: Node,
                                      base: String, file: SourceFile, decoder: inout ValueDecoder) {
        let here = root.mark
        if let node = root[sibling.attribute] {
            if let value = decoder.decode(node, as: .path, name: sibling.attribute) {
                body.appendField(ConfigValue.Field(name: sibling.attribute, location: node.mark, value: value))
            }
        } else if let path = siblingFile(base: base, extensions: sibling.extensions, file: file) {
            body.appendField(ConfigValue.Field(name: sibling.attribute, location: here, value: ConfigValue(.string(path), at: here)))
        } else {
            let fileName = (file.relativePath as NSString).lastPathComponent
            diagnostics.append(.manifest(.declaration(.noSiblingFile(attribute: sibling.attribute, type: type, base: base, fileName: fileName,
                                                                     extensions: sibling.extensions)), at: here))
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
            decoder.report(.declaration(.dependsOnNotAList(found: node.valueKind)), at: node.mark)
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalar?.value, let address = ResourceAddress(parsing: text) else {
                decoder.report(.declaration(.notAnAddress(written: item.scalar?.value, found: item.valueKind)), at: item.mark)
                return nil
            }
            return (address, item.mark)
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
        let value = decoder.decodeObject(node, schema: lifecycleSchema, context: .lifecycle)
        lifecycle.preventDestroy = value["prevent_destroy"]?.bool ?? false
        lifecycle.createBeforeDestroy = value["create_before_destroy"]?.bool ?? false
        let settable = schema.body.attributes.filter(\.isSettable).map(\.name)
        for item in value["ignore_changes"]?.items ?? [] {
            guard let name = item.string else { continue }
            switch schema.body.attribute(named: name) {
            case let attribute? where attribute.isSettable:
                lifecycle.ignoreChanges.append((attribute.name, item.location))
            case _?:
                decoder.appendDiagnostic(.manifest(.declaration(.ignoreChangesComputed(attribute: name)), at: item.location))
            case nil:
                let problem = DeclarationProblem.ignoreChangesUnknown(attribute: name, type: schema.name,
                                                                      suggestion: Suggestion.closest(to: name, in: settable))
                decoder.appendDiagnostic(.manifest(.declaration(problem), at: item.location))
            }
        }
        for option in schema.lifecycleOptions {
            if let set = value[option.name] { lifecycle.options[option.name] = set }
        }
        return lifecycle
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
