import CastformCore

extension ConstraintCheck {
    /// Tracklist starts strictly increase: a service shows them in order of time.
    static func increasing(_ value: ConfigValue, name: String, key: String) -> [Diagnostic] {
        var previous: Int?
        var diagnostics: [Diagnostic] = []
        for (index, item) in value.items.enumerated() {
            guard let start = item[key], let seconds = start.int else { continue }
            if let previous, seconds <= previous {
                let what = seconds == previous ? "starts at the same time as" : "starts before"
                diagnostics.append(.error(
                    "\(name) item \(index + 1) \(what) the one before it (\(TimeParser.format(seconds)) after \(TimeParser.format(previous))); \(key) times must increase",
                    at: start.location))
            }
            previous = max(previous ?? seconds, seconds)
        }
        return diagnostics
    }
}
