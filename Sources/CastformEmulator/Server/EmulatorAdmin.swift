import Foundation
import Hummingbird
import NIOCore

/// Routes under `/_castform/`, off every service's paths, through which tests, benchmarks
/// and the chaos suite drive an emulator running in another process (`castform emulator`).
/// They are never delayed, faulted or counted.
///
/// - `GET /_castform/objects`: every object the service holds, drafts and unlisted ones too,
///   as `[{"kind", "id", "name", "details"}]`.
/// - `GET /_castform/requests`: `{"total": N, "routes": {"METHOD /path": N}}` since the last
///   reset; `DELETE /_castform/requests` resets the count.
/// - `PUT /_castform/faults`: replaces the fault plan with `{"latency_ms": 50, "rate": 0.1,
///   "faults": "drop,500,503,429,403", "only": ["POST /upload/"], "upload_rate": 65536,
///   "seed": 7}` (every member optional; the fault names of `castform emulator --faults`).
enum EmulatorAdmin {
    static let prefix = "/_castform/"

    static func addRoutes(to router: Router<EmulatorContext>, service: any EmulatedService, faults: FaultInjector, log: RequestLog) {
        let admin = router.group("_castform")
        admin.get("objects") { _, _ in json(try encoder.encode(await service.inventory())) }
        admin.get("requests") { _, _ in
            let routes = log.entries.reduce(into: [String: Int]()) { $0["\($1.method) \($1.path)", default: 0] += 1 }
            return json(try encoder.encode(RequestCounts(total: routes.values.reduce(0, +), routes: routes)))
        }
        admin.delete("requests") { _, _ in
            log.reset()
            return Response(status: .noContent)
        }
        admin.put("faults") { request, _ in
            let body = try await request.body.collect(upTo: 64 * 1024)
            do {
                faults.update(try FaultSettings.decode(Data(buffer: body)).plan())
                return Response(status: .noContent)
            } catch let problem as FaultSettings.Problem {
                return json(Data(#"{"error":"\#(problem.message)"}"#.utf8), status: 400)
            }
        }
    }

    struct RequestCounts: Codable {
        var total: Int
        var routes: [String: Int]
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ data: Data, status: Int = 200) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A fault plan as people write it: on the command line (`castform emulator --faults
/// drop,500`) and in `PUT /_castform/faults`.
public struct FaultSettings: Codable, Sendable {
    public var latencyMs: Int?
    public var rate: Double?
    public var faults: String?
    public var only: [String]?
    public var uploadRate: Int?
    public var seed: UInt64?

    public struct Problem: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    enum CodingKeys: String, CodingKey {
        case latencyMs = "latency_ms", rate, faults, only, uploadRate = "upload_rate", seed
    }

    public init(latencyMs: Int? = nil, rate: Double? = nil, faults: String? = nil, only: [String]? = nil,
                uploadRate: Int? = nil, seed: UInt64? = nil) {
        self.latencyMs = latencyMs
        self.rate = rate
        self.faults = faults
        self.only = only
        self.uploadRate = uploadRate
        self.seed = seed
    }

    static func decode(_ data: Data) throws -> FaultSettings {
        do {
            return try JSONDecoder().decode(FaultSettings.self, from: data)
        } catch {
            throw Problem(message: "the body must be a JSON object with latency_ms, rate, faults, only, upload_rate, seed")
        }
    }

    /// The plan, or a problem naming what is wrong.
    public func plan() throws -> FaultPlan {
        let rate = rate ?? 0
        guard (0...1).contains(rate) else { throw Problem(message: "the fault rate must be between 0 and 1") }
        guard (latencyMs ?? 0) >= 0, (latencyMs ?? 0) <= 600_000 else { throw Problem(message: "latency must be 0 to 600000 ms") }
        let kinds = try (faults ?? "503").split(separator: ",").map { try Self.fault(String($0).trimmingCharacters(in: .whitespaces)) }
        return FaultPlan(latency: .milliseconds(latencyMs ?? 0), rate: rate, faults: kinds, only: only ?? [],
                         uploadBytesPerSecond: uploadRate, seed: seed ?? 42)
    }

    /// The fault names: an HTTP status (answered in the service's shape; Mixcloud's 403 is
    /// its rate limit), `ratelimit` (each service's own), `drop` (the request is carried out,
    /// the answer lost) and `drop-before` (the connection closes before it is read).
    public static let names = "429, 403, 500, 502, 503, 504, ratelimit, drop, drop-before"

    static func fault(_ name: String) throws -> FaultPlan.Fault {
        switch name {
        case "ratelimit": return .rateLimit(retryAfter: 1)
        case "drop": return .dropAfterHandling
        case "drop-before": return .dropBeforeHandling
        case "429", "503": return .status(Int(name)!, retryAfter: 1)
        case "403", "500", "502", "504": return .status(Int(name)!, retryAfter: nil)
        default: throw Problem(message: "unknown fault \(name): use \(names)")
        }
    }
}
