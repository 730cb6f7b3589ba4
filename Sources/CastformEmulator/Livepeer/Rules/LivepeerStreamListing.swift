import Foundation

/// `GET /stream`'s selection: the caller's live streams, narrowed by `streamsonly`,
/// `sessionsonly`, `active` and `filters`, sorted by `order` (default
/// `lastSeen-true,createdAt-true`, newest first).
enum LivepeerStreamListing {
    static func select(_ streams: [LivepeerStream], call: LivepeerCall, account: LivepeerAccount) throws -> [LivepeerStream] {
        var selected = streams.filter { !$0.deleted && $0.userId == account.userId && $0.projectId == account.projectId }
        let filters = try LivepeerStreamFilters.parse(call.query("filters"))
        selected = selected.filter { stream in filters.allSatisfy { $0(stream) } }
        if isSet(call.query("active")) { selected = selected.filter(\.isActive) }
        if isSet(call.query("streamsonly")) {
            selected = selected.filter { !$0.isSession }
        } else if isSet(call.query("sessionsonly")) {
            selected = selected.filter(\.isSession)
        }
        return sorted(selected, order: call.query("order").flatMap { $0.isEmpty ? nil : $0 } ?? "lastSeen-true,createdAt-true")
    }

    /// Express flags: any non-empty value other than "false".
    static func isSet(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.isEmpty && value != "false"
    }

    /// `order=<field>-<true|false>,...`, `true` meaning descending; unknown fields are ignored.
    /// Ties keep creation order in the direction of the last key, so pages never overlap.
    static func sorted(_ streams: [LivepeerStream], order: String) -> [LivepeerStream] {
        let keys: [(field: String, descending: Bool)] = order.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: "-", maxSplits: 1)
            guard let field = pieces.first, sortableFields.contains(String(field)) else { return nil }
            return (String(field), pieces.count > 1 && pieces[1] == "true")
        }
        let tieDescending = keys.last?.descending ?? false
        return streams.sorted { a, b in
            for key in keys {
                guard let x = sortValue(a, key.field), let y = sortValue(b, key.field), x != y else { continue }
                return key.descending ? x > y : x < y
            }
            return tieDescending ? a.sequence > b.sequence : a.sequence < b.sequence
        }
    }

    private static let sortableFields: Set<String> = [
        "lastSeen", "createdAt", "name", "id", "playbackId", "isActive", "record", "suspended", "sourceSegments",
        "transcodedSegments", "sourceSegmentsDuration", "transcodedSegmentsDuration",
    ]

    private enum SortValue: Comparable {
        case number(Double)
        case text(String)
    }

    private static func sortValue(_ stream: LivepeerStream, _ field: String) -> SortValue? {
        switch field {
        case "lastSeen": return .number(Double(stream.lastSeen))
        case "createdAt": return .number(Double(stream.createdAt))
        case "name": return .text(stream.name)
        case "id": return .text(stream.id)
        case "playbackId": return .text(stream.playbackId ?? "")
        case "isActive": return .number(stream.isActive ? 1 : 0)
        case "record": return .number(stream.record == true ? 1 : 0)
        case "suspended": return .number(stream.suspended == true ? 1 : 0)
        case "sourceSegments", "transcodedSegments", "sourceSegmentsDuration", "transcodedSegmentsDuration":
            return .number(0)
        default: return nil
        }
    }
}
