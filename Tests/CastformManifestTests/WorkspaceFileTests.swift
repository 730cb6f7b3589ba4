import CastformCore
import CastformManifest
import CastformProviders
import CastformTestSupport
import Foundation
import Testing

/// The files manifests name for upload — cases a fixture cannot lay out (FIFOs, devices).
@Suite struct WorkspaceFileTests {
    let loader = WorkspaceLoader(registry: Providers.registry, environment: [:])

    /// A workspace in `ws/` of a temporary directory.
    struct Layout {
        let base: TemporaryDirectory
        var root: String { base.path + "/ws" }

        init() throws {
            base = try TemporaryDirectory("castform-files")
            try base.write("ws/audio/show.mp3", "mp3")
        }

        /// Writes the marked manifest; returns where each marker is, as a location.
        func manifest(_ marked: String) throws -> [Character: CastformCore.SourceLocation] {
            let text = MarkedText(marked)
            try base.write("ws/show.yaml", text.text)
            return text.positions.mapValues { CastformCore.SourceLocation(file: root + "/show.yaml", line: $0.line, column: $0.column) }
        }
    }

    @Test func aFIFOAndADeviceAreErrorsSayingWhatTheyAre() throws {
        let layout = try Layout()
        defer { layout.base.remove() }
        #expect(mkfifo(layout.root + "/audio/live.mp3", 0o600) == 0)
        let at = try layout.manifest("""
            mixcloud_cloudcast:
              fifo: {title: A, audio: 1️⃣audio/live.mp3}
              zero: {title: B, audio: 2️⃣/dev/zero}
            """)
        let result = loader.load(root: layout.root)
        #expect(result.diagnostics == [
            .error("\"audio\" names \(layout.root)/audio/live.mp3, which is a FIFO (named pipe), not a regular file", at: at["1️⃣"]),
            .error("\"audio\" names /dev/zero, which is a character device, not a regular file", at: at["2️⃣"]),
        ])
    }
}
