import Foundation

/// How Mixcloud's forms read single values: booleans and `publish_date`.
enum FormValues {
    /// Booleans are undocumented (FACTS.md §2, [UNK]); clients send `1`, `true` or `on` for
    /// yes. The emulator accepts those (any case) and `0`, `false`, `off`, `no` and the empty
    /// string for no, and rejects anything else so a client's typo does not pass silently.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "on", "yes": return true
        case "0", "false", "off", "no", "": return false
        default: return nil
        }
    }

    /// `publish_date`: exactly `YYYY-MM-DDTHH:MM:SSZ`, in UTC.
    static func publishDate(_ text: String) -> Date? {
        let pattern = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/#
        guard text.wholeMatch(of: pattern) != nil else { return nil }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// Why a `start_time` was refused, in the words of Django's integer field.
    enum SecondsProblem: Error {
        case notWhole
        case tooLarge

        var message: String {
            switch self {
            case .notWhole: return "Enter a whole number of seconds."
            case .tooLarge: return "Ensure this value is less than or equal to \(FormValues.maxSeconds)."
            }
        }
    }

    /// Mixcloud documents no bound on `start_time`; its storage surely holds a signed 32-bit
    /// integer, which is castform's bound too.
    static let maxSeconds = 2_147_483_647

    /// Whole seconds, as `sections-X-start_time` takes them. Digits past the bound (a
    /// 40-digit number, which no `Int` holds) are too large; `1e300` is not a whole number.
    static func seconds(_ text: String) -> Result<Int, SecondsProblem> {
        guard let value = Int(text) else {
            let isDigits = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
            return .failure(isDigits ? .tooLarge : .notWhole)
        }
        guard value >= 0 else { return .failure(.notWhole) }
        return value > maxSeconds ? .failure(.tooLarge) : .success(value)
    }

    /// Django's text fields strip surrounding whitespace.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
