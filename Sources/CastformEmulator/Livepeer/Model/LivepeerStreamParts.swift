import Foundation

/// `creatorId` as the server stores it: a plain string on input becomes
/// `{"type": "unverified", "value": ...}`.
public struct LivepeerCreatorID: Codable, Sendable, Hashable {
    public var type: String
    public var value: String

    /// From an `input-creator-id` that passed the schema (a string or the object form).
    init(json: LivepeerJSON) {
        if let value = json.stringValue {
            self.init(type: "unverified", value: value)
        } else {
            self.init(type: json["type"]?.stringValue ?? "unverified", value: json["value"]?.stringValue ?? "")
        }
    }

    init(type: String, value: String) {
        self.type = type
        self.value = value
    }

    var json: LivepeerJSON { .fields(["type": LivepeerJSON(type), "value": LivepeerJSON(value)]) }
}

/// One element of a stream's `multistream.targets` as stored and returned: the inline `spec`
/// of a request has been turned into a target resource, and only its `id` is kept.
public struct LivepeerTargetRef: Codable, Sendable, Hashable {
    public var profile: String
    /// Present only when the client sent it: the spec's default `false` is not applied.
    public var videoOnly: Bool?
    public var id: String

    var json: LivepeerJSON {
        .fields(["profile": LivepeerJSON(profile), "videoOnly": videoOnly.map { .bool($0) }, "id": LivepeerJSON(id)])
    }
}

/// `recordingSpec`: the profiles a recording is processed into. A `null` `profiles` is dropped
/// by the server, leaving `{}`.
public struct LivepeerRecordingSpec: Codable, Sendable, Hashable {
    public var profiles: [LivepeerProfile]?

    init(json: LivepeerJSON) {
        profiles = json["profiles"]?.arrayValue?.map(LivepeerProfile.init(json:))
    }

    var json: LivepeerJSON { .fields(["profiles": profiles.map { .array($0.map(\.json)) }]) }
}
