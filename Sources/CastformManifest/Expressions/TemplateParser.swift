import CastformCore

/// Finds `${...}` in a string and parses each into a `Reference`.
///
/// Grammar: `env.NAME`, `var.NAME`, `TYPE.NAME.ATTR`, `data.TYPE.NAME.ATTR`, where the attribute
/// may continue with `.key` and `[index]`. `$${` writes a literal `${`.
public enum TemplateParser {
    /// Where a string is written, to place each `${`, and whether its text may be quoted.
    public struct Origin {
        public var location: SourceLocation
        /// Where each `${` of the text is written, in order, escaped `$${` included. When nil,
        /// the text is taken to be written as it reads on one line, starting at `location`.
        public var interpolationLocations: [SourceLocation]?
        /// Set when the text is a sensitive attribute's value (a stream URL with its key in it).
        /// Messages never quote the text around an expression; for a sensitive value, an
        /// unterminated `${` is not quoted at all (where its expression would end is a guess,
        /// and the guess could run into the secret): the message names this attribute instead.
        public var sensitiveName: String?

        public init(location: SourceLocation, interpolationLocations: [SourceLocation]? = nil, sensitiveName: String? = nil) {
            self.location = location
            self.interpolationLocations = interpolationLocations
            self.sensitiveName = sensitiveName
        }
    }

    /// nil when the text has no `${` (or only escaped ones, which come back unescaped in `text`).
    public static func parse(_ text: String, origin: Origin) -> (template: Template?, text: String, diagnostics: [Diagnostic]) {
        guard hasInterpolation(text) else { return (nil, text, []) }
        let characters = Array(text)
        var parts: [Template.Part] = []
        var literal = ""
        var diagnostics: [Diagnostic] = []
        var index = 0
        // Every `${` of the text, escaped ones included, in order: the rank of one among them
        // finds it among the source's (see `Origin.interpolationLocations`).
        let pairs = characters.indices.dropLast().filter { characters[$0] == "$" && characters[$0 + 1] == "{" }
        while index < characters.count {
            if characters[index] == "$" {
                // `$${` is an escaped `${`.
                if index + 2 < characters.count, characters[index + 1] == "$", characters[index + 2] == "{" {
                    literal += "${"
                    index += 3
                    continue
                }
                if index + 1 < characters.count, characters[index + 1] == "{" {
                    let location = position(of: index, rank: pairs.firstIndex(of: index) ?? 0, origin: origin)
                    guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                        diagnostics.append(.manifest(.expression(unterminated(characters[(index + 2)...], origin: origin)), at: location))
                        return (nil, text, diagnostics)
                    }
                    let body = String(characters[(index + 2)..<close])
                    switch parseReference(body) {
                    case .success(let reference):
                        if !literal.isEmpty { parts.append(.literal(literal)) }
                        literal = ""
                        parts.append(.interpolation(reference, at: location))
                    case .failure(let problem):
                        diagnostics.append(.manifest(.expression(problem), at: location))
                    }
                    index = close + 1
                    continue
                }
            }
            literal.append(characters[index])
            index += 1
        }
        if !diagnostics.isEmpty { return (nil, text, diagnostics) }
        if parts.isEmpty { return (nil, literal, []) }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return (Template(parts: parts), text, [])
    }

    /// Whether `text` contains `${` — a byte scan: this runs for every string of every manifest.
    public static func hasInterpolation(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") { return true }
            previous = byte
        }
        return false
    }

    /// An unterminated `${`: quoting what follows it could print a secret, or a whole paragraph,
    /// so only the expression-like characters right after it are quoted (`${var.region`), and
    /// for a sensitive value nothing is.
    static func unterminated(_ rest: ArraySlice<Character>, origin: Origin) -> ExpressionProblem {
        if let name = origin.sensitiveName { return .unterminatedInSensitive(attribute: name) }
        return .unterminated(start: String(rest.prefix { isExpressionCharacter($0) }))
    }

    static func isExpressionCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_-.[]".contains(character)
    }

    /// Parses what is between `${` and `}`.
    public static func parseReference(_ body: String) -> Result<Reference, ExpressionProblem> {
        let trimmed = body.trimmingWhitespace()
        let fail = ExpressionProblem.malformed(body: body)
        guard let steps = splitPath(trimmed), case .attribute(let head)? = steps.first else { return .failure(fail) }
        let names = steps.dropFirst()
        func name(_ step: PathStep?) -> String? {
            if case .attribute(let name)? = step { return name }
            return nil
        }
        switch head {
        case "env", "var":
            guard names.count == 1, let variable = name(names.first), isIdentifier(variable) else {
                return .failure(.needsOneName(body: body, prefix: head))
            }
            return .success(head == "env" ? .environment(variable) : .variable(variable))
        case "each":
            guard let first = name(names.first), first == "key" ? names.count == 1 : first == "value" else {
                return .failure(.malformedEach(body: body))
            }
            return .success(.each(path: Array(names)))
        case "data":
            if let keyed = instanceReference(trimmed) { return keyed }
            let rest = Array(names)
            guard rest.count >= 3, let type = name(rest[0]), let resource = name(rest[1]), name(rest[2]) != nil,
                  ResourceAddress.isValidName(type), ResourceAddress.isValidName(resource)
            else {
                return .failure(.malformedDataReference(body: body))
            }
            return .success(.resource(ResourceAddress(.data, type: type, name: resource), path: Array(rest[2...])))
        default:
            if let keyed = instanceReference(trimmed) { return keyed }
            let rest = Array(names)
            guard rest.count >= 2, let resource = name(rest[0]), name(rest[1]) != nil,
                  ResourceAddress.isValidName(head), ResourceAddress.isValidName(resource)
            else { return .failure(fail) }
            return .success(.resource(ResourceAddress(.managed, type: head, name: resource), path: Array(rest[1...])))
        }
    }

    /// A reference to one instance of a `for_each` resource, `TYPE.NAME["KEY"].ATTR`; nil
    /// when the text names no instance.
    static func instanceReference(_ text: String) -> Result<Reference, ExpressionProblem>? {
        guard let (address, rest) = ResourceAddress.parsePrefix(text), address.key != nil else { return nil }
        guard rest.first == ".", let path = splitPath(String(rest.dropFirst())), case .attribute? = path.first else {
            return .failure(.malformed(body: text))
        }
        return .success(.resource(address, path: path))
    }

    /// `a.b[0].c["d e"]` into steps (a quoted key is a step by name); nil if malformed.
    static func splitPath(_ text: String) -> [PathStep]? {
        var steps: [PathStep] = []
        var current = ""
        var characters = Substring(text)
        func flushName() -> Bool {
            guard !current.isEmpty else { return false }
            steps.append(.attribute(current))
            current = ""
            return true
        }
        var afterIndex = false
        while let character = characters.first {
            characters = characters.dropFirst()
            switch character {
            case ".":
                if afterIndex { afterIndex = false; continue }
                guard flushName() else { return nil }
            case "[":
                if !afterIndex { guard flushName() else { return nil } }
                if characters.first == "\"" {
                    guard let (key, after) = ResourceAddress.parseKey("[" + characters) else { return nil }
                    steps.append(.attribute(key))
                    characters = after
                } else {
                    guard let close = characters.firstIndex(of: "]"), let index = Int(characters[..<close]), index >= 0 else { return nil }
                    steps.append(.index(index))
                    characters = characters[characters.index(after: close)...]
                }
                afterIndex = true
                if let next = characters.first, next != ".", next != "[" { return nil }
            default:
                guard character.isLetter || character.isNumber || character == "_" || character == "-" else { return nil }
                if afterIndex { return nil }
                current.append(character)
            }
        }
        if afterIndex { return steps }
        return flushName() ? steps : nil
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
    }

    /// Where the `${` at `index`, the `rank`-th of the text, is written.
    static func position(of index: Int, rank: Int, origin: Origin) -> SourceLocation {
        guard let locations = origin.interpolationLocations else {
            var location = origin.location
            location.column += index
            return location
        }
        return rank < locations.count ? locations[rank] : origin.location
    }
}
