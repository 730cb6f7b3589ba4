import ArgumentParser
import CastformManifest
import CastformRendering
import Foundation

/// `castform fmt`: manifests in canonical layout, as `terraform fmt` does for HCL.
struct Fmt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite manifests and castform.yaml in castform's canonical layout.",
        discussion: """
            Two-space indentation, keys in the order the schema lists them (for_each first, \
            depends_on and lifecycle last), lists of short objects such as tracklists one \
            aligned flow mapping per line, short lists of scalars in flow style. Values are kept \
            exactly as written (times, quotes), and so are comments and blank lines. Prints the \
            files it changes. A file fmt cannot lay out without changing its meaning or moving \
            a comment (anchors, several documents) is left as written, with a warning.
            """
    )

    @Argument(help: ArgumentHelp("Files or directories (default: the current directory); a directory means its castform.yaml and every manifest below it.", valueName: "path"))
    var paths: [String] = []

    @Flag(name: [.long, .customLong("check", withSingleDash: true)],
          help: "Write nothing; list the files that are not formatted and exit 3 if any (for CI).")
    var check = false

    @Flag(name: [.long, .customLong("diff", withSingleDash: true)], help: "Print the changes as a unified diff.")
    var diff = false

    func run() async throws {
        let formatter = ManifestFormatter(registry: Runtime.current.registry)
        var changed = 0
        var broken = 0
        for path in try Self.files(paths.isEmpty ? ["."] : paths) {
            switch try format(path, formatter) {
            case .changed: changed += 1
            case .broken: broken += 1
            case .unchanged: break
            }
        }
        if broken > 0 { throw ExitCode.failure }
        if check && changed > 0 { throw ExitCode(3) }
    }

    enum FileResult { case unchanged, changed, broken }

    private func format(_ path: String, _ formatter: ManifestFormatter) throws -> FileResult {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            Console.error("\(path): cannot read the file as UTF-8 text")
            return .broken
        }
        switch formatter.format(text, file: path, isSettings: ManifestFormatter.isSettingsFile(path)) {
        case .skipped(let reason):
            if reason.isError {
                Console.error("\(path): \(reason)")
                return .broken
            }
            Console.warning("\(path): \(reason)")
            return .unchanged
        case .formatted(let result) where result == text:
            return .unchanged
        case .formatted(let result):
            Console.out(path + "\n")
            if diff { Console.out(UnifiedDiff.render(old: text, new: result, path: path)) }
            if !check { try Self.replace(path, with: result) }
            return .changed
        }
    }

    /// Writes `text` over the file at `path` atomically, keeping its permissions.
    static func replace(_ path: String, with text: String) throws {
        let permissions = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        if let permissions { try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path) }
    }

    /// The files `paths` name: files as given, directories expanded to their settings file
    /// and manifests.
    static func files(_ paths: [String]) throws -> [String] {
        try paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or directory")
            }
            guard isDirectory.boolValue else { return [path] }
            let found = ManifestFormatter.files(in: URL(fileURLWithPath: path).standardizedFileURL.path)
            let prefix = path == "." ? "" : (path.hasSuffix("/") ? path : path + "/")
            return (found.settings + found.manifests).map { prefix + $0 }
        }
    }
}
