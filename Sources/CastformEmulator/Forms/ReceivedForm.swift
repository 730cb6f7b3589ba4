import Foundation

/// A form as a route received it: text fields in arrival order and the file parts it stored.
///
/// A field name may repeat; the last value counts, as in Django's `QueryDict`, which serves
/// Mixcloud's forms.
struct ReceivedForm {
    var fields: [(name: String, value: String)] = []
    /// File parts by field name (the last one of a name wins; earlier ones are deleted).
    var files: [String: ReceivedFile] = [:]

    subscript(name: String) -> String? {
        fields.last { $0.name == name }?.value
    }

    /// Whether a text field or a file part of this name was sent.
    func contains(_ name: String) -> Bool {
        files[name] != nil || fields.contains { $0.name == name }
    }

    /// The distinct names of the text fields.
    var fieldNames: Set<String> {
        Set(fields.map(\.name))
    }

    /// Removes the stored files, for a request that failed validation.
    func deleteFiles() {
        for file in files.values { file.delete() }
    }

    /// A form from `application/x-www-form-urlencoded` text.
    init(urlEncoded text: String) {
        fields = FormURLEncoded.parse(text)
    }

    init() {}
}

/// One file part: where it was stored (when it was), how big it was and its SHA-256.
struct ReceivedFile: Sendable {
    /// Nil when the part was not kept: a field that takes no file, or over its size limit.
    var url: URL?
    var filename: String
    var contentType: String?
    /// Every byte received, also those beyond the limit that were not stored.
    var byteCount: Int64
    /// Hex SHA-256 of the stored bytes (of all bytes when `url` is set).
    var sha256: String
    var exceededLimit: Bool

    func delete() {
        if let url { try? FileManager.default.removeItem(at: url) }
    }
}
