@testable import CastformProviders
import CastformTestSupport
import Foundation
import Testing

/// A file's fingerprint is reused while its size and modification time stand, and is taken
/// again when they change — also for a link, whose target is what gets hashed and timed.
@Suite struct FileFingerprintTests {
    @Test func anUnchangedFileIsNotHashedAgainAndAChangedOneIs() throws {
        let directory = try TemporaryDirectory("castform-fingerprint")
        defer { directory.remove() }
        let path = try directory.write("show.mp3", "first take")
        let first = try #require(FileFingerprint.of(path, cached: nil))
        #expect(first.sha256 == "b054e11db8a41704caf5611912626703cd7f79ee1ed563151ce24bf1e48b77bd")  // sha256sum of "first take"
        #expect(first.size == 10)
        // A cached fingerprint whose size and time match is returned as it is (not re-read).
        let stale = FileFingerprint(sha256: "cached", size: first.size, modified: first.modified)
        #expect(FileFingerprint.of(path, cached: stale)?.sha256 == "cached")

        let link = directory.path + "/linked.mp3"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let viaLink = try #require(FileFingerprint.of(link, cached: nil))
        #expect(viaLink == first)
        try directory.write("show.mp3", "second take, longer")
        let changed = try #require(FileFingerprint.of(link, cached: viaLink))
        #expect(changed.sha256 != first.sha256 && changed.size == Int64("second take, longer".utf8.count))
    }

    @Test func aDirectoryOrAMissingFileHasNone() throws {
        let directory = try TemporaryDirectory("castform-fingerprint")
        defer { directory.remove() }
        #expect(FileFingerprint.of(directory.path, cached: nil) == nil)
        #expect(FileFingerprint.of(directory.path + "/missing.mp3", cached: nil) == nil)
    }
}
