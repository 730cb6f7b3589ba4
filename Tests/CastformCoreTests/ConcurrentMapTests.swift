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
}
