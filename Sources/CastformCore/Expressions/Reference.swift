/// What a `${...}` expression names.
public enum Reference: Sendable, Hashable, CustomStringConvertible {
    /// `${env.NAME}`: an environment variable; always sensitive.
    case environment(String)
    /// `${var.NAME}`: a variable declared in castform.yaml.
    case variable(String)
    /// `${TYPE.NAME.ATTR...}` or `${data.TYPE.NAME.ATTR...}`: another resource's attribute.
    case resource(ResourceAddress, path: [PathStep])
    /// `${each.key}` or `${each.value...}` in the body of a resource with `for_each`: the
    /// instance's key, or its item (the path starts with `key` or `value`).
    case each(path: [PathStep])

    public var description: String {
        switch self {
        case .environment(let name): return "env.\(name)"
        case .variable(let name): return "var.\(name)"
        case .resource(let address, let path): return address.description + path.map(\.description).joined()
        case .each(let path): return "each" + path.map(\.description).joined()
        }
    }
}

/// One step into a value: `.attr` or `[index]`.
public enum PathStep: Sendable, Hashable, CustomStringConvertible {
    case attribute(String)
    case index(Int)

    public var description: String {
        switch self {
        case .attribute(let name): return ".\(name)"
        case .index(let index): return "[\(index)]"
        }
    }
}
