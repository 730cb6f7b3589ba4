import Foundation
import Testing

/// The habits STYLE.md asks for, checked on every run so they cannot erode one file at a time:
/// no function longer than a screen, no lock the compiler cannot see, no wait outside the
/// injected clock, and an engine that knows neither manifests nor services.
@Suite struct CodeShapeTests {
    static let longestFunction = 60

    @Test func noFunctionIsLongerThanSixtyLines() throws {
        var offending: [String] = []
        for file in try SourceFile.all() {
            for function in SwiftFunctions.spans(in: file.lines) where function.length > Self.longestFunction {
                offending.append("\(file.name):\(function.line): \(function.length) lines: \(function.declaration)")
            }
        }
        #expect(offending.isEmpty, "split these into functions of their steps:\n\(offending.joined(separator: "\n"))")
    }

    /// An `@unchecked Sendable` is allowed only with a `// @unchecked:` comment above it saying
    /// why no lock or actor could express what the type does.
    @Test func everyUncheckedSendableSaysWhy() throws {
        var offending: [String] = []
        for file in try SourceFile.all() {
            for (index, line) in file.lines.enumerated() where line.contains("@unchecked Sendable") && !line.hasPrefix("//") {
                let above = file.lines[..<index].reversed().prefix { $0.hasPrefix("//") }
                if !above.contains(where: { $0.hasPrefix("// @unchecked:") }) {
                    offending.append("\(file.name):\(index + 1): \(line)")
                }
            }
        }
        #expect(offending.isEmpty, "use a Mutex or an actor, or say why not:\n\(offending.joined(separator: "\n"))")
    }

    /// Every wait goes through the clock a component is given, so tests run waits instantly.
    @Test func onlyTheSystemClockSleeps() throws {
        let offending = try SourceFile.all().flatMap { file in
            file.lines.enumerated().filter { $0.element.contains("Task.sleep") && !$0.element.hasPrefix("//") }
                .map { "\(file.name):\($0.offset + 1): \($0.element)" }
        }.filter { !$0.hasPrefix("CastformHTTP/Clock/SystemClock.swift:") }
        #expect(offending.isEmpty, "wait on the injected clock instead:\n\(offending.joined(separator: "\n"))")
    }

    @Test func theEngineImportsNeitherManifestsNorProviders() throws {
        let offending = try SourceFile.all(in: "CastformExecution").flatMap { file in
            file.lines.filter { $0 == "import CastformManifest" || $0 == "import CastformProviders" }.map { "\(file.name): \($0)" }
        }
        #expect(offending.isEmpty, "\(offending)")
    }

    @Test func theScannerMeasuresFunctionsAndIgnoresBracesInStrings() {
        let lines = """
            func short() {
                let template = "${var.name}"
                let block = \"\"\"
                    { not a brace that counts
                    \"\"\"
            }
            struct Kept {
                init(value: Int) {
                    if value > 0 {
                        print("}")
                    }
                }
            }
            """.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let spans = SwiftFunctions.spans(in: lines)
        #expect(spans.map(\.line) == [1, 8])
        #expect(spans.map(\.length) == [6, 5])
    }
}

/// A Swift file of Sources/, its lines trimmed of indentation.
struct SourceFile {
    var name: String
    var lines: [String]

    static var sources: URL { ModuleBoundaryTests.sources }

    static func all(in module: String? = nil) throws -> [SourceFile] {
        let root = module.map { sources.appendingPathComponent($0) } ?? sources
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return try files.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            let name = String(url.path.dropFirst(sources.path.count + 1))
            return SourceFile(name: name, lines: text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }
}
