import CastformCore
import Foundation

extension ConstraintCheck {
    /// The file a manifest points at is one castform may upload: see `WorkspaceFileCheck`.
    static func file(_ value: ConfigValue, name: String, maxBytes: Int64, context: ValidationContext) -> [Diagnostic] {
        guard let relative = value.string else { return [] }
        return WorkspaceFileCheck.problems(relative, attribute: name, maxBytes: maxBytes, at: value.location,
                                           workspace: context.workspace)
    }

    /// 4 GiB, 10 MiB, 12.5 MiB: binary units, as the limits are documented.
    static func byteCount(_ bytes: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }
}
