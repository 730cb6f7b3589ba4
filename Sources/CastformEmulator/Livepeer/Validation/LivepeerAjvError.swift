import Foundation

/// One schema violation, shaped like an Ajv 8 error object.
///
/// The server answers a schema failure with 422 `{"errors": [JSON.stringify(ajvError), ...]}`
/// (FACTS §1, §7): each element is a *string* holding this object as JSON, members in Ajv's
/// order, e.g. `{"instancePath":"/url","schemaPath":"#/properties/url/pattern",
/// "keyword":"pattern","params":{"pattern":"^http(s)?://"},"message":"must match pattern ..."}`.
struct LivepeerAjvError: Sendable, Equatable {
    var instancePath: String
    var schemaPath: String
    var keyword: String
    var params: LivepeerJSON
    var message: String

    /// The string the server puts in `errors`.
    var stringified: String {
        LivepeerJSONWriter.string(.object([
            .init("instancePath", .string(instancePath)),
            .init("schemaPath", .string(schemaPath)),
            .init("keyword", .string(keyword)),
            .init("params", params),
            .init("message", .string(message)),
        ]))
    }
}
