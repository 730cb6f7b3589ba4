import Foundation

extension EmulatorStoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "cannot read the emulator's data file \(file): \(reason)"
        case .corruptLine(let file, let line, let reason):
            return "\(file):\(line): the emulator's data file is damaged at this line (\(reason)); repair or remove the line, or remove the file to start empty"
        case .corruptDocument(let file, let reason):
            return "\(file): the emulator's data file cannot be read (\(reason)); remove it to start empty"
        case .unwritable(let file, let reason):
            return "cannot save the emulator's data to \(file): \(reason)"
        }
    }

    /// An underlying error in words, for the store's own error to carry.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        case DecodingError.keyNotFound(let key, let context):
            return "no \"\(key.stringValue)\" at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context))"
        default:
            return (error as NSError).localizedDescription
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "the top level" : path
    }
}
