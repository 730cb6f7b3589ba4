import CastformCore
import Synchronization
import Testing

@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 7, 128, 1_001, 10_000])
    func resultsAreInTheElementsOrder(count: Int) {
        let numbers = Array(0..<count)
        #expect(numbers.concurrentMap(minimumPerThread: 4) { $0 * 3 } == numbers.map { $0 * 3 })
    }

    @Test func eachElementIsTransformedOnce() {
        let calls = Mutex(0)
        let mapped = Array(repeating: 1, count: 5_000).concurrentMap { value in
            calls.withLock { $0 += 1 }
            return value
        }
        #expect(mapped.count == 5_000)
        #expect(calls.withLock { $0 } == 5_000)
    }

    /// Results are made in place in the array returned: ones that hold references (strings on
    /// the heap, objects) are each made once and freed once, with the array.
    @Test func resultsHoldingReferencesAreMadeAndFreedOnceEach() {
        let words = (0..<3_001).map { "word number \($0), long enough to live on the heap" }
        #expect(words.concurrentMap(minimumPerThread: 8) { [$0, $0.uppercased()] } == words.map { [$0, $0.uppercased()] })

        let made = Counter(), freed = Counter()
        do {
            let tracked = Array(0..<2_003).concurrentMap(minimumPerThread: 8) { Tracked($0, made: made, freed: freed) }
            #expect(tracked.map(\.value) == Array(0..<2_003))
        }
        #expect(made.value == 2_003)
        #expect(freed.value == 2_003)
    }
}

private final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

private final class Tracked: Sendable {
    let value: Int
    private let freed: Counter

    init(_ value: Int, made: Counter, freed: Counter) {
        made.add()
        self.value = value
        self.freed = freed
    }

    deinit { freed.add() }
}
