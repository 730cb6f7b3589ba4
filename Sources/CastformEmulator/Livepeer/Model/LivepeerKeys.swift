import Foundation

/// Server-generated identifiers in the real formats (FACTS §1, `generate-keys.ts`).
enum LivepeerKeys {
    /// A lowercase UUID v4, as the `uuid` package writes it: the id of every resource.
    static func id() -> String {
        UUID().uuidString.lowercased()
    }

    /// A stream key, `xxxx-xxxx-xxxx-xxxx` in lowercase base36, whose first four characters are
    /// the stream id's (the shard key), unique among stream keys and playback ids.
    static func streamKey(for id: String, in state: LivepeerState) -> String {
        uniqueKey(shard: id, in: state, avoiding: [])
    }

    /// A playback id: a second, independent key of the same form without dashes (16 chars),
    /// also starting with the id's first four characters, and different from the stream key.
    static func playbackId(for id: String, in state: LivepeerState, avoiding others: [String] = []) -> String {
        uniqueKey(shard: id, in: state, avoiding: others).replacingOccurrences(of: "-", with: "")
    }

    /// A session object's id: the playback id's first four characters, then a UUID's rest.
    static func sessionId(playbackId: String) -> String {
        String(playbackId.prefix(4)) + String(id().dropFirst(4))
    }

    private static let base36 = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    private static func uniqueKey(shard: String, in state: LivepeerState, avoiding others: [String]) -> String {
        while true {
            var characters = Array(shard.prefix(4))
            var generator = SystemRandomNumberGenerator()
            while characters.count < 16 { characters.append(base36.randomElement(using: &generator)!) }
            let key = stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
            let compact = key.replacingOccurrences(of: "-", with: "")
            if key == shard || others.contains(key) || others.contains(compact) || state.keyInUse(key) { continue }
            return key
        }
    }
}
