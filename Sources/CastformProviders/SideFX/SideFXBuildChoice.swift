import CastformCore
import CastformHTTP

/// `sidefx_build`: the builds list, the newest good one by build *number* (the API's own order
/// is by text, so "1000" would come before "987"), then its download.
struct SideFXBuildChoice {
    let client: SideFXClient

    func newest(_ arguments: [String: Value]) async throws(SideFXProblem) -> [String: Value] {
        let product = arguments["product"]?.stringValue ?? ""
        let version = arguments["version"]?.stringValue
        let platform = arguments["platform"]?.stringValue
        let onlyProduction = arguments["only_production"] == .bool(true)
        var kwargs: [String: JSONValue] = ["product": .string(product), "only_production": .bool(onlyProduction)]
        if let version { kwargs["version"] = .string(version) }
        if let platform { kwargs["platform"] = .string(platform) }
        let list = try await client.call("download.get_daily_builds_list", kwargs: kwargs)
        let good = (list.array ?? []).filter { $0["status"]?.string == "good" && (!onlyProduction || $0["release"]?.string == "gold") }
        guard let chosen = good.max(by: { Self.number($0) < Self.number($1) }),
              let build = chosen["build"]?.string, let chosenVersion = chosen["version"]?.string, let chosenPlatform = chosen["platform"]?.string else {
            throw .noBuild(product: product, version: version, platform: platform, onlyProduction: onlyProduction)
        }
        let download = try await client.call("download.get_daily_build_download", kwargs: [
            "product": .string(product), "version": .string(chosenVersion), "build": .string(build), "platform": .string(chosenPlatform),
        ])
        var values: [String: Value] = [
            "build": .string(build), "version": .string(chosenVersion), "platform": .string(chosenPlatform),
            "date": .string(chosen["date"]?.string ?? ""), "release": .string(chosen["release"]?.string ?? ""),
        ]
        for key in ["download_url", "filename", "hash"] { values[key] = .string(download[key]?.string ?? "") }
        values["size"] = .int(Int(download["size"]?.number ?? 0))
        return values
    }

    static func number(_ build: JSONValue) -> Int {
        Int(build["build"]?.string ?? "") ?? -1
    }
}
