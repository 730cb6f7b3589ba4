import CastformCore
import CastformJSON
import Foundation

/// A saved plan (`plan -out FILE`): everything apply needs except secrets, which apply reads
/// again from the environment and checks against the hashes the plan recorded.
public struct PlanFile: Codable, Sendable {
    public static let format = "castform-plan"
    /// 2: lifecycle options and the `forget` action. 3: `sandbox`, so that a castform that
    /// cannot tell refuses the file rather than apply a sandbox plan to the real services.
    /// Older files still read.
    public static let currentVersion = 3

    public var format: String
    public var version: Int
    /// The workspace the plan was made in (absolute), for people reading the file.
    public var workspace: String
    /// Whether the plan was made with `--sandbox` (against castform's emulators): it is
    /// applied the same way or not at all. nil in files of version 2 and older (not sandboxed).
    public var sandbox: Bool?
    /// The variables given from outside castform.yaml (`-var`, `-var-file`, `CASTFORM_VAR_*`)
    /// and their values: apply uses them, as Terraform applies a saved plan with its variables.
    /// Never secrets (those come from `${env.X}`, read again at apply).
    public var variables: [String: Value]?
    public var plan: Plan

    public init(workspace: String, plan: Plan, sandbox: Bool = false, variables: [String: Value] = [:]) {
        format = Self.format
        version = Self.currentVersion
        self.workspace = workspace
        self.sandbox = sandbox
        self.variables = variables
        self.plan = plan
    }

    public var madeInSandbox: Bool { sandbox ?? false }

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(self)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw PlanFileError.unwritable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count else { throw PlanFileError.unwritable(path, String(cString: strerror(errno))) }
    }

    public static func read(from path: String) throws -> PlanFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw PlanFileError.unreadable(path, "no such file") }
        let decoder = JSONValueDecoder()
        struct Header: Decodable {
            var format: String
            var version: Int
        }
        guard let header = try? decoder.decode(Header.self, from: data), header.format == format else {
            throw PlanFileError.unreadable(path, "it is not a castform plan file")
        }
        guard header.version <= currentVersion else {
            throw PlanFileError.unreadable(path, "it was made by a newer castform (plan file version \(header.version); this one reads up to \(currentVersion))")
        }
        guard let file = try? decoder.decode(PlanFile.self, from: data) else {
            throw PlanFileError.unreadable(path, "it is not a castform plan file")
        }
        return file
    }
}

public enum PlanFileError: Error, Sendable {
    case unreadable(String, String)
    case unwritable(String, String)

    public var message: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read the plan file \(path): \(reason)"
        case .unwritable(let path, let reason): return "cannot write the plan file \(path): \(reason)"
        }
    }
}
