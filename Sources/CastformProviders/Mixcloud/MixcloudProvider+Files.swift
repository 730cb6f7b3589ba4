import CastformCore
import Foundation

/// The show's local files. Mixcloud returns neither the audio nor the picture it was given,
/// so castform reports each as the path state recorded while the file there still has the
/// recorded SHA-256, and as a different value once its content changed: a new audio file
/// then plans a replacement, a new picture an edit, even under the same name.
extension MixcloudProvider {
    static let fileRoles: [(role: FileFingerprint.Role, attribute: String)] = [(.audio, "audio"), (.picture, "picture")]

    /// Fingerprints of the files `desired` names, taken as castform sends them.
    func fingerprints(_ desired: [String: Value], only names: Set<String> = ["audio", "picture"]) -> [String: Value] {
        var privateData: [String: Value] = [:]
        for (role, attribute) in Self.fileRoles where names.contains(attribute) {
            guard let path = desired[attribute]?.unmarked.stringValue, let now = FileFingerprint.of(absolute(path), cached: nil) else { continue }
            privateData.merge(now.privateData(role)) { $1 }
        }
        return privateData
    }

    /// Sets `attributes` for each file state recorded, refreshing the cached fingerprints.
    /// `stats` shares stat calls across the objects of one read.
    func reportFiles(known: KnownObject?, attributes: inout [String: Value], privateData: inout [String: Value],
                     stats: MemoTable<String, FileFingerprint.Stat?>? = nil) {
        for (role, attribute) in Self.fileRoles {
            guard let path = known?.attributes[attribute]?.unmarked.stringValue else { continue }
            let recorded = FileFingerprint(privateData, role)
            if let recorded, let now = FileFingerprint.of(absolute(path), cached: recorded, stats: stats) {
                let same = now.sha256 == recorded.sha256
                attributes[attribute] = .string(same ? path : "\(path) (new content, sha256 \(now.sha256.prefix(12)))")
                // Unchanged, the recorded fingerprint stays as it is (and the private data keeps
                // sharing state's storage).
                if same, now != recorded { privateData.merge(now.privateData(role)) { $1 } }
            } else {
                // Imported, or recorded before castform fingerprinted pictures: the show is
                // taken to hold this file; its fingerprint starts now.
                attributes[attribute] = .string(path)
                if let now = FileFingerprint.of(absolute(path), cached: nil, stats: stats) { privateData.merge(now.privateData(role)) { $1 } }
            }
        }
    }
}
