import ArgumentParser
import CastformState
import Foundation

/// `castform state pull` and `state push`: the whole state as a JSON document, out of and
/// into whichever backend the workspace uses (a local file, PostgreSQL).
extension StateCommand {
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Print the state as JSON (the format of a local state.json).",
            discussion: """
                Reads the state from the workspace's backend, with every recorded change, and \
                prints it on standard output: castform state pull > state.json keeps a copy, \
                which castform state push can put back. Prints nothing when there is no state yet.
                """
        )
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            do {
                let state = try await Session.run(workspace.directory, sandbox: workspace.sandbox) { try await $0.backend.load() }
                guard let state else { return }
                Console.out(String(decoding: try state.jsonData(), as: UTF8.self) + "\n")
            } catch {
                throw failure(error)
            }
        }
    }

    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Replace the state with a JSON state document (from castform state pull).",
            discussion: """
                Takes the state lock and writes FILE (- for standard input) as the workspace's \
                state. Refused when FILE belongs to another state (its lineage differs) or is \
                older than the current state (a lower serial): pushing it would undo recorded \
                changes. -force pushes anyway, with a serial above the current one, so plan \
                files made before the push are seen to be stale.
                """
        )
        @Argument(help: ArgumentHelp("The state document, or - for standard input.", valueName: "file")) var file: String
        @Flag(name: .terraform("force"), help: "Push even when the lineage differs or the serial is older.")
        var force = false
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            do {
                let pushed = try StateSnapshot(json: try read(), source: file == "-" ? "standard input" : file)
                try await Session.run(workspace.directory, sandbox: workspace.sandbox) { session in
                    try await session.withLock("state push") {
                        let replacement = try Self.replacement(pushed, current: try await session.backend.load(), force: force)
                        try await session.backend.persist(replacement)
                        Console.out("Pushed the state (lineage \(replacement.lineage), serial \(replacement.serial)).\n")
                    }
                }
            } catch {
                throw failure(error)
            }
        }

        /// What to write: `pushed` as it is, or refused; forced, with a serial above `current`'s.
        static func replacement(_ pushed: StateSnapshot, current: StateSnapshot?, force: Bool) throws -> StateSnapshot {
            guard let current else { return pushed }
            var replacement = pushed
            if force {
                replacement.serial = max(pushed.serial, current.serial + 1)
                return replacement
            }
            guard pushed.lineage == current.lineage else {
                throw StateError.pushRefused(.otherLineage(current: current.lineage, pushed: pushed.lineage))
            }
            guard pushed.serial >= current.serial else {
                throw StateError.pushRefused(.olderSerial(current: current.serial, pushed: pushed.serial))
            }
            return replacement
        }

        private func read() throws -> Data {
            if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandError("cannot read \(file): give the path of a state document (castform state pull > FILE makes one)")
            }
            return data
        }
    }
}
