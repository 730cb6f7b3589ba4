/// Reads a service's explanation out of an error response; `nil` when there is none.
public typealias ErrorBodyParser = @Sendable (_ status: Int, _ headers: HeaderFields, _ body: [UInt8]) -> String?

/// The error-body formats of castform's services.
///
/// Each falls back to `plainText`, because the body of an error is not always the service's:
/// a CDN, proxy or load balancer in front of it answers with HTML, and that page's title is
/// still a better message than "could not decode JSON".
public enum ServiceErrors {
    /// Livepeer Studio: `{"errors": ["...", ...]}`. A 422's elements are JSON-encoded schema
    /// errors (`{"instancePath": "/url", "message": "must match format \"uri\""}`), shown as
    /// `/url: must match format "uri"`.
    public static let livepeer: ErrorBodyParser = { status, headers, body in
        guard let errors = JSONValue(parsing: body)?["errors"]?.array else {
            return plainText(status, headers, body)
        }
        let messages = errors.compactMap { element -> String? in
            guard let text = element.string else { return nil }
            guard let schemaError = JSONValue(parsing: Array(text.utf8)), let message = schemaError["message"]?.string else {
                return text
            }
            let path = schemaError["instancePath"]?.string ?? ""
            return path.isEmpty ? message : "\(path): \(message)"
        }
        return messages.isEmpty ? plainText(status, headers, body) : messages.joined(separator: "; ")
    }

    /// Mixcloud: `{"error": {"type": "...", "message": "..."}}`, sometimes with a top-level
    /// `"details": {field: [messages]}`, appended as `(field: message; ...)`.
    public static let mixcloud: ErrorBodyParser = { status, headers, body in
        guard let document = JSONValue(parsing: body), let error = document["error"] else {
            return plainText(status, headers, body)
        }
        guard var message = error["message"]?.string ?? error["type"]?.string else {
            return plainText(status, headers, body)
        }
        if let details = document["details"]?.object, !details.isEmpty {
            let lines = details.keys.sorted().map { field in
                let texts = details[field]?.array?.compactMap(\.string) ?? [details[field]?.string].compactMap { $0 }
                return "\(field): \(texts.joined(separator: ", "))"
            }
            message += " (\(lines.joined(separator: "; ")))"
        }
        return message
    }

    /// Any body as one short line of text (HTML reduced to its title or text); `nil` if empty.
    public static let plainText: ErrorBodyParser = { _, _, body in
        let text = PlainText.summary(of: body)
        return text.isEmpty ? nil : text
    }
}
