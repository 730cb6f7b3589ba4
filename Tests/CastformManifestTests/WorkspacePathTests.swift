@testable import CastformManifest
import Testing

/// Paths written in manifests are made relative to the workspace root, folded byte by byte.
@Suite struct WorkspacePathTests {
    @Test(arguments: [
        ("audio/a.mp3", "audio/a.mp3"), ("./audio//a.mp3", "audio/a.mp3"), ("shows/../audio/a.mp3", "audio/a.mp3"),
        ("../x.mp3", "../x.mp3"), ("a/../../x", "../x"), ("../../x", "../../x"), ("/a/./b//c/", "/a/b/c"), ("/..", "/.."),
        ("", ""), (".", ""), ("héllo/../wörld/ä.mp3", "wörld/ä.mp3"), ("a/...", "a/..."), ("a/.b", "a/.b"),
    ])
    func normalises(_ path: String, _ expected: String) {
        #expect(WorkspacePath.normalise(path) == expected)
    }

    @Test func resolvesFromTheManifestsFolder() {
        #expect(WorkspacePath.resolve("../audio/a.mp3", from: "shows/week-1.yaml") == "audio/a.mp3")
        #expect(WorkspacePath.resolve("a.mp3", from: "shows.yaml") == "a.mp3")
        #expect(WorkspacePath.resolve("a.mp3", from: "deep/er/shows.yaml") == "deep/er/a.mp3")
        #expect(WorkspacePath.resolve("/srv/a.mp3", from: "shows/week-1.yaml") == "/srv/a.mp3")
    }
}
