import CastformCore

/// `each` only where there is a `for_each`, and a `for_each` written in the manifest (or from
/// variables) that names its instances: a collection, one key per instance. A collection from
/// a data source or another resource is judged when planning, once it is known.
struct ForEachRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let evaluator = Evaluator(environment: [:], variables: context.workspace.config.variables)
        for declaration in context.workspace.resources {
            guard let forEach = declaration.forEach else {
                for (reference, location) in declaration.body.references {
                    guard case .each = reference else { continue }
                    diagnostics.append(.manifest(.forEach(.eachWithoutForEach(declaration.address, reference: reference.description)), at: location))
                }
                continue
            }
            let references = forEach.collection.references
            let knownNow = references.allSatisfy { if case .variable = $0.reference { return true }; return false }
            guard knownNow, context.workspace.config.variablesAreKnown, !context.isIncomplete(forEach.collection) else { continue }
            if case .failure(let problem) = forEach.instances(of: evaluator.evaluate(forEach.collection)) {
                diagnostics.append(.manifest(.forEach(problem), at: forEach.location))
            }
        }
        return diagnostics
    }
}

/// Moves that can all happen: each between two addresses of one managed type, each address
/// moved from once and to once, and no chains (castform moves an object once, straight to
/// where it goes). Whether state already holds a `to` is checked when planning.
struct MoveRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var from: [ResourceAddress: Move] = [:]
        var to: [ResourceAddress: Move] = [:]
        let moves = context.workspace.moves
        for move in moves {
            let problem: MoveProblem?
            if move.from == move.to {
                problem = .sameAddress(move.from)
            } else if move.from.mode == .data || move.to.mode == .data {
                problem = .dataSource(move.from.mode == .data ? move.from : move.to)
            } else if move.from.type != move.to.type {
                problem = .differentType(from: move.from, to: move.to)
            } else if from[move.from] != nil {
                problem = .movedTwice(move.from)
            } else if to[move.to] != nil {
                problem = .twoMovesTo(move.to)
            } else {
                problem = nil
            }
            if let problem {
                diagnostics.append(.manifest(.moved(problem), at: move.location))
                continue
            }
            from[move.from] = move
            to[move.to] = move
        }
        for move in moves where from[move.from] == move {
            if let earlier = to[move.from] {
                diagnostics.append(.manifest(.moved(.chain(move.from, into: move.to)), at: earlier.location))
            }
        }
        return diagnostics
    }
}
