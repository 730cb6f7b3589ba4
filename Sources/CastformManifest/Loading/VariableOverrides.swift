import CastformCore

/// Values for castform.yaml's `variables` given from outside the workspace, as Terraform takes
/// them: `CASTFORM_VAR_NAME` in the environment, then `-var-file FILE.yaml` files in the order
/// given, then `-var NAME=VALUE` in the order given; a later value wins. castform.yaml's own
/// values are the defaults. None of them is a secret (`${env.X}` stays the way to pass one):
/// they are saved in plan files, so that `apply PLANFILE` applies what the plan showed.
public struct VariableOverrides: Sendable {
    /// One value, and where it came from (for messages).
    public struct Entry: Sendable {
        public var name: String
        public var text: String
        public var origin: Origin
    }

    public enum Origin: Sendable, Hashable {
        /// `CASTFORM_VAR_NAME`: ignored when castform.yaml declares no such variable, as
        /// Terraform ignores a `TF_VAR_` it has no use for.
        case environment
        /// `-var NAME=VALUE`, as typed.
        case commandLine(String)
        /// A saved plan's value (`apply PLANFILE`).
        case plan(String)
    }

    public static let environmentPrefix = "CASTFORM_VAR_"

    /// Values in the order they apply, except `-var-file` files (read by the loader, which
    /// keeps their positions): they apply after the environment and before `-var`.
    public var entries: [Entry] = []
    /// `-var-file` paths, as given (relative to the current directory).
    public var files: [String] = []
    /// Values recorded by a saved plan: these replace everything else.
    public var recorded: [String: Value]?

    public init() {}

    /// `CASTFORM_VAR_NAME=VALUE` of the environment.
    public static func environment(_ environment: [String: String]) -> VariableOverrides {
        var overrides = VariableOverrides()
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) where key.hasPrefix(environmentPrefix) {
            let name = String(key.dropFirst(environmentPrefix.count))
            if !name.isEmpty { overrides.entries.append(Entry(name: name, text: value, origin: .environment)) }
        }
        return overrides
    }

    /// Adds one `-var NAME=VALUE`; nil when it is not of that form.
    public mutating func add(commandLine argument: String) -> Bool {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return false }
        entries.append(Entry(name: String(argument[..<equals]), text: String(argument[argument.index(after: equals)...]),
                             origin: .commandLine(argument)))
        return true
    }

    public var isEmpty: Bool { entries.isEmpty && files.isEmpty && recorded == nil }
}
