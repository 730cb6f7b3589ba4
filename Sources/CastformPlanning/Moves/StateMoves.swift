import CastformCore
import CastformManifest
import CastformState

/// The manifests' `moved` entries applied to state before planning, as Terraform's `moved`
/// blocks: state's object for `from` is planned as `to`'s, so a renamed resource (or one
/// turned into an instance of a `for_each`) keeps its object instead of being removed and
/// made again. Without it, renaming a show's key would unpublish the show and upload it anew.
///
/// A move whose `from` state does not hold was carried out already (or never had anything
/// to move) and is nothing. A move of a resource without instance key also moves its
/// instances (`a.x` to `a.y` moves `a.x["k"]` to `a.y["k"]`). Apply records each move in
/// state (`StateChange.move`) before anything else happens to the object.
struct StateMoves {
    /// State as planning sees it: every move carried out.
    private(set) var state: StateSnapshot
    /// For each address an object moved to, where state held it.
    private(set) var previous: [ResourceAddress: ResourceAddress] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(_ moves: [Move], state original: StateSnapshot) {
        state = original
        guard !moves.isEmpty else { return }
        var byAddress = Dictionary(original.resources.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        for move in moves {
            for (from, to) in Self.pairs(move, in: byAddress) {
                guard byAddress[to] == nil else {
                    diagnostics.append(.manifest(.moved(.targetExists(from: from, to: to)), at: move.location))
                    continue
                }
                guard var resource = byAddress.removeValue(forKey: from) else { continue }
                resource.address = to
                byAddress[to] = resource
                previous[to] = from
            }
        }
        if !previous.isEmpty { state.resources = byAddress.values.sorted { $0.address < $1.address } }
    }

    /// The addresses one move takes objects from and to: the address itself, or else every
    /// instance of a declaration moved as a whole.
    static func pairs(_ move: Move, in byAddress: [ResourceAddress: ResourceState]) -> [(ResourceAddress, ResourceAddress)] {
        if byAddress[move.from] != nil { return [(move.from, move.to)] }
        guard move.from.key == nil, move.to.key == nil else { return [] }
        return byAddress.keys.filter { $0.key != nil && $0.declaration == move.from }.sorted()
            .map { ($0, move.to.instance($0.key!)) }
    }
}
