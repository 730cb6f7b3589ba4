import CastformCore
import YAML

// The words for the facts that the sentences of `ManifestProblem+Message.swift` share: kinds
// of values, types, sizes, suggestions. Only those sentences use them.

/// Small wording helpers.
enum Words {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// `; did you mean "x"?`, or nothing without a suggestion.
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// `"a"`, `"a" or "b"`, `"a", "b" and "c"`.
    static func list(_ items: [String], joiner: String, quoted: Bool = true) -> String {
        let shown = quoted ? items.map { "\"\($0)\"" } : items
        guard let last = shown.last, shown.count > 1 else { return shown.joined() }
        return shown.dropLast().joined(separator: ", ") + " \(joiner) " + last
    }

    /// 4 GiB, 10 MiB, 12.5 MiB: binary units, as the services document their limits.
    static func bytes(_ count: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(count) bytes" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }

    /// Two uppercase hex digits: `E9`, `0A`.
    static func hex(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return hex.count == 1 ? "0" + hex : hex
    }

    /// A whole number without its `.0`; anything else as Swift prints it.
    static func number(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// `.profiles[0].name`.
    static func steps(_ path: [PathStep]) -> String {
        path.map(\.description).joined()
    }

    /// A scalar found where another type belongs: a number or boolean as written, text quoted.
    static func asWritten(_ scalar: Scalar, _ kind: ValueKind) -> String {
        scalar.style == .plain && kind != .string ? scalar.value : "\"\(scalar.value)\""
    }
}

extension ValueKind {
    var phrase: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .list: "a list"
        case .object: "a mapping"
        case .unknown: "not known yet"
        }
    }
}

extension ExpectedType {
    /// "a string", "a list of mappings", "a string or a list of strings".
    var phrase: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .number: "a number"
        case .bool: "true or false"
        case .time: "a time (seconds, m:ss or h:mm:ss)"
        case .path: "a file path"
        case .list(let element): "a list of \(element.pluralPhrase)"
        case .map, .object: "a mapping"
        case .any: "a value"
        case .oneOf(let types): types.map(\.phrase).joined(separator: " or ")
        }
    }

    private var pluralPhrase: String {
        switch self {
        case .string: "strings"
        case .int: "integers"
        case .number: "numbers"
        case .bool: "booleans"
        case .time: "times"
        case .path: "file paths"
        case .list: "lists"
        case .map, .object: "mappings"
        case .any, .oneOf: "values"
        }
    }
}

extension ManifestProblem.Subject {
    /// `"tags"`, or `each item of "tags"`.
    var phrase: String {
        switch self {
        case .named(let name): "\"\(name)\""
        case .eachItem(of: let name): "each item of \"\(name)\""
        }
    }

    /// `"title"`, or `an item of "tags"`: the one value that breaks a limit.
    var oneItemPhrase: String {
        switch self {
        case .named(let name): "\"\(name)\""
        case .eachItem(of: let name): "an item of \"\(name)\""
        }
    }
}

extension ManifestProblem.Substitution {
    var phrase: String {
        switch self {
        case .reference(let reference): "${\(reference)}"
        case .template(let written): "\"\(written)\""
        }
    }
}

extension ValueProblem.Context {
    var phrase: String {
        switch self {
        case .resource(let address): address.description
        case .document(let type): "this \(type)"
        case .lifecycle: "lifecycle"
        case .setting(let name): name
        case .provider(let name): "provider \(name)"
        case .attribute(let name): "\"\(name)\""
        }
    }
}

extension ValueProblem.Bound {
    var phrase: String {
        switch self {
        case .range(let range): range.phrase
        case .integer: "between \(Int.min) and \(Int.max)"
        case .finite: "a finite number"
        }
    }
}

extension NumberRange {
    /// "between 0 and 44", "at least 128", "at most 1000".
    var phrase: String {
        switch (min, max) {
        case let (low?, high?): "between \(Words.number(low)) and \(Words.number(high))"
        case let (low?, nil): "at least \(Words.number(low))"
        case let (nil, high?): "at most \(Words.number(high))"
        case (nil, nil): "any number"
        }
    }
}

extension ConstraintProblem.Number {
    var phrase: String {
        switch self {
        case .int(let int): String(int)
        case .real(let number): Words.number(number)
        }
    }
}

extension TimeParser.Failure {
    var phrase: String {
        switch self {
        case .negative: "a start time cannot be negative"
        case .malformed: "use seconds (174), m:ss (2:54) or h:mm:ss (1:02:03)"
        case .secondsOutOfRange: "seconds must be 00 to 59"
        case .minutesOutOfRange: "minutes must be 00 to 59"
        }
    }
}

extension FileKind {
    /// ", which is a FIFO (named pipe), not a regular file"; a directory is simply "not a file".
    var whichIsNotAFile: String {
        switch self {
        case .regular: ""
        case .directory: ", which is a directory, not a file"
        case .other: ", which is not a file castform can read"
        case .characterDevice: ", which is a character device, not a regular file"
        case .blockDevice: ", which is a block device, not a regular file"
        case .fifo: ", which is a FIFO (named pipe), not a regular file"
        case .socket: ", which is a socket, not a regular file"
        }
    }
}

extension WorkspaceFileCheck.Escape {
    /// What comes between the path and "outside the workspace".
    var phrase: String {
        switch self {
        case .written: ""
        case .link(let target): "a link to \(target), "
        }
    }
}

extension ResourceAddress {
    /// The same type and name on the other side of `data.`.
    var otherMode: ResourceAddress {
        ResourceAddress(mode == .managed ? .data : .managed, type: type, name: name)
    }
}

extension VariableOverrides.Origin {
    /// How the value was given.
    var phrase: String {
        switch self {
        case .environment: "the environment"
        case .commandLine(let argument): "-var \(argument)"
        case .plan(let path): "the plan \(path)"
        }
    }
}

extension OverrideProblem.Source {
    var phrase: String {
        switch self {
        case .origin(let origin): origin.phrase
        case .variablesFile: "this variables file"
        }
    }
}

extension OverrideProblem.Expected {
    var phrase: String {
        switch self {
        case .bool: "true or false"
        case .int: "a whole number"
        case .number: "a number"
        case .yamlValue: "a YAML value"
        case .list: "a list, as [a, b]"
        case .mapping: "a mapping, as {key: value}"
        }
    }
}
