extension HTTPRequest {
    /// The full URL of this request below `baseURL` (which may carry a path prefix, such as
    /// `https://api.example.org/v2`), with path and query encoded.
    public func url(relativeTo baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let path = path.hasPrefix("/") ? path : "/" + path
        var url = base + PercentEncoding.path(path)
        if !query.isEmpty {
            url += "?" + PercentEncoding.query(query)
        }
        return url
    }
}
