import CastformCore

/// SideFX's web API (client credentials, RPC calls), read as data sources. Only functions that
/// read are allowed: license.* and bugs.submit_issue create things (OTHER-APIS.md).
public enum SideFXSchemas {
    public static let readFunctions = [
        "download.get_daily_builds_list", "download.get_daily_build_download",
        "changelog.get_latest_changelog_entries", "bugs.get_submission_options",
    ]

    static let products = [
        "houdini", "houdini-py3", "houdini-py37", "houdini-py2", "docker", "sidefxlabs",
        "houdini-launcher", "houdini-launcher-py3", "houdini-launcher-py37", "launcher-iso",
        "launcher-iso-py3", "launcher-iso-py37", "launcher-iso-py2",
    ]

    public static let call = ResourceTypeSchema(
        name: "sidefx_call",
        mode: .data,
        provider: "sidefx",
        summary: "The result of one read-only SideFX API function.",
        body: ObjectSchema([
            Attribute("function", .string, .required, constraints: [.oneOf(readFunctions)]),
            Attribute("args", .list(.any)),
            Attribute("kwargs", .map(.any)),
            Attribute("result", .any, .computed),
        ])
    )

    public static let build = ResourceTypeSchema(
        name: "sidefx_build",
        mode: .data,
        provider: "sidefx",
        summary: "The latest good daily build of a SideFX product, and where to download it.",
        body: ObjectSchema([
            Attribute("product", .string, .required, constraints: [.oneOf(products)]),
            Attribute("version", .string),
            Attribute("platform", .string),
            Attribute("only_production", .bool, default: .bool(false)),
            Attribute("build", .string, .computed),
            Attribute("date", .string, .computed),
            Attribute("release", .string, .computed),
            Attribute("download_url", .string, .computed, summary: "A signed URL: re-read on every plan."),
            Attribute("filename", .string, .computed),
            Attribute("size", .int, .computed),
            Attribute("hash", .string, .computed, summary: "MD5 of the file, hex."),
        ])
    )

    public static let all = [call, build]
}
