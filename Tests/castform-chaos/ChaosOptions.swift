import Foundation

/// The command line of castform-chaos.
struct ChaosOptions {
    var objects = 100
    var kills = 10
    var destroyKills: Int?
    var faultRate = 0.1
    var seed: UInt64 = 1
    var binary = ChaosOptions.defaultBinary
    var keep = false
    var verbose = false

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--objects": objects = Int(rest.popFirst() ?? "") ?? objects
            case "--kills": kills = Int(rest.popFirst() ?? "") ?? kills
            case "--destroy-kills": destroyKills = Int(rest.popFirst() ?? "")
            case "--fault-rate": faultRate = Double(rest.popFirst() ?? "") ?? faultRate
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--binary": binary = rest.popFirst() ?? binary
            case "--keep": keep = true
            case "--verbose": verbose = true
            default:
                print("castform-chaos: unknown option \(flag); see Tests/castform-chaos/main.swift")
                exit(2)
            }
        }
    }

    var destroyKillCount: Int { destroyKills ?? kills / 2 }

    /// `castform` beside this program (both are products of the same build).
    static var defaultBinary: String {
        if let explicit = ProcessInfo.processInfo.environment["CASTFORM_BINARY"] { return explicit }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("castform").path
    }
}

/// A small seedable generator (SplitMix64), so a failing run can be repeated.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
