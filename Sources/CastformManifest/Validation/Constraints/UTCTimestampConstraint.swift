import CastformCore

extension ConstraintCheck {
    /// `YYYY-MM-DDTHH:MM:SSZ`, the only form a scheduled publication date takes, naming a day that exists.
    static func utcTimestamp(_ value: ConfigValue, name: String) -> [Finding] {
        guard let text = value.string else { return [] }
        guard let (year, month, day) = utcTimestampDate(text) else {
            return [Finding(.constraint(.notUTCTimestamp(attribute: name, written: text)), at: value.location)]
        }
        let days = daysIn(month: month, year: year)
        guard day <= days else {
            let problem = ConstraintProblem.noSuchDay(attribute: name, written: text, month: month, year: year, days: days)
            return [Finding(.constraint(problem), at: value.location)]
        }
        return []
    }

    /// The date of a timestamp of the right form, with month 1–12, day 1–31 and a valid time.
    static func utcTimestampDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return nil }
        let shape = Array("dddd-dd-ddTdd:dd:ddZ".utf8)
        for (byte, expected) in zip(bytes, shape) {
            if expected == UInt8(ascii: "d") {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            } else if byte != expected {
                return nil
            }
        }
        func number(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self))! }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard (1...12).contains(month), (1...31).contains(day),
              number(11..<13) < 24, number(14..<16) < 60, number(17..<19) < 60
        else { return nil }
        return (year, month, day)
    }

    /// Gregorian: February has 29 days in years divisible by 4, except centuries not divisible by 400.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
