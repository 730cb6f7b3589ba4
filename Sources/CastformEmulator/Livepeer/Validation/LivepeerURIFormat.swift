import Foundation

/// The `format: uri` check of ajv-formats, which the server adds to Ajv, and the WHATWG URL
/// parse (`new URL(...)`) the server runs after it on multistream and webhook URLs.
enum LivepeerURIFormat {
    /// ajv-formats' full-mode `uri`: an absolute URI by RFC 3986 (IPv6 literals loosened).
    static func matches(_ string: String, format: String) -> Bool {
        guard format == "uri" else { return true }
        guard string.contains("/") || string.contains(":") else { return false }
        return string.range(of: uriPattern, options: [.regularExpression, .caseInsensitive]) != nil
    }

    private static let unreserved = #"a-z0-9\-._~!$&'()*+,;="#
    private static let pct = "%[0-9a-f]{2}"
    private static let segment = "(?:[\(unreserved):@]|\(pct))*"
    private static let ipv4 = #"(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)"#
    private static let uriPattern =
        "^(?:[a-z][a-z0-9+\\-.]*:)"
        + "(?:\\/?\\/(?:(?:[\(unreserved):]|\(pct))*@)?"
        + "(?:\\[(?:[0-9a-f:.]+|v[0-9a-f]+\\.[\(unreserved):]+)\\]|\(ipv4)|(?:[\(unreserved)]|\(pct))*)"
        + "(?::\\d*)?(?:\\/\(segment))*"
        + "|\\/(?:(?:[\(unreserved):@]|\(pct))+(?:\\/\(segment))*)?"
        + "|(?:[\(unreserved):@]|\(pct))+(?:\\/\(segment))*)"
        + "(?:\\?(?:[\(unreserved):@/?]|\(pct))*)?"
        + "(?:#(?:[\(unreserved):@/?]|\(pct))*)?$"

    private static let defaultsSpecial: Set<String> = ["http", "https", "ws", "wss", "ftp"]

    /// The authority (`host[:port]`) as WHATWG `URL.host` gives it, or `nil` where `new URL()`
    /// throws: a port above 65535, or no host for http(s), whose scheme requires one.
    static func whatwgHost(_ string: String) -> String? {
        guard let schemeEnd = string.range(of: "://") else { return nil }
        let scheme = string[..<schemeEnd.lowerBound].lowercased()
        let rest = string[schemeEnd.upperBound...]
        var authority = rest.prefix { !"/?#".contains($0) }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = String(authority)
        var port: String?
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            host = String(authority[..<colon])
            port = String(authority[authority.index(after: colon)...])
        }
        if let port, !port.isEmpty {
            guard let number = Int(port), number <= 65535 else { return nil }
            let defaults = ["http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21]
            if defaults[scheme] != number { host += ":\(number)" }
        }
        if ["http", "https"].contains(scheme), host.isEmpty { return nil }
        // Special schemes lowercase the host; others (rtmp, srt) keep it as written.
        return defaultsSpecial.contains(scheme) ? host.lowercased() : host
    }
}
