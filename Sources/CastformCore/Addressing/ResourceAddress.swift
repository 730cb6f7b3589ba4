/// The stable name of a resource: `type.name`, or `data.type.name` for a data source.
///
/// It never changes when a title changes; state finds the remote object by it.
public struct ResourceAddress: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Mode: String, Sendable, Hashable, Codable {
        case managed, data
    }

    public var mode: Mode
    public var type: String
    public var name: String

    public init(_ mode: Mode = .managed, type: String, name: String) {
        self.mode = mode
        self.type = type
        self.name = name
    }

    public var description: String {
        mode == .data ? "data.\(type).\(name)" : "\(type).\(name)"
    }

    /// Parses `type.name` or `data.type.name`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 2 where parts.allSatisfy(ResourceAddress.isValidName):
            self.init(.managed, type: parts[0], name: parts[1])
        case 3 where parts[0] == "data" && parts.dropFirst().allSatisfy(ResourceAddress.isValidName):
            self.init(.data, type: parts[1], name: parts[2])
        default:
            return nil
        }
    }

    /// Names start with a letter or `_`, then letters, digits, `_` and `-` (as Terraform).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    public static func < (a: ResourceAddress, b: ResourceAddress) -> Bool {
        a.description < b.description
    }

    /// Written as its text, `type.name`, in state and plan files.
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
