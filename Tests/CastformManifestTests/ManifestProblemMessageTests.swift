import CastformCore
import CastformManifest
import Testing

/// The sentences of problems that the fixture corpus cannot lay out (FIFOs, devices, links,
/// sparse files of gigabytes, values given on the command line): each case, worded exactly as
/// a user reads it.
@Suite struct ManifestProblemMessageTests {
    static let rule = "castform uploads only files inside the workspace, unless castform.yaml sets files: {allow_outside_workspace: true}"

    static func outside(_ escape: WorkspaceFileCheck.Escape, allowed: Bool = false) -> ManifestProblem {
        .file(.outsideWorkspace(attribute: "audio", path: "ws/audio/a.mp3", escape: escape, allowed: allowed, settingsFile: "castform.yaml"))
    }

    static let sentences: [(ManifestProblem, String)] = [
        (.source(.notADirectory(root: "shows")),
         "shows is not a directory: give the workspace directory (the one with castform.yaml and the manifests)"),
        (.source(.noManifests(root: "ws")), "no manifests in ws: castform reads every *.yaml and *.yml file below it (besides castform.yaml)"),
        (.source(.settingsInTwoFiles(read: "castform.yaml", ignored: "castform.yml")),
         "castform reads its settings from castform.yaml only; merge castform.yml into it and remove it"),
        (.source(.unreadable(path: "ws/a.yaml")), "cannot read ws/a.yaml: check that it is a readable file"),
        (.source(.notARegularFile(path: "ws/castform.yaml", kind: .fifo)),
         "cannot read ws/castform.yaml, which is a FIFO (named pipe), not a regular file"),
        (.source(.tooLarge(path: "ws/huge.yaml", size: 200 * 1024 * 1024, limit: 32 * 1024 * 1024)),
         "ws/huge.yaml is 200 MiB, over castform's limit of 32 MiB for one manifest: split it into several files"),
        (.source(.notUTF8(byte: 0x0A)), "this file is not valid UTF-8 (byte 0x0A); save it as UTF-8"),
        (.source(.emptyManifest), "this manifest is empty: it declares nothing"),
        (.file(.notARegularFile(attribute: "audio", path: "/dev/zero", kind: .characterDevice)),
         "\"audio\" names /dev/zero, which is a character device, not a regular file"),
        (.file(.notARegularFile(attribute: "audio", path: "ws/audio", kind: .directory)), "\"audio\" names ws/audio, which is a directory, not a file"),
        (.file(.unreadable(attribute: "audio", path: "ws/a.mp3")), "\"audio\" names ws/a.mp3, which castform cannot read (check its permissions)"),
        (outside(.written), "\"audio\" names ws/audio/a.mp3, outside the workspace: \(rule)"),
        (outside(.link(to: "/srv/a.mp3")), "\"audio\" names ws/audio/a.mp3, a link to /srv/a.mp3, outside the workspace: \(rule)"),
        (outside(.written, allowed: true),
         "\"audio\" names ws/audio/a.mp3, outside the workspace (allowed by files: {allow_outside_workspace: true} in castform.yaml)"),
        (.substituted(outside(.written), from: .reference(.variable("cover"))),
         "\"audio\" names ws/audio/a.mp3, outside the workspace: \(rule) (from ${var.cover})"),
        (.file(.tooLarge(attribute: "audio", path: "ws/long.mp3", size: 4_294_967_297, limit: 4_294_967_296)),
         "\"audio\" file ws/long.mp3 is 4294967297 bytes; the limit is 4294967296 bytes (4 GiB)"),
        (.file(.tooLarge(attribute: "picture", path: "ws/big.jpg", size: 12_582_912, limit: 10_485_760)),
         "\"picture\" file ws/big.jpg is 12 MiB; the limit is 10 MiB"),
        (.reference(.environmentNotSet("KEY", required: true)),
         "environment variable KEY is not set: castform needs its value to plan and apply; set it (in CI, from a secret)"),
        (.override(.doesNotFit(givenBy: .commandLine("size=large"), text: "large", expected: .int)),
         "-var size=large: expected a whole number, got \"large\""),
        (.override(.doesNotFit(givenBy: .environment, text: "[a", expected: .list)), "the environment: expected a list, as [a, b], got \"[a\""),
        (.override(.undeclared("prefx", givenBy: .variablesFile, settingsFile: "castform.yaml", suggestion: "prefix")),
         "this variables file sets the variable \"prefx\", which castform.yaml does not declare: declare it under variables: with a default; did you mean \"prefix\"?"),
        (.override(.unreadableFile(path: "prod.yaml")),
         "cannot read the variables file prod.yaml (-var-file): check that it is a readable YAML file"),
    ]

    @Test(arguments: sentences)
    func eachProblemReadsAsUsersKnowIt(_ problem: ManifestProblem, _ sentence: String) {
        #expect(problem.message == sentence)
        #expect(Diagnostic.manifest(problem, at: nil).message == sentence)
    }

    @Test func warningsAreTheProblemsThatStopNothing() {
        #expect(ManifestProblem.source(.emptyManifest).severity == .warning)
        #expect(Self.outside(.written, allowed: true).severity == .warning)
        #expect(ManifestProblem.substituted(Self.outside(.written, allowed: true), from: .template(written: "${var.a}/b")).severity == .warning)
        #expect(Self.outside(.written).severity == .error)
        #expect(ManifestProblem.value(.computedAttribute("id")).severity == .error)
    }

    /// Core carries the problem without knowing it; the diagnostic says what its problem says.
    @Test func aDiagnosticKeepsItsProblem() {
        let problem = ManifestProblem.value(.computedAttribute("id"))
        let at = CastformCore.SourceLocation(file: "a.yaml", line: 2, column: 3)
        let diagnostic = Diagnostic.manifest(problem, at: at)
        #expect(diagnostic.manifestProblem == problem)
        #expect(diagnostic == Diagnostic(problem, at: at))
        #expect(diagnostic.message == "\"id\" is set by the service; a manifest cannot set it")
        #expect(diagnostic.severity == .error && diagnostic.location == at)
        // Made from a sentence alone, a diagnostic has no problem, and is not the same value.
        let sentence = Diagnostic.error(diagnostic.message, at: at)
        #expect(sentence.problem == nil)
        #expect(sentence != diagnostic)
    }
}
