import CastformCore

/// A stream between castform's attributes and the API's JSON.
///
/// castform owns two user tags, `castform_address` and `castform_lineage`: they let a create
/// whose answer was lost be found again, and they are merged into what the manifest sets and
/// hidden from what it reads, so they never show in a diff.
enum LivepeerStreamMapping {
    static let addressTag = "castform_address"
    static let lineageTag = "castform_lineage"
    /// Attributes the API takes on create (all settable ones; `suspended` only by PATCH).
    static let createFields = ["name", "profiles", "record", "recording_spec", "playback_policy", "multistream",
                               "pull", "user_tags", "creator_id"]
    static let patchFields = ["name", "profiles", "record", "recording_spec", "playback_policy", "multistream",
                              "user_tags", "creator_id", "suspended"]

    static func tags(_ desired: [String: Value], address: ResourceAddress, lineage: String) -> Value {
        var tags = LivepeerWire.fields(desired["user_tags"]?.unmarked)
        tags[addressTag] = .string(address.description)
        tags[lineageTag] = .string(lineage)
        return .object(tags)
    }

    static func createBody(_ desired: [String: Value], address: ResourceAddress, lineage: String) -> Value {
        var body: [String: Value] = [:]
        for name in createFields { if let value = desired[name], value != .null { body[LivepeerWire.camel(name)] = LivepeerWire.toAPI(value) } }
        body["userTags"] = tags(desired, address: address, lineage: lineage)
        return .object(body)
    }

    /// PATCH replaces each top-level field wholesale, so every changed field goes whole.
    static func patchBody(_ desired: [String: Value], changed: [String], address: ResourceAddress, lineage: String) -> Value {
        var body: [String: Value] = [:]
        for name in changed where patchFields.contains(name) {
            body[LivepeerWire.camel(name)] = name == "user_tags"
                ? tags(desired, address: address, lineage: lineage) : LivepeerWire.toAPI(desired[name] ?? .null)
        }
        return .object(body)
    }

    /// The stream's castform tags, if it has them.
    static func identity(_ json: Value) -> (address: String?, lineage: String?) {
        let tags = LivepeerWire.fields(json["userTags"])
        return (tags[addressTag]?.stringValue, tags[lineageTag]?.stringValue)
    }

    /// The stream as castform sees it. `hint` is what castform last knew (state, or what it
    /// just sent): it keeps the manifest's spelling where the server rewrites an equal value
    /// (a creator id string stored as `{type: unverified, value}`, an inline target's spec
    /// stored as the id of the target the server made from it).
    static func decode(_ json: Value, hint: [String: Value], inlineTargets: [Value]) -> RemoteObject {
        let id = json["id"]?.stringValue ?? ""
        var attributes: [String: Value] = [:]
        for name in ["name", "profiles", "record", "recording_spec", "pull", "suspended"] {
            if let value = json[LivepeerWire.camel(name)], value != .null { attributes[name] = LivepeerWire.fromAPI(value) }
        }
        attributes["record"] = attributes["record"] ?? .bool(false)
        attributes["suspended"] = attributes["suspended"] ?? .bool(false)
        if var pull = attributes["pull"].map(LivepeerWire.fields), let headers = pull["headers"] {
            pull["headers"] = .sensitive(headers)
            attributes["pull"] = .object(pull)
        }
        // An absent (or null) policy means public.
        let policy = json["playbackPolicy"] ?? .null
        attributes["playback_policy"] = policy == .null ? .object(["type": .string("public")]) : LivepeerWire.fromAPI(policy)
        attributes["multistream"] = multistream(json["multistream"], hint: hint["multistream"], inlineTargets: inlineTargets)
        var tags = LivepeerWire.fields(json["userTags"])
        tags[addressTag] = nil
        tags[lineageTag] = nil
        if !tags.isEmpty || hint["user_tags"] != nil { attributes["user_tags"] = .object(tags) }
        if let creator = json["creatorId"], creator != .null {
            let value = creator["value"] ?? creator
            attributes["creator_id"] = hint["creator_id"]?.stringValue != nil ? value : LivepeerWire.fromAPI(creator)
        }
        attributes["id"] = .string(id)
        let key = json["streamKey"]?.stringValue ?? ""
        let playback = json["playbackId"]?.stringValue ?? ""
        attributes["playback_id"] = .string(playback)
        attributes["stream_key"] = .sensitive(.string(key))
        attributes["is_active"] = .bool(json["isActive"] == .bool(true))
        if let created = json["createdAt"] { attributes["created_at"] = created }
        attributes["ingest_url"] = .sensitive(.string("rtmp://rtmp.livepeer.com/live/\(key)"))
        attributes["playback_url"] = .string("https://livepeercdn.studio/hls/\(playback)/index.m3u8")
        return RemoteObject(id: id, attributes: attributes, privateData: inlineTargets.isEmpty ? [:] : ["inline_targets": .list(inlineTargets)])
    }

    /// Targets as `{profile, video_only, id}`; where a target is one the server made from an
    /// inline spec (its id is in `inlineTargets` at that position), the spec castform sent.
    static func multistream(_ value: Value?, hint: Value?, inlineTargets: [Value]) -> Value {
        let remote = LivepeerWire.items(value?["targets"]).map(LivepeerWire.fromAPI)
        let known = LivepeerWire.items(hint?["targets"])
        let targets = remote.enumerated().map { index, target -> Value in
            guard index < inlineTargets.count, index < known.count, inlineTargets[index] != .null,
                  target["id"] == inlineTargets[index], LivepeerWire.fields(known[index])["spec"] != nil else { return target }
            var fields = LivepeerWire.fields(target)
            fields["id"] = nil
            fields["spec"] = LivepeerWire.fields(known[index])["spec"]
            return .object(fields)
        }
        return .object(["targets": .list(targets)])
    }

    /// For each desired target, the id the server gave an inline spec (null for id targets).
    static func inlineTargets(desired: [String: Value], response: Value) -> [Value] {
        let sent = LivepeerWire.items(desired["multistream"]?["targets"])
        guard sent.contains(where: { LivepeerWire.fields($0)["spec"] != nil }) else { return [] }
        let stored = LivepeerWire.items(response["multistream"]?["targets"])
        return sent.enumerated().map { index, target in
            LivepeerWire.fields(target)["spec"] != nil && index < stored.count ? (stored[index]["id"] ?? .null) : .null
        }
    }
}
