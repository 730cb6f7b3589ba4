import CastformCore
import Foundation

/// A saved plan (`plan -out FILE`): everything apply needs except secrets, which apply reads
/// again from the environment and checks against the hashes the plan recorded.
public struct PlanFile: Codable, Sendable {
    public static let format = "castform-plan"

    public var format: String
    public var version: Int
    /// The workspace the plan was made in (absolute), so a plan is not applied elsewhere.
    public var workspace: String
    public var plan: Plan

    public init(workspace: String, plan: Plan) {
        format = Self.format
        version = 1
        self.workspace = workspace
        self.plan = plan
    }

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
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let file = try? decoder.decode(PlanFile.self, from: data), file.format == format else {
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
