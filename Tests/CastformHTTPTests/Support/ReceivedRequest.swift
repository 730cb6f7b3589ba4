import Foundation

/// A request as the test server received it, in plain values.
struct ReceivedRequest: Sendable {
    var method: String
    var path: String
    /// The raw query string, still percent-encoded.
    var rawQuery: String?
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Query items, percent-decoded.
    var query: [String: String] {
        var items: [String: String] = [:]
        for pair in (rawQuery ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            items[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return items
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// What the test server answers.
struct CannedResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
    /// Real time to wait before answering (for read timeouts).
    var delay: Duration? = nil

    static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> CannedResponse {
        CannedResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: Array(text.utf8))
    }

    static func text(_ status: Int, _ text: String, contentType: String = "text/plain", headers: [(name: String, value: String)] = []) -> CannedResponse {
        CannedResponse(status: status, headers: [("Content-Type", contentType)] + headers, body: Array(text.utf8))
    }

    static func status(_ status: Int, headers: [(name: String, value: String)] = []) -> CannedResponse {
        CannedResponse(status: status, headers: headers)
    }
}
