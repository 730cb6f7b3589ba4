import CastformCore
import YAML

/// Decodes YAML nodes against schema types into `ConfigValue`s, collecting every problem.
///
/// Decoding is where positions are turned into meaning: a wrong type, an unknown key or a
/// missing attribute is reported at the node that has it, and decoding carries on so the next
/// problem is found too. A value that cannot be decoded is left out of the result.
struct ValueDecoder {
    let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile) {
        self.file = file
    }

    func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: mark.file, line: mark.line, column: mark.column)
    }

    mutating func error(_ message: String, at mark: Mark) {
        diagnostics.append(.error(message, at: location(mark)))
    }

    mutating func appendDiagnostic(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Decodes a mapping against `schema`. `extraKeys` are keys the caller handles itself (they
    /// are skipped, and offered in "did you mean"); `context` names the object in messages.
    mutating func decodeObject(_ node: Node, schema: ObjectSchema, context: String, extraKeys: [String] = []) -> ConfigValue {
        var fields: [ConfigValue.Field] = []
        let pairs: [Pair]
        switch node.content {
        case .mapping(let mapping): pairs = mapping
        case .scalar where node.resolved == .null: pairs = []
        default:
            error("\(context) must be a mapping of attributes, not \(node.kindDescription)", at: node.mark)
            return ConfigValue(.object([]), at: location(node.mark))
        }
        var seen: [String: String] = [:]
        // Attributes written with a value (decodable or not): a bad value is not also "missing".
        var present = Set<String>()
        for pair in pairs {
            guard let key = pair.key.scalar?.value else {
                error("attribute names must be plain strings, not \(pair.key.kindDescription)", at: pair.key.mark)
                continue
            }
            if extraKeys.contains(key) { continue }
            guard let attribute = schema.attribute(named: key) else {
                error("unknown attribute \"\(key)\" in \(context)" + Suggestion.didYouMean(key, in: schema.settableNames + extraKeys), at: pair.key.mark)
                continue
            }
            guard attribute.isSettable else {
                error("\"\(key)\" is set by the service; a manifest cannot set it", at: pair.key.mark)
                continue
            }
            if let earlier = seen[attribute.name] {
                // The same key twice was reported by the YAML layer; only aliases are news here.
                if earlier == key { continue }
                error("\"\(key)\" and \"\(earlier)\" are the same attribute; set only one", at: pair.key.mark)
                continue
            }
            seen[attribute.name] = key
            if pair.value.scalar != nil, pair.value.resolved == .null, pair.value.tag == nil { continue }
            present.insert(attribute.name)
            if let value = decode(pair.value, as: attribute.type, name: key) {
                fields.append(ConfigValue.Field(name: attribute.name, location: location(pair.key.mark), value: value))
            }
        }
        for attribute in schema.attributes where attribute.presence == .required && !present.contains(attribute.name) {
            error("missing required attribute \"\(attribute.name)\" in \(context)", at: node.mark)
        }
        return ConfigValue(.object(fields), at: location(node.mark))
    }

    mutating func decode(_ node: Node, as type: ValueType, name: String) -> ConfigValue? {
        let at = location(node.mark)
        switch type {
        case .any:
            return decodeAny(node)
        case .object(let schema):
            guard node.mapping != nil else { return mismatch(node, type, name) }
            return decodeObject(node, schema: schema, context: "\"\(name)\"")
        case .map(let element):
            guard let pairs = node.mapping else { return mismatch(node, type, name) }
            var fields: [ConfigValue.Field] = []
            for pair in pairs {
                guard let key = pair.key.scalar?.value else {
                    error("keys of \"\(name)\" must be plain strings, not \(pair.key.kindDescription)", at: pair.key.mark)
                    continue
                }
                if let value = decode(pair.value, as: element, name: key) {
                    fields.append(ConfigValue.Field(name: key, location: location(pair.key.mark), value: value))
                }
            }
            return ConfigValue(.object(fields), at: at)
        case .list(let element):
            guard let items = node.sequence else { return mismatch(node, type, name) }
            let decoded = items.compactMap { decode($0, as: element, name: name) }
            return decoded.count == items.count ? ConfigValue(.list(decoded), at: at) : nil
        case .oneOf(let types):
            return decodeOneOf(node, types, name: name)
        case .string, .int, .number, .bool, .time, .path:
            return decodeScalar(node, as: type, name: name)
        }
    }

    private mutating func decodeScalar(_ node: Node, as type: ValueType, name: String) -> ConfigValue? {
        guard let scalar = node.scalar else { return mismatch(node, type, name) }
        let at = location(node.mark)
        let resolved = node.resolved
        if case .string(let text) = resolved, TemplateParser.hasInterpolation(text) {
            let origin = TemplateParser.Origin(
                location: at,
                leadingOffset: scalar.style == .plain ? 0 : 1,
                columnsAreExact: scalar.style == .plain || scalar.style == .singleQuoted
                    || (scalar.style == .doubleQuoted && !scalar.value.contains("\\")))
            let parsed = TemplateParser.parse(text, origin: origin)
            diagnostics += parsed.diagnostics
            if !parsed.diagnostics.isEmpty { return nil }
            if let template = parsed.template { return ConfigValue(.template(template), at: at) }
            return decodeText(parsed.text, node: node, as: type, name: name)
        }
        switch (type, resolved) {
        case (.string, .string(let text)):
            return ConfigValue(.string(text), at: at)
        case (.string, .int), (.string, .float), (.string, .bool):
            return ConfigValue(.string(scalar.value), at: at)
        case (.path, .string(let text)):
            return decodeText(text, node: node, as: type, name: name)
        case (.int, .int(let value)):
            return ConfigValue(.int(value), at: at)
        case (.int, .float(let value)) where value == value.rounded() && abs(value) < 9e15:
            return ConfigValue(.int(Int(value)), at: at)
        case (.number, .int(let value)):
            return ConfigValue(.number(Double(value)), at: at)
        case (.number, .float(let value)) where value.isFinite:
            return ConfigValue(.number(value), at: at)
        case (.bool, .bool(let value)):
            return ConfigValue(.bool(value), at: at)
        case (.time, .int(let value)):
            guard value >= 0 else {
                error(TimeParser.message(for: .negative, text: scalar.value), at: node.mark)
                return nil
            }
            return ConfigValue(.int(value), at: at)
        case (.time, .string(let text)):
            return decodeText(text, node: node, as: type, name: name)
        default:
            return mismatch(node, type, name)
        }
    }

    /// Strings that need reading: times and paths.
    private mutating func decodeText(_ text: String, node: Node, as type: ValueType, name: String) -> ConfigValue? {
        let at = location(node.mark)
        switch type {
        case .time:
            switch TimeParser.seconds(from: text) {
            case .success(let seconds): return ConfigValue(.int(seconds), at: at)
            case .failure(let failure):
                error(TimeParser.message(for: failure, text: text), at: node.mark)
                return nil
            }
        case .path:
            guard !text.isEmpty else {
                error("\"\(name)\" must name a file, not be empty", at: node.mark)
                return nil
            }
            return ConfigValue(.string(WorkspacePath.resolve(text, from: file.relativePath)), at: at)
        default:
            return ConfigValue(.string(text), at: at)
        }
    }

    private mutating func decodeOneOf(_ node: Node, _ types: [ValueType], name: String) -> ConfigValue? {
        for type in types {
            var trial = ValueDecoder(file: file)
            if let value = trial.decode(node, as: type, name: name), trial.diagnostics.isEmpty {
                return value
            }
        }
        // Report the problems of the first type whose shape fits, else a plain mismatch.
        for type in types where Self.shapeFits(node, type) {
            return decode(node, as: type, name: name)
        }
        return mismatch(node, .oneOf(types), name)
    }

    static func shapeFits(_ node: Node, _ type: ValueType) -> Bool {
        switch (node.content, type) {
        case (.mapping, .object), (.mapping, .map), (.sequence, .list), (_, .any): return true
        case (.scalar, .object), (.scalar, .map), (.scalar, .list), (.mapping, _), (.sequence, _): return false
        case (.scalar, _): return true
        }
    }

    private func decodeAny(_ node: Node) -> ConfigValue {
        let at = location(node.mark)
        switch node.content {
        case .scalar:
            switch node.resolved {
            case .null: return ConfigValue(.null, at: at)
            case .bool(let value): return ConfigValue(.bool(value), at: at)
            case .int(let value): return ConfigValue(.int(value), at: at)
            case .float(let value): return ConfigValue(.number(value), at: at)
            case .string(let text): return ConfigValue(.string(text), at: at)
            }
        case .sequence(let items):
            return ConfigValue(.list(items.map(decodeAny)), at: at)
        case .mapping(let pairs):
            return ConfigValue(.object(pairs.map {
                ConfigValue.Field(name: $0.key.scalar?.value ?? "", location: location($0.key.mark), value: decodeAny($0.value))
            }), at: at)
        }
    }

    private mutating func mismatch(_ node: Node, _ type: ValueType, _ name: String) -> ConfigValue? {
        var found = node.kindDescription
        if case .scalar(let scalar) = node.content, node.resolved != .null {
            found += " \(scalar.style == .plain && node.resolved != .string(scalar.value) ? scalar.value : "\"\(scalar.value)\"")"
        }
        error("\"\(name)\" must be \(type.phrase), not \(found)", at: node.mark)
        return nil
    }
}
