import CastformExecution
import Testing

/// The signal handler sets the flag; the executor waits on it without polling.
@Suite struct CancellationFlagTests {
    @Test func aWaiterWakesWhenTheFlagIsSet() async {
        let flag = CancellationFlag()
        async let waited: Void = flag.wait()
        flag.set()
        await waited
        #expect(flag.isSet)
    }

    @Test func waitingOnASetFlagReturnsAtOnce() async {
        let flag = CancellationFlag()
        flag.set()
        await flag.wait()
        #expect(flag.isSet)
    }

    @Test func aCancelledWaiterStopsWaiting() async {
        let flag = CancellationFlag()
        let waiter = Task { await flag.wait() }
        waiter.cancel()
        await waiter.value
        #expect(!flag.isSet)
    }
}
