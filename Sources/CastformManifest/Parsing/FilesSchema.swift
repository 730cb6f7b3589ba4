import CastformCore

/// castform.yaml's `files` block: which files manifests may name for upload.
enum FilesSchema {
    static let schema = ObjectSchema([
        Attribute("allow_outside_workspace", .bool, default: .bool(false),
                  summary: "Let manifests name files outside the workspace (../x, absolute paths, links leading out). Off by default, so a manifest from a pull request cannot upload other files of the machine it runs on; when on, each such file still gets a warning."),
    ])
}
