import CastformHTTP

/// Livepeer Studio's error answers (FACTS.md §1).
enum LivepeerErrors {
    /// `{"errors": ["...", ...]}`. A 422's elements are JSON-encoded schema errors
    /// (`{"instancePath": "/url", "message": "must match format \"uri\""}`), shown as
    /// `/url: must match format "uri"`. Anything else: the plain-text fallback.
    static let parse: ErrorBodyParser = { status, headers, body in
        guard let errors = JSONValue(parsing: body)?["errors"]?.array else {
            return ServiceErrors.plainText(status, headers, body)
        }
        let messages = errors.compactMap { element -> String? in
            guard let text = element.string else { return nil }
            guard let schemaError = JSONValue(parsing: Array(text.utf8)), let message = schemaError["message"]?.string else {
                return text
            }
            let path = schemaError["instancePath"]?.string ?? ""
            return path.isEmpty ? message : "\(path): \(message)"
        }
        return messages.isEmpty ? ServiceErrors.plainText(status, headers, body) : messages.joined(separator: "; ")
    }
}

/// The business rules of Livepeer's API server that castform acts on, read from its 400
/// answers (FACTS.md §1: the server has no error codes, only these sentences): recognised in
/// this one place, so that code switches on cases.
enum LivepeerRefusal: Equatable {
    /// `cannot change 'profiles' field while stream is active` (also `record`).
    case changeWhileActive(field: String)

    init?(_ error: HTTPError) {
        guard error.status == 400, let text = error.serviceMessage,
              let start = text.range(of: "cannot change '"), let end = text.range(of: "' field while stream is active"),
              start.upperBound <= end.lowerBound else { return nil }
        self = .changeWhileActive(field: String(text[start.upperBound..<end.lowerBound]))
    }
}
