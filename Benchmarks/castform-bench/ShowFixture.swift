// The workspace of the `journal` and `e2e` benchmarks: N Mixcloud shows, each with a title,
// tags, a description and a short tracklist, sharing one small MP3 (the upload is real
// multipart HTTP to the emulator, but the benchmarks are about state and reads, not bytes),
// and optionally M Livepeer streams with one transcoding profile.
import CastformCore
import CastformManifest
import Foundation

struct ShowFixture {
    let root: String

    init(count: Int, streams: Int = 0) throws {
        root = FileManager.default.temporaryDirectory.path + "/castform-bench-shows-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root + "/shows", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/audio", withIntermediateDirectories: true)
        // An MP3 frame header then silence: enough for an upload the emulator accepts.
        var audio = Data([0xFF, 0xFB, 0x90, 0x64])
        audio.append(Data(count: 16 * 1024))
        try audio.write(to: URL(fileURLWithPath: root + "/audio/show.mp3"))
        try "providers:\n  mixcloud: {user: deepsessions}\n".write(toFile: root + "/castform.yaml", atomically: true, encoding: .utf8)
        let perFile = 100
        for file in 0..<(count + perFile - 1) / perFile {
            var text = "mixcloud_cloudcast:\n"
            for index in (file * perFile)..<min(count, (file + 1) * perFile) {
                text += """
                  show-\(index):
                    title: "Deep Sessions #\(index)"
                    description: "Two hours of deep house, recorded live. Episode \(index)."
                    tags: [deep house, vinyl]
                    audio: ../audio/show.mp3
                    tracks:
                      - {start: "0:00", artist: Kerri Chandler, track: Rain}
                      - {start: "6:45", artist: Larry Heard, track: Can You Feel It}

                """
            }
            try text.write(toFile: root + "/shows/shows-\(file).yaml", atomically: true, encoding: .utf8)
        }
        try writeStreams(streams)
    }

    private func writeStreams(_ count: Int) throws {
        guard count > 0 else { return }
        try FileManager.default.createDirectory(atPath: root + "/streams", withIntermediateDirectories: true)
        var text = "livepeer_stream:\n"
        for index in 0..<count {
            text += """
              stage-\(index):
                name: "Stage \(index)"
                profiles:
                  - {name: 720p, width: 1280, height: 720, bitrate: 3000000, fps: 30}

            """
        }
        try text.write(toFile: root + "/streams/streams.yaml", atomically: true, encoding: .utf8)
    }

    /// Replaces castform.yaml (the e2e benchmark points the providers at a running emulator).
    func writeSettings(_ text: String) throws {
        try text.write(toFile: root + "/castform.yaml", atomically: true, encoding: .utf8)
    }

    func loadWorkspace(_ providers: ProviderSet) throws -> Workspace {
        let result = WorkspaceLoader(registry: providers.registry, environment: [:]).load(root: root)
        guard let workspace = result.workspace, !result.hasErrors else { throw BenchError("workspace: \(result.diagnostics.prefix(3))") }
        return workspace
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
