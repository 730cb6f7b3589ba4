import CastformCore

/// Where a channel's API lives. The Channel API is addressed by host, not path: the guide's
/// rule is `x` + name + `x`, every `_` made a `-`, then `.api.channel.livestream.com/2.0`;
/// castform lowercases the name too, as every client does (DNS ignores case anyway).
///
/// With an `endpoint` (the emulator, `--sandbox`), the escaped host becomes the first path
/// segment instead: `ENDPOINT/xproshowcasex/2.0/info.json`, so one loopback port serves
/// every channel without DNS tricks.
enum LivestreamHost {
    /// A DNS label holds 63 characters; the two `x`s take two.
    static let maxNameLength = 61

    /// `my_Channel` → `xmy-channelx`.
    static func label(for channel: String) -> String {
        "x" + channel.replacingOccurrences(of: "_", with: "-").lowercased() + "x"
    }

    /// The base URL of a channel's API: the service's host, or a path below `endpoint`.
    static func baseURL(channel: String, endpoint: String?) -> String {
        guard var endpoint else { return "http://\(label(for: channel)).api.channel.livestream.com/2.0" }
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        return "\(endpoint)/\(label(for: channel))/2.0"
    }

    /// Whether the name can make a host name: ASCII letters, digits, `_` and `-` only.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= maxNameLength
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }

    /// The schemas' rule: a literal channel name that cannot become a host is an error at its
    /// place in the manifest (a `${...}` name is checked when it is known, by the read).
    static func checkName(_ object: ConfigValue) -> [Diagnostic] {
        guard let field = object.field("channel"), let name = field.value.string, !isValidName(name) else { return [] }
        return [Diagnostic(LivestreamProblem.badChannelName(name), at: field.value.location)]
    }
}
