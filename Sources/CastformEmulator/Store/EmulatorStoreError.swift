import Foundation

/// Why an emulator's store could not load or save its data. Worded in
/// `EmulatorStoreError+Message.swift`.
public enum EmulatorStoreError: Error, Equatable, Sendable {
    /// The data file exists but cannot be read (permissions, a directory in its place).
    case unreadable(file: String, reason: String)
    /// A journal line (1-based) that is not a change the emulator wrote.
    case corruptLine(file: String, line: Int, reason: String)
    /// The data file of an earlier castform (one JSON document) that cannot be decoded.
    case corruptDocument(file: String, reason: String)
    /// A change could not be written: the route that made it fails, and the change stays
    /// queued for the next write.
    case unwritable(file: String, reason: String)
}
