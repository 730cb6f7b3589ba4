import CastformCore
import Foundation

extension ConstraintCheck {
    /// The file a manifest points at exists, is a regular file (symbolic links followed) that
    /// castform can read, and is within the size limit. A device or a FIFO has no end: it
    /// would be uploaded forever.
    static func file(_ value: ConfigValue, name: String, maxBytes: Int64, context: ValidationContext) -> [Diagnostic] {
        guard let relative = value.string else { return [] }
        let shown = context.displayPath(relative)
        let path = context.absolutePath(relative)
        var info = stat()
        guard stat(path, &info) == 0 else {
            return [.error("\"\(name)\" names \(shown), which does not exist", at: value.location)]
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            return [.error("\"\(name)\" names \(shown)\(kind.whichIsNotAFile)", at: value.location)]
        }
        guard access(path, R_OK) == 0 else {
            return [.error("\"\(name)\" names \(shown), which castform cannot read (check its permissions)", at: value.location)]
        }
        let size = Int64(info.st_size)
        if size > maxBytes {
            // Just over the limit rounds to the limit itself: then only exact bytes make sense.
            let (actual, limit) = byteCount(size) == byteCount(maxBytes)
                ? ("\(size) bytes", "\(maxBytes) bytes (\(byteCount(maxBytes)))")
                : (byteCount(size), byteCount(maxBytes))
            return [.error("\"\(name)\" file \(shown) is \(actual); the limit is \(limit)", at: value.location)]
        }
        return []
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
