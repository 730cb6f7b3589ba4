import Foundation

/// Compares text with a snapshot file kept beside the tests (`__Snapshots__/NAME.txt`).
/// A missing snapshot is written and reported as a failure; `CASTFORM_RECORD_SNAPSHOTS=1`
/// rewrites them all. Returns a failure message, or nil when the text matches.
public enum Snapshot {
    public static func check(_ text: String, named name: String, testFile: String = #filePath) -> String? {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = directory.appendingPathComponent("\(name).txt")
        let recording = ProcessInfo.processInfo.environment["CASTFORM_RECORD_SNAPSHOTS"] == "1"
        if !recording, let existing = try? String(contentsOf: file, encoding: .utf8) {
            return existing == text ? nil : "snapshot \(name) differs:\n--- expected\n\(existing)\n--- actual\n\(text)"
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        return recording ? nil : "snapshot \(name) did not exist; it was recorded at \(file.path): check it and run again"
    }
}
