import Foundation

/// The server's other business rules for streams (`controllers/stream.ts`): each a 400 (or,
/// where the server crashes, a 500), checked after the schema.
enum LivepeerStreamRules {
    /// `recordingSpec` needs `record: true`, from the request or, on PATCH, the stored stream.
    /// A `null` `profiles` inside it is dropped.
    static func recordingSpec(_ spec: LivepeerJSON, record: Bool?) throws -> LivepeerRecordingSpec {
        guard record == true else { throw LivepeerError.badRequest("recordingSpec is only supported with record=true") }
        return LivepeerRecordingSpec(json: spec)
    }

    /// `validateStreamPlaybackPolicy`.
    static func checkPlaybackPolicy(_ policy: LivepeerJSON?, account: LivepeerAccount, state: LivepeerState) throws {
        guard let policy, case .object = policy else { return }
        let type = policy["type"]?.stringValue
        if type == "lit_signing_condition" {
            throw LivepeerError.badRequest(
                #"playbackPolicy type "lit_signing_condition" with a resourceId or unifiedAccessControlConditions is not supported for streams"#)
        }
        guard type == "webhook" else { return }
        guard let webhookId = policy["webhookId"]?.stringValue, !webhookId.isEmpty else {
            // The server looks the webhook up with an undefined id; its table throws
            // `Error('missing id')`, which the error handler turns into a 500.
            throw LivepeerError.internalError("Error")
        }
        guard let webhook = state.webhooks[webhookId], !webhook.deleted, webhook.userId == account.userId,
              webhook.projectId == account.projectId else {
            throw LivepeerError.badRequest("webhook \(webhookId) not found")
        }
        // `allowedOrigins` is also checked there, but inside a try/catch that swallows its
        // error, so invalid origins are accepted (FACTS §2.1): nothing to do.
    }

    /// `userTags`, written as JSON, may take at most 2048 characters (UTF-16 units, as `.length`).
    static func checkUserTags(_ tags: LivepeerJSON) throws {
        if LivepeerJSONWriter.string(tags).utf16.count > 2048 {
            throw LivepeerError.badRequest("userTags object is too large. Max size is 2048 characters")
        }
    }
}
