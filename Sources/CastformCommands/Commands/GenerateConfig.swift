import ArgumentParser
import CastformCore
import CastformManifest
import CastformState
import Foundation

/// `castform import PROVIDER --generate-config DIR`: takes over an existing catalogue.
///
/// Every object the provider discovers gets a manifest file in DIR and an entry in state, so
/// the next plan shows no changes and the files are ready to commit. All or nothing: the
/// files are checked (no overwrites, names unique, manifests valid) before state is touched,
/// and written files are removed again if state cannot be saved.
struct GenerateConfig {
    let session: Session
    let provider: String
    let account: String?
    let directory: String

    /// One generated manifest: where it goes, its text, and the object as state records it.
    struct Generated {
        var path: String
        var text: String
        var state: ResourceState
    }

    func run() async throws {
        guard let provider = session.providers.providers[provider] else {
            throw CommandError("there is no provider \"\(self.provider)\"" + Suggestion.didYouMean(self.provider, in: session.providers.providers.keys.sorted()))
        }
        let folder = try outputFolder()
        try await session.withLock("import") {
            var state = try await session.loadState()
            // A create whose answer was lost may have made one of the account's objects: the
            // next plan finds and adopts it; importing it first would make it two resources.
            if let pending = state.resources.first(where: { $0.pending != nil }) {
                throw CommandError("\(pending.address) has a create whose outcome is unknown: run castform plan (or apply) first, so that it is found or made again")
            }
            let discovery = await provider.discover(DiscoveryRequest(account: account))
            PlanOutput.report(discovery.diagnostics)
            if discovery.diagnostics.hasErrors { throw ExitCode.failure }
            let (files, skipped, warnings) = generate(discovery, provider: provider.name, folder: folder, state: state)
            try await write(files, into: folder, state: &state)
            for item in skipped { Console.out("Skipped \(item).\n") }
            for warning in warnings { Console.err("warning: \(warning)\n") }
            Console.out("Wrote \(files.count) manifest(s) to \(folder.shown)/ and imported them (\(discovery.requestCount) requests). "
                        + "Run castform plan: it should show no changes.\n")
        }
    }

    /// A manifest per discovered object state does not hold, under a name no declaration or
    /// state entry uses; the objects skipped, and what each manifest leaves out.
    private func generate(_ discovery: DiscoveryResult, provider: String, folder: (absolute: String, shown: String),
                          state: StateSnapshot) -> (files: [Generated], skipped: [String], warnings: [String]) {
        var taken = Set(session.workspace.resources.map(\.address.name) + state.resources.map(\.address.name))
        var files: [Generated] = []
        var skipped: [String] = []
        var warnings: [String] = []
        let claimed = state.claimedIDs
        for found in discovery.objects {
            guard let schema = session.providers.registry.schema(.managed, found.type) else { continue }
            if claimed.contains(found.object.id) {
                skipped.append("\(found.object.id) (already \(state.holder(of: found.object.id) ?? "managed"))")
                continue
            }
            let name = unique(found.name, taken: &taken)
            let address = ResourceAddress(type: found.type, name: name)
            let comments = (found.source.map { [$0] } ?? []) + found.omissions.map { "Not declared: \($0)" }
            let text = ManifestWriter.document(schema, resources: [.init(name: name, values: found.manifest, comments: comments)],
                                               header: header(provider, notes: discovery.notes))
            for omission in found.omissions { warnings.append("\(folder.shown)/\(name).yaml: not declared: \(omission)") }
            files.append(Generated(path: folder.absolute + "/" + name + ".yaml", text: text,
                                   state: Import.imported(found.object, at: address, provider: provider, lineage: state.lineage)))
        }
        return (files, skipped, warnings)
    }

    /// All or nothing: no file is overwritten, and written files are removed again if the
    /// manifests do not load or state cannot be saved.
    private func write(_ files: [Generated], into folder: (absolute: String, shown: String), state: inout StateSnapshot) async throws {
        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        guard existing.isEmpty else {
            throw CommandError("not overwriting \(existing.count) existing file(s), e.g. \(existing[0]): choose an empty directory")
        }
        try FileManager.default.createDirectory(atPath: folder.absolute, withIntermediateDirectories: true)
        var written: [String] = []
        do {
            for file in files {
                try file.text.write(toFile: file.path, atomically: true, encoding: .utf8)
                written.append(file.path)
            }
            try checkManifests()
            for file in files { state.apply(.put(file.state)) }
            try await session.backend.persist(state)
        } catch {
            for path in written { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }

    /// DIR, relative to the workspace, which it must be inside: manifests elsewhere are not read.
    private func outputFolder() throws -> (absolute: String, shown: String) {
        let root = URL(fileURLWithPath: session.workspace.absoluteRoot).standardizedFileURL.path
        let absolute = directory.hasPrefix("/") ? directory : root + "/" + directory
        let normalised = URL(fileURLWithPath: absolute).standardizedFileURL.path
        guard normalised == root || normalised.hasPrefix(root + "/") else {
            throw CommandError("--generate-config \(directory) is outside the workspace \(session.workspace.root): castform reads manifests only below it")
        }
        let relative = normalised == root ? "." : String(normalised.dropFirst(root.count + 1))
        guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") && $0 != "." }) else {
            throw CommandError("--generate-config \(directory) is a hidden directory, which castform does not read manifests from")
        }
        return (normalised, relative)
    }

    /// The workspace with the new files must load without a diagnostic; otherwise the user
    /// sees exactly where, and nothing is kept.
    private func checkManifests() throws {
        var loader = WorkspaceLoader(registry: session.runtime.registry, environment: session.runtime.environment)
        loader.allowsEmpty = true  // an account without shows writes nothing
        let result = loader.load(root: session.workspace.absoluteRoot)
        guard result.hasErrors else { return }
        Session.report(result)
        throw CommandError("the generated manifests do not validate (see above; please report it, as castform should not write what it cannot read); nothing was imported")
    }

    private func unique(_ name: String, taken: inout Set<String>) -> String {
        var candidate = name
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(name)-\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }

    private func header(_ provider: String, notes: [String]) -> [String] {
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withFullDate])
        return ["Generated by `castform import \(provider) --generate-config` on \(date). Edit freely:",
                "castform plan shows what an edit would change."] + notes
    }
}
