import Foundation

/// The server's checks on a stream's `multistream.targets` (`validateMultistreamOpts` in
/// `controllers/stream.ts`), with their 400s.
enum LivepeerMultistreamRules {
    /// The rendition names a target may use: the profiles' names plus `source`. Profiles named
    /// `source`, or two profiles with one name, are 400s.
    static func profileNames(_ profiles: [LivepeerProfile]?) throws -> [String] {
        var names: [String] = []
        for name in (profiles ?? []).compactMap(\.name) where !name.isEmpty {
            if name == "source" { throw LivepeerError.badRequest(#"profile cannot be named "source""#) }
            if names.contains(name) { throw LivepeerError.badRequest(#"duplicate profile name "\#(name)""#) }
            names.append(name)
        }
        return names + ["source"]
    }

    /// Resolves the requested targets into references: an `id` must name one of the user's
    /// targets; an inline `spec` becomes a new target resource.
    ///
    /// The server checks the targets concurrently (`Promise.all`), so inline targets are
    /// created even when another entry fails; the first failure is reported. The emulator
    /// does the same, leaving those targets behind, as the server does.
    static func resolve(_ multistream: LivepeerJSON?, profiles: [LivepeerProfile]?, account: LivepeerAccount,
                        now: Int64, state: inout LivepeerState) throws -> [LivepeerTargetRef] {
        let names = try profileNames(profiles)
        guard let requested = multistream?["targets"]?.arrayValue else { return [] }
        var resolved: [LivepeerTargetRef] = []
        var firstError: LivepeerError?
        for target in requested {
            do {
                resolved.append(try resolveOne(target, names: names, account: account, now: now, state: &state))
            } catch let error as LivepeerError {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        let pairs = resolved.map { "\($0.profile) -> \($0.id)" }
        if Set(pairs).count != pairs.count {
            throw LivepeerError.badRequest("multistream target {id,profile} must be unique")
        }
        return resolved
    }

    /// One target (`validateMultistreamTarget`), also used by `create-multistream-target`.
    static func resolveOne(_ target: LivepeerJSON, names: [String], account: LivepeerAccount, now: Int64,
                           state: inout LivepeerState) throws -> LivepeerTargetRef {
        let profile = target["profile"]?.stringValue ?? ""
        guard names.contains(profile) else {
            let available = LivepeerJSONWriter.string(LivepeerJSON(names))
            throw LivepeerError.badRequest(#"multistream target profile not found: "\#(profile)". available: \#(available)"#)
        }
        let id = target["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let spec = target["spec"]
        guard (id == nil) != (spec == nil) else {
            throw LivepeerError.badRequest(#"multistream target must have either an "id" or a "spec""#)
        }
        let videoOnly = target["videoOnly"]?.boolValue
        if let id {
            guard let existing = state.targets[id], existing.userId == account.userId else {
                throw LivepeerError.badRequest(#"multistream target not found: "\#(id)""#)
            }
            return LivepeerTargetRef(profile: profile, videoOnly: videoOnly, id: existing.id)
        }
        let created = try createTarget(name: spec?["name"]?.stringValue, url: spec?["url"]?.stringValue ?? "",
                                       disabled: nil, account: account, now: now, state: &state)
        return LivepeerTargetRef(profile: profile, videoOnly: videoOnly, id: created.id)
    }

    /// `fillAndCreate`: `new URL(url)` must parse (else 422 `Bad URL ...`); the name defaults
    /// to the URL's host, `disabled` to false.
    static func createTarget(name: String?, url: String, disabled: Bool?, account: LivepeerAccount, now: Int64,
                             state: inout LivepeerState) throws -> LivepeerMultistreamTarget {
        guard let host = LivepeerURIFormat.whatwgHost(url) else {
            throw LivepeerError.unprocessable("Bad URL \(url): TypeError [ERR_INVALID_URL]: Invalid URL")
        }
        let target = LivepeerMultistreamTarget(
            id: LivepeerKeys.id(), name: (name?.isEmpty == false ? name : nil) ?? host, userId: account.userId,
            url: url, disabled: disabled ?? false, createdAt: now, sequence: state.sequence())
        state.targets[target.id] = target
        return target
    }
}
