/// The stable name of a resource: `type.name`, or `data.type.name` for a data source, and for
/// one instance of a `for_each` resource `type.name["key"]`.
///
/// It never changes when a title changes; state finds the remote object by it. Instance keys
/// are written as Terraform prints them (quoted, `"` and `\` escaped), so addresses copied
/// from a plan work in `--target`, `state mv` and `import` as they would in Terraform.
public struct ResourceAddress: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Mode: String, Sendable, Hashable, Codable {
        case managed, data
    }

    public var mode: Mode
    public var type: String
    public var name: String
    /// The `for_each` key of one instance; nil for a resource without `for_each` (and for the
    /// declaration itself, which stands for all its instances).
    public var key: String?

    public init(_ mode: Mode = .managed, type: String, name: String, key: String? = nil) {
        self.mode = mode
        self.type = type
        self.name = name
        self.key = key
    }

    public var description: String {
        let base = mode == .data ? "data.\(type).\(name)" : "\(type).\(name)"
        return key.map { base + Self.quotedKey($0) } ?? base
    }

    /// The declaration's address: this one without its instance key.
    public var declaration: ResourceAddress {
        ResourceAddress(mode, type: type, name: name)
    }

    /// The instance of this declaration named by `key`.
    public func instance(_ key: String) -> ResourceAddress {
        ResourceAddress(mode, type: type, name: name, key: key)
    }

    /// `["key"]`, with `"` and `\` escaped as Terraform prints instance keys.
    public static func quotedKey(_ key: String) -> String {
        var text = "[\""
        for character in key {
            if character == "\\" || character == "\"" { text.append("\\") }
            text.append(character)
        }
        return text + "\"]"
    }

    /// Parses `type.name`, `data.type.name`, either followed by `["key"]`.
    public init?(parsing text: String) {
        if let plain = Self.plain(text) {
            self = plain
            return
        }
        guard let (address, rest) = Self.parsePrefix(text), rest.isEmpty else { return nil }
        self = address
    }

    /// `TYPE.NAME` of a managed resource without a key, read on its bytes: how state names
    /// nearly every object (10,000 of them per load). nil for anything else, which
    /// `parsePrefix` reads.
    private static func plain(_ text: String) -> ResourceAddress? {
        let bytes = text.utf8
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let type = bytes[..<dot], name = bytes[bytes.index(after: dot)...]
        guard isValidName(type), isValidName(name), !type.elementsEqual("data".utf8) else { return nil }
        return ResourceAddress(.managed, type: String(Substring(type)), name: String(Substring(name)))
    }

    /// `isValidName` on bytes: ASCII letters, digits, `_` and `-`, not starting with a digit or `-`.
    private static func isValidName(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// The address at the start of `text` and what follows it (`.playback_id` of
    /// `TYPE.NAME.ATTR`): nil when `text` starts with no address.
    public static func parsePrefix(_ text: String) -> (ResourceAddress, rest: Substring)? {
        var rest = Substring(text)
        func name() -> String? {
            let taken = rest.prefix { $0 != "." && $0 != "[" }
            guard isValidName(String(taken)) else { return nil }
            rest = rest.dropFirst(taken.count)
            return String(taken)
        }
        func dot() -> Bool {
            guard rest.first == "." else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard var first = name(), dot(), var second = name() else { return nil }
        var mode = Mode.managed
        if first == "data", dot() {
            guard let third = name() else { return nil }
            mode = .data
            (first, second) = (second, third)
        }
        var address = ResourceAddress(mode, type: first, name: second)
        if rest.hasPrefix("[") {
            guard let (key, after) = parseKey(rest) else { return nil }
            address.key = key
            rest = after
        }
        return (address, rest)
    }

    /// `["key"]` at the start of `text`: the key unescaped, and what follows.
    public static func parseKey(_ text: Substring) -> (String, Substring)? {
        guard text.hasPrefix("[\"") else { return nil }
        var key = ""
        var index = text.index(text.startIndex, offsetBy: 2)
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
                key.append(text[index])
            } else if character == "\"" {
                let close = text.index(after: index)
                guard close < text.endIndex, text[close] == "]" else { return nil }
                return (key, text[text.index(after: close)...])
            } else {
                key.append(character)
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Names start with a letter or `_`, then letters, digits, `_` and `-` (as Terraform).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// The name and key, not the type: addresses are hashed several times per object of a
    /// plan, and the type is the longest part and the same for most.
    /// Addresses that differ only in type or mode (`x.main`, `y.main`, `data.x.main`: as many
    /// as there are types) share a hash; equality still compares every part.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(key)
    }

    public static func < (a: ResourceAddress, b: ResourceAddress) -> Bool {
        a.description < b.description
    }

    /// Written as its text, `type.name` or `type.name["key"]`, in state and plan files.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let address = ResourceAddress(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not an address")
        }
        self = address
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
