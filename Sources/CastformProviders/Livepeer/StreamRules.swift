import CastformCore

/// Rules across a stream's fields that the server enforces with a 400 or 422 (FACTS.md).
enum StreamRules {
    /// A webhook playback policy is useless without the webhook it calls.
    static func webhookPolicy(_ policy: ConfigValue) -> [Diagnostic] {
        guard policy["type"]?.string == "webhook", policy["webhook_id"] == nil else { return [] }
        return [.error("a playback policy of type \"webhook\" needs webhook_id", at: policy.location)]
    }

    /// Each multistream target sends a rendition that must exist: a declared profile, the
    /// server's defaults when none is declared, or "source".
    static func multistreamProfilesExist(_ stream: ConfigValue) -> [Diagnostic] {
        guard let targets = stream["multistream"]?["targets"]?.items else { return [] }
        let declared = stream["profiles"].map { $0.items.compactMap { $0["name"]?.string } }
        let names = (declared ?? LivepeerSchemas.defaultProfileNames) + ["source"]
        return targets.compactMap { target in
            guard let profile = target["profile"], let name = profile.string, !names.contains(name) else { return nil }
            let choices = names.map { "\"\($0)\"" }.joined(separator: ", ")
            return .error("multistream target profile \"\(name)\" is not a profile of this stream (\(choices))"
                          + Suggestion.didYouMean(name, in: names), at: profile.location)
        }
    }

    /// The API accepts a recording spec only on a recorded stream.
    static func recordingSpecNeedsRecord(_ stream: ConfigValue) -> [Diagnostic] {
        guard let spec = stream.field("recording_spec"), stream["record"]?.bool != true else { return [] }
        return [.error("recording_spec applies only when record is true", at: spec.location)]
    }
}
