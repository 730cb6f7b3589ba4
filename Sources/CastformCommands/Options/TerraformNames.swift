import ArgumentParser
import Foundation

extension NameSpecification {
    /// A flag Terraform users type with one dash or two (`-out` and `--out`, `-auto-approve`
    /// and `--auto-approve`): both spellings are accepted, as Terraform accepts both.
    static func terraform(_ name: String) -> NameSpecification {
        [.customLong(name), .customLong(name, withSingleDash: true)]
    }
}

/// A duration as Terraform writes it: `30s`, `5m`, `1m30s`, `500ms`, `0s`.
struct WaitDuration: ExpressibleByArgument, Sendable {
    var duration: Duration

    init?(argument: String) {
        var total = Duration.zero
        var rest = Substring(argument)
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber }
            guard let number = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count)
            switch unit {
            case "ms": total += .milliseconds(number)
            case "s": total += .seconds(number)
            case "m": total += .seconds(number * 60)
            case "h": total += .seconds(number * 3600)
            default: return nil
            }
        }
        duration = total
    }

    init(_ duration: Duration) {
        self.duration = duration
    }

    var defaultValueDescription: String { "0s" }
}

/// `--no-color`: the same as `NO_COLOR=1` (https://no-color.org), which every renderer honours.
struct ColorOption: ParsableArguments {
    @Flag(name: .terraform("no-color"), help: "Print without colour (as NO_COLOR=1 does).")
    var noColor = false

    func validate() throws {
        if noColor { setenv("NO_COLOR", "1", 1) }
    }
}
