import CastformCore
import CastformManifest
import CastformProviders
import CastformTestSupport
import Foundation
import Testing

/// An invalid-manifest fixture laid out as a real workspace in a temporary directory.
///
/// A fixture is a `.yaml` file, or a directory of files, under `Fixtures/invalid/`. Markers
/// (`1️⃣`) are stripped and remembered; `#=> 1️⃣ error: message` lines say what castform must
/// report there. Every workspace also gets `audio/show.mp3` (a few bytes) and `art/show.jpg`
/// so fixtures can name real files.
struct FixtureWorkspace {
    struct Expected: Hashable, CustomStringConvertible {
        var severity: String
        var message: String
        var location: String?

        var description: String { "\(location ?? "-"): \(severity): \(message)" }
    }

    static let environment = ["YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/secret-key"]

    let name: String
    let directory: TemporaryDirectory
    private(set) var expected: [Expected] = []

    /// Every fixture's name, files first then directories, sorted.
    static func all() -> [String] {
        let root = fixturesRoot()
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func fixturesRoot() -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/invalid").path
    }

    init(_ name: String) throws {
        self.name = name
        directory = try TemporaryDirectory("castform-fixture")
        try directory.write("audio/show.mp3", Data([0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0]))
        try directory.write("art/show.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]))
        let source = Self.fixturesRoot() + "/" + name
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory)
        let files: [String]
        if isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(atPath: source)
            files = (enumerator?.allObjects as? [String] ?? []).filter {
                var dir: ObjCBool = false
                FileManager.default.fileExists(atPath: source + "/" + $0, isDirectory: &dir)
                return !dir.boolValue
            }.sorted()
        } else {
            files = [name]
        }
        for relative in files {
            let path = isDirectory.boolValue ? source + "/" + relative : source
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let isText = relative.hasSuffix(".yaml") || relative.hasSuffix(".yml")
            guard isText, let text = String(data: data, encoding: .utf8) else {
                try directory.write(relative, data)
                continue
            }
            let marked = MarkedText(text)
            try directory.write(relative, marked.text)
            for expectation in MarkedText.expectations(in: text) {
                var location: String?
                if let marker = expectation.marker {
                    let position = try #require(marked.positions[marker].map { (file: String?.none, line: $0.line, column: $0.column) } ?? Self.position(of: marker, inOtherFilesOf: source, files: files),
                                                "marker \(marker) in \(name) has no position")
                    location = "\(position.file ?? relative):\(position.line):\(position.column)"
                }
                expected.append(Expected(severity: expectation.severity, message: expectation.message, location: location))
            }
        }
    }

    /// Markers used in one file's expectations but placed in another file of the fixture.
    private static func position(of marker: Character, inOtherFilesOf source: String, files: [String]) -> (file: String?, line: Int, column: Int)? {
        for relative in files where relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
            guard let text = try? String(contentsOfFile: source + "/" + relative, encoding: .utf8),
                  let position = MarkedText(text).positions[marker] else { continue }
            return (relative, position.line, position.column)
        }
        return nil
    }

    /// What castform reports, in the same form as `expected`, paths relative to the workspace.
    func actual() -> [Expected] {
        let loader = WorkspaceLoader(registry: Providers.registry, environment: Self.environment)
        let result = loader.load(root: directory.path)
        return result.diagnostics.map { diagnostic in
            let location = diagnostic.location.map { location -> String in
                let file = location.file.hasPrefix(directory.path + "/") ? String(location.file.dropFirst(directory.path.count + 1)) : location.file
                return "\(file):\(location.line):\(location.column)"
            }
            let message = diagnostic.message.replacingOccurrences(of: directory.path + "/", with: "")
            return Expected(severity: diagnostic.severity.rawValue, message: message, location: location)
        }
    }
}

