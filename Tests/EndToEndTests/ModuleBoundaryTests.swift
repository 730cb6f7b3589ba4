import Foundation
import Testing

/// The promise the design makes — adding a provider means adding one folder — holds only if
/// no neutral module knows a service. This test reads their sources (comments included: they
/// rot the same way) and names every line that does.
@Suite struct ModuleBoundaryTests {
    static let neutralModules = ["YAML", "CastformCore", "CastformManifest", "CastformPlanning", "CastformExecution",
                                 "CastformState", "CastformRendering", "CastformHTTP"]
    static let services = ["mixcloud", "livepeer", "livestream", "livecoding", "sidefx"]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    @Test func noNeutralModuleNamesAService() throws {
        var offending: [String] = []
        for module in Self.neutralModules {
            let folder = Self.sources.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where file.pathExtension == "swift" {
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                for (number, line) in lines.enumerated() where Self.services.contains(where: { line.lowercased().contains($0) }) {
                    offending.append("\(module)/\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offending.isEmpty, "only Providers/ (and the emulator) may name a service:\n\(offending.joined(separator: "\n"))")
    }
}
