import CastformCore
import CastformManifest
import CastformProviders
import CastformTestSupport
import Foundation
import Synchronization
import Testing

/// Loading real example workspaces and the cases a fixture file cannot express.
@Suite struct WorkspaceLoaderTests {
    let loader = WorkspaceLoader(registry: Providers.registry, environment: ["YOUTUBE_RTMP_URL": "rtmp://x/y"])

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test(arguments: ["weekly-show", "live-event"])
    func everyExampleIsValid(_ example: String) throws {
        let examples = Self.repositoryRoot + "/examples"
        let result = loader.load(root: examples + "/" + example)
        #expect(result.diagnostics == [], "\(result.diagnostics)")
        #expect(try #require(result.workspace).resources.count >= 3)
    }

    /// So that a plan can start listing a type while the rest is read (`typesDeclared`): each
    /// managed type once, as the first manifest declaring it is read, and before validation
    /// (which here finds an error).
    @Test func eachManagedTypeIsAnnouncedOnceAsSoonAsAManifestDeclaresIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("a.yaml", "mixcloud_cloudcast:\n  one: {title: One}\n  two: {title: Two}\n")
        _ = try directory.write("b.yaml", "livepeer_stream:\n  main: {name: Main}\ndata:\n  livestream_channel:\n    c: {id: 1}\n")
        _ = try directory.write("c.yaml", "mixcloud_cloudcast:\n  three: {title: Three, no_such_field: 1}\n")
        let announced = Mutex<[Set<String>]>([])
        var loader = loader
        loader.typesDeclared = { types in announced.withLock { $0.append(types) } }
        let result = loader.load(root: directory.path)
        #expect(result.hasErrors)
        #expect(announced.withLock { $0 } == [["mixcloud_cloudcast"], ["livepeer_stream"]])
    }

    @Test func theLibraryFormatBecomesOneCloudcastNamedByItsFile() throws {
        let result = loader.load(root: Self.repositoryRoot + "/examples/weekly-show")
        let workspace = try #require(result.workspace)
        let guest = try #require(workspace.resource(ResourceAddress(type: "mixcloud_cloudcast", name: "guest-mix-07")))
        #expect(guest.origin == .documentFile)
        #expect(guest.body["audio"]?.string == "shows/guest-mix-07.mp3")
        #expect(guest.body["description"]?.string?.isEmpty == false)
        #expect(guest.body["tracks"]?.items.first?["track"] != nil)
    }

    @Test func timesAndPathsAreDecoded() throws {
        let result = loader.load(root: Self.repositoryRoot + "/examples/weekly-show")
        let show = try #require(result.workspace?.resource(ResourceAddress(type: "mixcloud_cloudcast", name: "deep-sessions-42")))
        #expect(show.body["tracks"]?.items.compactMap { $0["start"]?.int } == [0, 174, 540, 1260, 1905, 3730, 3870])
        #expect(show.body["audio"]?.string == "audio/deep-sessions-42.mp3")
    }

    /// A file's paths are resolved once per spelling: the same text in another folder's file
    /// is another path, and two spellings Swift's `==` takes for one (`é` as one code point,
    /// or `e` and a combining accent) are two files, as the file system has them.
    @Test func pathsResolveFromTheirOwnFileAndKeepTheirBytes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let composed = "caf\u{E9}.mp3", decomposed = "cafe\u{301}.mp3"
        _ = try directory.write("a/shows.yaml", """
            mixcloud_cloudcast:
              one: {title: One, audio: ../audio/\(composed)}
              two: {title: Two, audio: ../audio/\(decomposed)}
              three: {title: Three, audio: ../audio/\(composed)}
            """)
        _ = try directory.write("b/c/shows.yaml", "mixcloud_cloudcast:\n  four: {title: Four, audio: ../audio/\(composed)}\n")
        let workspace = try #require(loader.load(root: directory.path).workspace)
        let audio = { (name: String) in workspace.resource(ResourceAddress(type: "mixcloud_cloudcast", name: name))?.body["audio"]?.string }
        #expect(audio("one").map { Array($0.utf8) } == Array("audio/\(composed)".utf8))
        #expect(audio("two").map { Array($0.utf8) } == Array("audio/\(decomposed)".utf8))
        #expect(audio("three").map { Array($0.utf8) } == Array("audio/\(composed)".utf8))
        #expect(audio("four").map { Array($0.utf8) } == Array("b/audio/\(composed)".utf8))
    }

    @Test func anEmptyDirectoryHasNoManifests() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = loader.load(root: directory.path)
        #expect(result.diagnostics.map(\.message) == ["no manifests in \(directory.path): castform reads every *.yaml and *.yml file below it (besides castform.yaml)"])
    }

    @Test func aMissingDirectoryIsOneClearError() {
        let result = loader.load(root: "/nonexistent/castform")
        #expect(result.workspace == nil)
        #expect(result.diagnostics.first?.message.hasPrefix("/nonexistent/castform is not a directory") == true)
    }

    @Test func anEmptyFileIsAWarning() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("empty.yaml", "")
        try directory.write("comments.yaml", "# nothing yet\n")
        let result = loader.load(root: directory.path)
        #expect(result.diagnostics == [
            .manifest(.source(.emptyManifest), at: .file(directory.path + "/comments.yaml")),
            .manifest(.source(.emptyManifest), at: .file(directory.path + "/empty.yaml")),
        ])
        #expect(!result.hasErrors)
    }

    @Test func bytesThatAreNotUTF8AreReportedWhereTheyAre() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("latin1.yaml", Data("mixcloud_cloudcast:\n  show:\n    title: Caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        let result = loader.load(root: directory.path)
        #expect(result.diagnostics == [.manifest(.source(.notUTF8(byte: 0xE9)),
                                                 at: SourceLocation(file: directory.path + "/latin1.yaml", line: 3, column: 15))])
    }

    @Test func aFiftyMegabyteFileIsRefusedBeforeParsing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var text = "mixcloud_cloudcast:\n"
        let line = "  # " + String(repeating: "x", count: 1020) + "\n"
        text.reserveCapacity(50 * 1024 * 1024 + 2048)
        while text.utf8.count < 50 * 1024 * 1024 { text += line }
        try directory.write("huge.yaml", text)
        let result = loader.load(root: directory.path)
        #expect(result.diagnostics.map(\.message) == [
            "\(directory.path)/huge.yaml is 50 MiB, over castform's limit of 32 MiB for one manifest: split it into several files",
        ])
    }

    /// The size is taken before reading: a 200 MB (sparse) manifest costs a `stat`, not 200 MB.
    @Test func aTwoHundredMegabyteManifestIsRefusedWithoutBeingRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("audio/a.mp3", "x")
        try directory.write("show.yaml", "mixcloud_cloudcast:\n  a: {title: A, audio: audio/a.mp3}\n")
        try directory.writeSparse("huge.yaml", size: 200 * 1024 * 1024)
        let result = loader.load(root: directory.path)
        let mebibyte: Int64 = 1024 * 1024
        let huge = directory.path + "/huge.yaml"
        let tooLarge = ManifestProblem.source(.tooLarge(path: huge, size: 200 * mebibyte, limit: 32 * mebibyte))
        #expect(result.diagnostics == [.manifest(tooLarge, at: .file(huge))])
    }

    /// Only regular files are read: a settings file that is a FIFO or a link to a device would
    /// otherwise block, or be read forever.
    @Test(.timeLimit(.minutes(1)))
    func aSettingsFileThatIsNotARegularFileIsRefusedUnread() throws {
        for (kind, make) in [(FileKind.fifo, { (path: String) in mkfifo(path, 0o600) }),
                             (FileKind.characterDevice, { (path: String) in symlink("/dev/zero", path) })] {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            try directory.write("audio/a.mp3", "x")
            try directory.write("show.yaml", "mixcloud_cloudcast:\n  a: {title: A, audio: audio/a.mp3}\n")
            #expect(make(directory.path + "/castform.yaml") == 0)
            let result = loader.load(root: directory.path)
            #expect(result.diagnostics == [
                .manifest(.source(.notARegularFile(path: directory.path + "/castform.yaml", kind: kind)), at: .file(directory.path + "/castform.yaml")),
            ])
        }
    }

    @Test func audioOverFourGibibytesAndPicturesOverTenMebibytesAreCaughtBeforeUpload() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.writeSparse("audio/long.mp3", size: 4_294_967_297)
        try directory.writeSparse("art/big.jpg", size: 12 * 1024 * 1024)
        try directory.write("show.yaml", """
            mixcloud_cloudcast:
              show:
                title: Show
                audio: audio/long.mp3
                picture: art/big.jpg
            """)
        let result = loader.load(root: directory.path)
        let mebibyte: Int64 = 1024 * 1024
        let audio = FileProblem.tooLarge(attribute: "audio", path: directory.path + "/audio/long.mp3", size: 4_294_967_297, limit: 4_294_967_296)
        let picture = FileProblem.tooLarge(attribute: "picture", path: directory.path + "/art/big.jpg", size: 12 * mebibyte, limit: 10 * mebibyte)
        #expect(result.diagnostics == [
            .manifest(.file(audio), at: SourceLocation(file: directory.path + "/show.yaml", line: 4, column: 12)),
            .manifest(.file(picture), at: SourceLocation(file: directory.path + "/show.yaml", line: 5, column: 14)),
        ])
    }

    @Test func hiddenDirectoriesAreNotRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(".castform/cache.yaml", "not: [valid")
        try directory.write("audio/a.mp3", "x")
        try directory.write("shows.yml", "mixcloud_cloudcast:\n  a: {title: A, audio: audio/a.mp3}\n")
        let result = loader.load(root: directory.path)
        #expect(result.diagnostics == [])
    }
}
