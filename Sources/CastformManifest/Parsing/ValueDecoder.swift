import CastformCore
import YAML

/// Decodes YAML nodes against schema types into `ConfigValue`s, collecting every problem.
///
/// Decoding is where positions are turned into meaning: a wrong type, an unknown key or a
/// missing attribute is reported at the node that has it, and decoding carries on so the next
/// problem is found too. A value that cannot be decoded is left out of the result (a list keeps
/// its good items), and the objects and lists around it are recorded in `incomplete`.
struct ValueDecoder {
    let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []
    /// Objects and lists that lost a value, and those around them: see `Workspace.incomplete`.
    private(set) var incomplete: Set<SourceLocation> = []
    /// How many values were left out so far; an object or list during whose decoding this
    /// grows has lost something, directly or deeper down.
    private var dropped = 0
    /// Paths as written (with their bytes: Swift's `==` takes two spellings of `é` for one,
    /// where a file system sees two files), made relative to the root: a file's 100 shows
    /// name one audio folder.
    private(set) var resolvedPaths: [String: (written: String, resolved: String)]

    init(file: SourceFile, resolvedPaths: [String: (written: String, resolved: String)] = [:]) {
        self.file = file
        self.resolvedPaths = resolvedPaths
    }

    mutating func report(_ problem: ManifestProblem, at mark: Mark) {
        diagnostics.append(.manifest(problem, at: mark))
    }

    mutating func appendDiagnostic(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Whether `value` lost something to a decoding error.
    func isIncomplete(_ value: ConfigValue) -> Bool {
        incomplete.contains(value.location)
    }

    /// Decodes a mapping against `schema`. `extraKeys` are keys the caller handles itself (they
    /// are skipped, and offered in "did you mean"); `context` is the object, for its problems.
    /// Missing required attributes are reported at `missingAt` (a resource's name), or else at
    /// the mapping.
    mutating func decodeObject(_ node: Node, schema: ObjectSchema, context: ValueProblem.Context, extraKeys: [String] = [],
                               missingAt: Mark? = nil) -> ConfigValue {
        var fields: [ConfigValue.Field] = []
        let pairs: [Pair]
        let droppedBefore = dropped
        defer { if dropped > droppedBefore { incomplete.insert(node.mark) } }
        switch node.content {
        case .mapping(let mapping): pairs = mapping
        case .scalar where node.resolved == .null: pairs = []
        default:
            report(.value(.notAnObject(context, found: node.valueKind)), at: node.mark)
            dropped += 1
            return ConfigValue(.object([]), at: node.mark)
        }
        // Which attributes a key set, and which were written with a value (decodable or not:
        // a bad value is not also "missing"), by their place in the schema: no list per object
        // of 10,000 declarations, grown key by key.
        var seen = PositionSet()
        var present = PositionSet()
        // Exactly as many fields as keys at most: 10,000 declarations' objects are kept.
        fields.reserveCapacity(pairs.count)
        for (index, pair) in pairs.enumerated() {
            guard let key = pair.key.scalar?.value else {
                report(.value(.attributeNameNotAString(found: pair.key.valueKind)), at: pair.key.mark)
                dropped += 1
                continue
            }
            if extraKeys.contains(key) { continue }
            guard let position = schema.position(named: key) else {
                let suggestion = Suggestion.closest(to: key, in: schema.settableNames + extraKeys)
                report(.value(.unknownAttribute(key, in: context, suggestion: suggestion)), at: pair.key.mark)
                continue
            }
            let attribute = schema.attributes[position]
            guard attribute.isSettable else {
                report(.value(.computedAttribute(key)), at: pair.key.mark)
                continue
            }
            if seen.contains(position) {
                // The same key twice was reported by the YAML layer; only aliases are news here.
                let earlier = Self.firstKey(setting: position, in: pairs[..<index], schema: schema, extraKeys: extraKeys)
                if earlier == key { continue }
                report(.value(.sameAttributeTwice(key, earlier: earlier ?? key)), at: pair.key.mark)
                continue
            }
            seen.insert(position)
            // Written as null (`~`, `null`, nothing): untagged, plain and at most four bytes,
            // looked at before the scalar is resolved (every value of 10,000 shows is not null).
            if pair.value.tag == nil, let scalar = pair.value.scalar, scalar.style == .plain, scalar.value.utf8.count <= 4,
               pair.value.resolved == .null { continue }
            present.insert(position)
            if let value = decode(pair.value, as: attribute.type, slot: Slot(name: key, sensitive: attribute.sensitive, range: attribute.numericRange)) {
                fields.append(ConfigValue.Field(name: attribute.name, location: pair.key.mark, value: value))
            }
        }
        for position in schema.requiredPositions where !present.contains(position) {
            report(.value(.missingRequired(schema.attributes[position].name, in: context)), at: missingAt ?? node.mark)
        }
        return ConfigValue(.object(fields), at: node.mark)
    }

    /// The first of `pairs`' keys that sets the attribute at `position` (a settable one, as
    /// only those are recorded as set).
    private static func firstKey(setting position: Int, in pairs: ArraySlice<Pair>, schema: ObjectSchema, extraKeys: [String]) -> String? {
        pairs.lazy.compactMap { $0.key.scalar?.value }.first { key in !extraKeys.contains(key) && schema.position(named: key) == position }
    }

    mutating func decode(_ node: Node, as type: ValueType, name: String) -> ConfigValue? {
        decode(node, as: type, slot: Slot(name: name))
    }

    mutating func decode(_ node: Node, as type: ValueType, slot: Slot) -> ConfigValue? {
        let value = decodeValue(node, as: type, slot: slot)
        if value == nil { dropped += 1 }
        return value
    }

    private mutating func decodeValue(_ node: Node, as type: ValueType, slot: Slot) -> ConfigValue? {
        let at = node.mark
        // `tags: ${data.x.y.list}`: one reference substitutes a whole list or mapping; whether
        // its type fits is `InterpolationRule`'s to judge.
        if Self.isCollection(type), node.scalar != nil, case .string(let text) = node.resolved, TemplateParser.hasInterpolation(text) {
            return decodeScalar(node, as: .string, slot: slot)
        }
        switch type {
        case .any:
            return decodeAny(node, slot: slot)
        case .object(let schema):
            guard node.mapping != nil else { return mismatch(node, type, slot) }
            return decodeObject(node, schema: schema, context: .attribute(slot.name))
        case .map(let element):
            guard let pairs = node.mapping else { return mismatch(node, type, slot) }
            let droppedBefore = dropped
            var fields: [ConfigValue.Field] = []
            for pair in pairs {
                guard let key = pair.key.scalar?.value else {
                    report(.value(.mapKeyNotAString(map: slot.name, found: pair.key.valueKind)), at: pair.key.mark)
                    dropped += 1
                    continue
                }
                if let value = decode(pair.value, as: element, slot: Slot(name: key, sensitive: slot.sensitive)) {
                    fields.append(ConfigValue.Field(name: key, location: pair.key.mark, value: value))
                }
            }
            if dropped > droppedBefore { incomplete.insert(at) }
            return ConfigValue(.object(fields), at: at)
        case .list(let element):
            guard let items = node.sequence else { return mismatch(node, type, slot) }
            let droppedBefore = dropped
            let decoded = items.compactMap { decode($0, as: element, slot: slot.item) }
            if dropped > droppedBefore { incomplete.insert(at) }
            return ConfigValue(.list(decoded), at: at)
        case .oneOf(let types):
            return decodeOneOf(node, types, slot: slot)
        case .string, .int, .number, .bool, .time, .path:
            return decodeScalar(node, as: type, slot: slot)
        }
    }

    private mutating func decodeScalar(_ node: Node, as type: ValueType, slot: Slot) -> ConfigValue? {
        guard let scalar = node.scalar else { return mismatch(node, type, slot) }
        let at = node.mark
        let resolved = node.resolved
        if case .string(let text) = resolved, TemplateParser.hasInterpolation(text) {
            let origin = TemplateParser.Origin(
                location: at,
                interpolationLocations: SourceMapping.dollarBraceLocations(of: node, value: text, in: file),
                sensitiveName: slot.sensitive ? slot.name : nil)
            let parsed = TemplateParser.parse(text, origin: origin)
            diagnostics += parsed.diagnostics
            if !parsed.diagnostics.isEmpty { return nil }
            if let template = parsed.template { return ConfigValue(.template(template), at: at) }
            return decodeText(parsed.text, node: node, as: type, slot: slot)
        }
        switch (type, resolved) {
        case (.string, .string(let text)):
            return ConfigValue(.string(text), at: at)
        case (.string, .int), (.string, .float), (.string, .bool):
            return ConfigValue(.string(scalar.value), at: at)
        case (.path, .string(let text)):
            return decodeText(text, node: node, as: type, slot: slot)
        case (.int, .int(let value)):
            return ConfigValue(.int(value), at: at)
        case (.int, .float(let value)) where value == value.rounded() && abs(value) < 9e15:
            return ConfigValue(.int(Int(value)), at: at)
        case (.int, .float(let value)) where value.isFinite && value == value.rounded():
            return outOfRange(node, slot)
        case (.time, .float(let value)) where value.isFinite && value == value.rounded() && abs(value) >= 9e15:
            return outOfRange(node, slot)
        case (.number, .int(let value)):
            return ConfigValue(.number(Double(value)), at: at)
        case (.number, .float(let value)) where value.isFinite:
            return ConfigValue(.number(value), at: at)
        case (.number, .float(let value)) where value.isInfinite:
            return outOfRange(node, slot, otherwise: .finite)
        case (.bool, .bool(let value)):
            return ConfigValue(.bool(value), at: at)
        case (.time, .int(let value)):
            guard value >= 0 else {
                report(.value(.badTime(scalar.value, .negative)), at: node.mark)
                return nil
            }
            return ConfigValue(.int(value), at: at)
        case (.time, .string(let text)):
            return decodeText(text, node: node, as: type, slot: slot)
        default:
            return mismatch(node, type, slot)
        }
    }

    /// Strings that need reading: times and paths.
    private mutating func decodeText(_ text: String, node: Node, as type: ValueType, slot: Slot) -> ConfigValue? {
        let at = node.mark
        switch type {
        case .time:
            switch TimeParser.seconds(from: text) {
            case .success(let seconds): return ConfigValue(.int(seconds), at: at)
            case .failure(let failure):
                report(.value(.badTime(text, failure)), at: node.mark)
                return nil
            }
        case .path:
            guard !text.isEmpty else {
                report(.value(.emptyPath(slot.subject)), at: node.mark)
                return nil
            }
            if let known = resolvedPaths[text], known.written.utf8.elementsEqual(text.utf8) {
                return ConfigValue(.string(known.resolved), at: at)
            }
            let resolved = WorkspacePath.resolve(text, from: file.relativePath)
            if resolvedPaths[text] == nil { resolvedPaths[text] = (text, resolved) }
            return ConfigValue(.string(resolved), at: at)
        default:
            return ConfigValue(.string(text), at: at)
        }
    }

    private mutating func decodeOneOf(_ node: Node, _ types: [ValueType], slot: Slot) -> ConfigValue? {
        for type in types {
            var trial = ValueDecoder(file: file)
            if let value = trial.decode(node, as: type, slot: slot), trial.diagnostics.isEmpty {
                return value
            }
        }
        // Report the problems of the first type whose shape fits, else a plain mismatch.
        for type in types where Self.shapeFits(node, type) {
            return decodeValue(node, as: type, slot: slot)
        }
        return mismatch(node, .oneOf(types), slot)
    }

    static func shapeFits(_ node: Node, _ type: ValueType) -> Bool {
        switch (node.content, type) {
        case (.mapping, .object), (.mapping, .map), (.sequence, .list), (_, .any): return true
        case (.scalar, .object), (.scalar, .map), (.scalar, .list), (.mapping, _), (.sequence, _): return false
        case (.scalar, _): return true
        }
    }

    static func isCollection(_ type: ValueType) -> Bool {
        switch type {
        case .list, .map, .object: return true
        default: return false
        }
    }

    /// Any value as written; a string with `${...}` is a template, as anywhere else.
    private mutating func decodeAny(_ node: Node, slot: Slot) -> ConfigValue {
        let at = node.mark
        switch node.content {
        case .scalar:
            if case .string(let text) = node.resolved, TemplateParser.hasInterpolation(text) {
                return decodeScalar(node, as: .string, slot: slot) ?? ConfigValue(.string(text), at: at)
            }
            switch node.resolved {
            case .null: return ConfigValue(.null, at: at)
            case .bool(let value): return ConfigValue(.bool(value), at: at)
            case .int(let value): return ConfigValue(.int(value), at: at)
            case .float(let value): return ConfigValue(.number(value), at: at)
            case .string(let text): return ConfigValue(.string(text), at: at)
            }
        case .sequence(let items):
            var decoded: [ConfigValue] = []
            for item in items { decoded.append(decodeAny(item, slot: slot.item)) }
            return ConfigValue(.list(decoded), at: at)
        case .mapping(let pairs):
            var fields: [ConfigValue.Field] = []
            for pair in pairs {
                let name = pair.key.scalar?.value ?? ""
                fields.append(ConfigValue.Field(name: name, location: pair.key.mark, value: decodeAny(pair.value, slot: Slot(name: name))))
            }
            return ConfigValue(.object(fields), at: at)
        }
    }

    /// A number the right type could hold but for its size (`fps: 99999999999999999999`,
    /// `bitrate: 1e300`, `refresh_interval: .inf`): reported against the attribute's range,
    /// quoted as written, never converted (the conversion would trap).
    private mutating func outOfRange(_ node: Node, _ slot: Slot, otherwise: ValueProblem.Bound = .integer) -> ConfigValue? {
        let written = slot.sensitive ? nil : node.scalar?.value ?? ""
        var bound = otherwise
        if let range = slot.range, range.min != nil || range.max != nil {
            bound = .range(NumberRange(min: range.min, max: range.max))
        }
        report(.value(.numberTooLarge(slot.subject, bound: bound, written: written)), at: node.mark)
        return nil
    }

    /// A value of another kind than `type`: quoted as written, unless it is sensitive.
    private mutating func mismatch(_ node: Node, _ type: ValueType, _ slot: Slot) -> ConfigValue? {
        let written = node.resolved == .null || slot.sensitive ? nil : node.scalar
        report(.value(.wrongType(slot.subject, expected: ExpectedType(type), found: node.valueKind, written: written)), at: node.mark)
        return nil
    }
}

/// Places of one schema's attributes: a word of bits for the first 64 (every schema castform
/// has), a set past them.
private struct PositionSet {
    private var bits: UInt64 = 0
    private var more: Set<Int> = []

    func contains(_ position: Int) -> Bool {
        position < 64 ? bits & (1 << UInt64(position)) != 0 : more.contains(position)
    }

    mutating func insert(_ position: Int) {
        if position < 64 { bits |= 1 << UInt64(position) } else { more.insert(position) }
    }
}
