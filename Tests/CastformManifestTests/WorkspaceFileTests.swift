import CastformCore
import CastformManifest
import CastformProviders
import CastformTestSupport
import Foundation
import Testing

/// The files manifests name for upload: regular files only, inside the workspace unless
/// castform.yaml allows otherwise — cases a fixture cannot lay out (FIFOs, devices, links,
/// files beside the workspace).
@Suite struct WorkspaceFileTests {
    let loader = WorkspaceLoader(registry: Providers.registry, environment: [:])

    /// A workspace in `ws/` of a temporary directory, so a file can sit just outside it.
    struct Layout {
        let base: TemporaryDirectory
        var root: String { base.path + "/ws" }

        init() throws {
            base = try TemporaryDirectory("castform-files")
            try base.write("ws/audio/show.mp3", "mp3")
            try base.write("elsewhere.mp3", "mp3")
        }

        /// Writes the marked manifest; returns where each marker is, as a location.
        func manifest(_ marked: String) throws -> [Character: CastformCore.SourceLocation] {
            let text = MarkedText(marked)
            try base.write("ws/show.yaml", text.text)
            return text.positions.mapValues { CastformCore.SourceLocation(file: root + "/show.yaml", line: $0.line, column: $0.column) }
        }
    }

    /// A file outside the workspace, which castform.yaml allows or not.
    static func outside(_ attribute: String, _ path: String, _ escape: WorkspaceFileCheck.Escape = .written,
                        allowed: Bool = false) -> ManifestProblem {
        .file(.outsideWorkspace(attribute: attribute, path: path, escape: escape, allowed: allowed, settingsFile: "castform.yaml"))
    }

    @Test func aFIFOAndADeviceAreErrorsSayingWhatTheyAre() throws {
        let layout = try Layout()
        defer { layout.base.remove() }
        #expect(mkfifo(layout.root + "/audio/live.mp3", 0o600) == 0)
        try layout.base.write("ws/castform.yaml", "files: {allow_outside_workspace: true}\n")
        let at = try layout.manifest("""
            mixcloud_cloudcast:
              fifo: {title: A, audio: 1️⃣audio/live.mp3}
              zero: {title: B, audio: 2️⃣/dev/zero}
            """)
        let result = loader.load(root: layout.root)
        #expect(result.diagnostics == [
            .manifest(.file(.notARegularFile(attribute: "audio", path: "\(layout.root)/audio/live.mp3", kind: .fifo)), at: at["1️⃣"]),
            .manifest(Self.outside("audio", "/dev/zero", allowed: true), at: at["2️⃣"]),
            .manifest(.file(.notARegularFile(attribute: "audio", path: "/dev/zero", kind: .characterDevice)), at: at["2️⃣"]),
        ])
        #expect(result.diagnostics.map(\.severity) == [.error, .warning, .error])
    }

    @Test func filesOutsideTheWorkspaceAreErrors() throws {
        let layout = try Layout()
        defer { layout.base.remove() }
        #expect(symlink(layout.base.path + "/elsewhere.mp3", layout.root + "/audio/link.mp3") == 0)
        let at = try layout.manifest("""
            mixcloud_cloudcast:
              up: {title: A, audio: 1️⃣../elsewhere.mp3}
              absolute: {title: B, audio: audio/show.mp3, picture: 2️⃣/etc/passwd}
              link: {title: C, audio: 3️⃣audio/link.mp3}
            """)
        let result = loader.load(root: layout.root)
        let real = try #require(WorkspaceFileTests.realPath(layout.base.path + "/elsewhere.mp3"))
        #expect(result.diagnostics == [
            .manifest(Self.outside("audio", "\(layout.base.path)/elsewhere.mp3"), at: at["1️⃣"]),
            .manifest(Self.outside("picture", "/etc/passwd"), at: at["2️⃣"]),
            .manifest(Self.outside("audio", "\(layout.root)/audio/link.mp3", .link(to: real)), at: at["3️⃣"]),
        ])
    }

    @Test func optedInEachFileOutsideIsStillAWarningNamingIt() throws {
        let layout = try Layout()
        defer { layout.base.remove() }
        try layout.base.write("ws/castform.yaml", "files:\n  allow_outside_workspace: true\n")
        #expect(symlink(layout.root + "/audio/show.mp3", layout.root + "/audio/inside.mp3") == 0)
        let at = try layout.manifest("""
            mixcloud_cloudcast:
              up: {title: A, audio: 1️⃣../elsewhere.mp3}
              inside: {title: B, audio: audio/inside.mp3}
            """)
        let result = loader.load(root: layout.root)
        #expect(result.diagnostics == [
            .manifest(Self.outside("audio", "\(layout.base.path)/elsewhere.mp3", allowed: true), at: at["1️⃣"]),
        ])
        #expect(!result.hasErrors)
    }

    @Test func aFileNamedByAVariableIsCheckedAsIfWritten() throws {
        let layout = try Layout()
        defer { layout.base.remove() }
        try layout.base.write("ws/castform.yaml", "variables:\n  cover: /etc/passwd\n  audio: audio/show.mp3\n")
        let at = try layout.manifest("""
            mixcloud_cloudcast:
              show: {title: A, audio: "${var.audio}", picture: 1️⃣"${var.cover}"}
            """)
        let result = loader.load(root: layout.root)
        #expect(result.diagnostics == [
            .manifest(.substituted(Self.outside("picture", "/etc/passwd"), from: .reference(.variable("cover"))), at: at["1️⃣"]),
        ])
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
