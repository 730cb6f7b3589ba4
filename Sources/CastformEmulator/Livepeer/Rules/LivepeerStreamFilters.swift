import Foundation

/// `GET /stream?filters=[{"id": field, "value": ...}, ...]` (FACTS §1): strings match exactly,
/// `name` is a case-insensitive substring, booleans need a JSON boolean, numbers take
/// `{"gt"|"gte"|"lt"|"lte": n}`. An unknown field is a 400.
enum LivepeerStreamFilters {
    typealias Predicate = @Sendable (LivepeerStream) -> Bool

    static func parse(_ raw: String?) throws -> [Predicate] {
        guard let raw, !raw.isEmpty else { return [] }
        let decoded = raw.removingPercentEncoding ?? raw
        let json: LivepeerJSON
        do {
            json = try LivepeerJSONParser.parse(Data(decoded.utf8))
        } catch let error as LivepeerJSONParser.SyntaxError {
            throw LivepeerError.badRequest("error parsing filters: SyntaxError: \(error.message)")
        }
        // A non-array is iterated as nothing.
        return try (json.arrayValue ?? []).map { filter in
            let field = filter["id"]?.stringValue ?? ""
            let value = filter["value"] ?? .null
            return try predicate(field: field, value: value)
        }
    }

    private static func predicate(field: String, value: LivepeerJSON) throws -> Predicate {
        switch field {
        case "name":
            let needle = value.stringValue ?? LivepeerJSONWriter.string(value)
            return { $0.name.range(of: needle, options: .caseInsensitive) != nil }
        case "user.email":
            // The emulator's users have no e-mail address.
            return { _ in false }
        case "id", "userId", "parentId", "playbackId", "projectId", "creatorId", "pull.source":
            let wanted = value.stringValue ?? LivepeerJSONWriter.string(value)
            return { stringField($0, field) == wanted }
        case "isActive", "record", "suspended", "isHealthy":
            // Compared as JSON: anything but a boolean matches nothing.
            guard let wanted = value.boolValue else { return { _ in false } }
            return { booleanField($0, field) == wanted }
        case "lastSeen", "createdAt", "sourceSegments", "transcodedSegments", "sourceSegmentsDuration",
             "transcodedSegmentsDuration":
            return try numeric(field: field, value: value)
        default:
            throw LivepeerError.badRequest(#"error parsing filters: Error: unknown field: "\#(field)""#)
        }
    }

    private static func numeric(field: String, value: LivepeerJSON) throws -> Predicate {
        guard let comparisons = value.members else {
            let wanted = value.numberValue
            return { numberField($0, field) == wanted }
        }
        var checks: [@Sendable (Double) -> Bool] = []
        for comparison in comparisons {
            guard let limit = comparison.value.numberValue else { continue }
            switch comparison.key {
            case "gt": checks.append { $0 > limit }
            case "gte": checks.append { $0 >= limit }
            case "lt": checks.append { $0 < limit }
            case "lte": checks.append { $0 <= limit }
            default:
                // `eq` included: the server has no such comparison.
                throw LivepeerError.badRequest(#"error parsing filters: Error: unknown comparison: "\#(comparison.key)""#)
            }
        }
        let all = checks
        return { stream in all.allSatisfy { $0(numberField(stream, field)) } }
    }

    private static func stringField(_ stream: LivepeerStream, _ field: String) -> String? {
        switch field {
        case "id": return stream.id
        case "userId": return stream.userId
        case "parentId": return stream.parentId
        case "playbackId": return stream.playbackId
        case "projectId": return stream.projectId
        case "creatorId": return stream.creatorId?.value
        case "pull.source": return stream.pull?["source"]?.stringValue
        default: return nil
        }
    }

    private static func booleanField(_ stream: LivepeerStream, _ field: String) -> Bool? {
        switch field {
        case "isActive": return stream.isActive
        case "record": return stream.record
        case "suspended": return stream.suspended
        case "isHealthy": return stream.isHealthy
        default: return nil
        }
    }

    private static func numberField(_ stream: LivepeerStream, _ field: String) -> Double {
        switch field {
        case "lastSeen": return Double(stream.lastSeen)
        case "createdAt": return Double(stream.createdAt)
        default: return 0
        }
    }
}
