import Hummingbird

/// One emulated API: it adds its routes to a router and reports what it holds.
public protocol EmulatedService: Sendable {
    /// "mixcloud", "livepeer", ...
    var name: String { get }
    func addRoutes(to router: Router<EmulatorContext>)
}
