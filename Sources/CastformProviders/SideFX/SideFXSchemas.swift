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
            Attribute("function", .string, .required, constraints: [.oneOf(readFunctions)],
                      summary: "The API function, dotted; only functions that read are allowed."),
            Attribute("args", .list(.any), summary: "Its positional arguments."),
            Attribute("kwargs", .map(.any), summary: "Its keyword arguments."),
            Attribute("result", .any, .computed, summary: "What the function returned, as a value."),
        ])
    ).documented(fields: ServiceFields(.same, exceptions: ["function": "json[0]", "args": "json[1]", "kwargs": "json[2]"]),
                 example: """
        data:
          sidefx_call:
            changes:
              function: changelog.get_latest_changelog_entries
              kwargs: {product: houdini, version: "20.5"}
        """)

    public static let build = ResourceTypeSchema(
        name: "sidefx_build",
        mode: .data,
        provider: "sidefx",
        summary: "The latest good daily build of a SideFX product, and where to download it.",
        body: ObjectSchema([
            Attribute("product", .string, .required, constraints: [.oneOf(products)], summary: "What to download, e.g. houdini."),
            Attribute("version", .string, summary: "Major.minor, e.g. 20.5; unset, the newest."),
            Attribute("platform", .string, summary: "e.g. linux_x86_64_gcc11.2; unset, any."),
            Attribute("only_production", .bool, default: .bool(false), summary: "Only production (gold) builds."),
            Attribute("build", .string, .computed, summary: "The build number, the newest by number (not as text)."),
            Attribute("date", .string, .computed, summary: "Build date, YYYY/MM/DD."),
            Attribute("release", .string, .computed, summary: "gold (production) or devel (daily)."),
            Attribute("download_url", .string, .computed, summary: "A signed URL: re-read on every plan."),
            Attribute("filename", .string, .computed, summary: "The file's name."),
            Attribute("size", .int, .computed, summary: "Bytes."),
            Attribute("hash", .string, .computed, summary: "MD5 of the file, hex."),
        ])
    ).documented(fields: ServiceFields(.same, exceptions: [
        "only_production": "only_production (get_daily_builds_list)",
        "download_url": "download_url (get_daily_build_download)",
    ]), example: """
        data:
          sidefx_build:
            houdini:
              product: houdini
              version: "20.5"
              platform: linux_x86_64_gcc11.2
              only_production: true
        """)

    public static let all = [call, build]
}
