/// Validation problems of one form, by field name, as Mixcloud's `details` member reports
/// them. All problems of a request are collected, not just the first.
struct FieldErrors {
    private(set) var details: [String: [String]] = [:]

    var isEmpty: Bool { details.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        details[field, default: []].append(message)
    }

    /// Throws the collected problems as a 400, when there are any.
    func throwIfAny() throws {
        if !details.isEmpty { throw MixcloudAPIError.validation(details) }
    }

    static let required = "This field is required."
}
