// `validate` mode: a workspace of Mixcloud cloudcasts and Livepeer streams, loaded and
// validated in process (the work `castform validate` does).
import CastformManifest
import CastformProviders
import Foundation

func generateValidateWorkspace(at root: String, _ options: Options) throws {
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/shows", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/audio", withIntermediateDirectories: true)
    try Data(repeating: 0, count: 1024).write(to: URL(fileURLWithPath: root + "/audio/show.mp3"))
    try "variables:\n  prefix: Deep Sessions\n".write(toFile: root + "/castform.yaml", atomically: true, encoding: .utf8)
    let perFile = 100
    for file in 0..<(options.cloudcasts + perFile - 1) / perFile {
        var text = "mixcloud_cloudcast:\n"
        for index in (file * perFile)..<min(options.cloudcasts, (file + 1) * perFile) {
            text += """
              show-\(index):
                title: "${var.prefix} #\(index)"
                description: |
                  Two hours of deep and soulful house, recorded live. Episode \(index).
                tags: [deep house, soulful house, vinyl]
                audio: ../audio/show.mp3
                tracks:
                  - {start: "0:00", artist: Kerri Chandler, track: Rain}
                  - {start: 2:54, artist: Larry Heard, track: Can You Feel It}
                  - {start: "09:00", artist: Frankie Knuckles, track: Your Love}
                  - {start: "1:02:10", chapter: Guest mix}

            """
        }
        try text.write(toFile: root + "/shows/shows-\(file).yaml", atomically: true, encoding: .utf8)
    }
    var streams = "livepeer_webhook:\n  auth: {name: Auth, url: 'https://auth.example.org/hook', events: [playback.accessControl]}\n"
    streams += "livepeer_stream:\n"
    for index in 0..<options.streams {
        streams += """
          stage-\(index):
            name: Stage \(index)
            record: true
            profiles:
              - {name: 720p, width: 1280, height: 720, bitrate: 3000000, fps: 30}
              - {name: 480p, width: 854, height: 480, bitrate: 1600000, fps: 30}
            playback_policy: {type: webhook, webhook_id: "${livepeer_webhook.auth.id}", refresh_interval: 600}
            multistream:
              targets:
                - {profile: 720p, spec: {name: YouTube, url: "rtmp://a.rtmp.youtube.com/live2/key-\(index)"}}

        """
    }
    try streams.write(toFile: root + "/streams.yaml", atomically: true, encoding: .utf8)
}

func runValidate(_ options: Options) throws {
    let root = FileManager.default.temporaryDirectory.path + "/castform-bench-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: root) }
    try generateValidateWorkspace(at: root, options)
    let loader = WorkspaceLoader(registry: Providers.registry, environment: [:])
    var times: [Double] = []
    var declarations = 0
    var diagnostics = 0
    for _ in 0..<options.runs {
        let start = ContinuousClock.now
        let result = loader.load(root: root)
        times.append(seconds(ContinuousClock.now - start))
        declarations = result.workspace?.resources.count ?? 0
        diagnostics = result.diagnostics.count
    }
    print("validate: \(options.cloudcasts) cloudcasts + \(options.streams) streams = \(declarations) declarations, \(diagnostics) diagnostics")
    print(String(format: "validate: min %.3f s, median %.3f s over %d runs", times.min() ?? 0, median(times), options.runs))
}
