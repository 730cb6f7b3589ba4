import Hummingbird
import NIOCore

/// The request context of every emulator: Hummingbird's basics plus the channel, so fault
/// injection can drop a connection after a request was handled.
public struct EmulatorContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel
    /// The fault plan in force for this request, set by the fault middleware, so routes that
    /// stream bodies can honour `uploadBytesPerSecond`.
    public var faultPlan = FaultPlan()
    /// The clock the server was given, for routes that wait (upload pacing); set by the fault
    /// middleware with the plan.
    public var clock: any Clock<Duration> = ContinuousClock()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Uploads are large: bodies are streamed by the routes that take files, and the limit for
    /// bodies collected whole is generous.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}
