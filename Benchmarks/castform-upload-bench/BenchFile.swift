import Foundation

/// The file to upload: random bytes (one 8 MiB random block repeated, so no layer can
/// compress or skip it), or a sparse file that reads as zeros without touching the disk.
enum BenchFile {
    static func create(sizeMiB: Int, sparse: Bool) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("castform-upload-bench-\(getpid()).mp3").path
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw POSIXError(.EACCES) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let size = UInt64(sizeMiB) << 20
        if sparse {
            try handle.truncate(atOffset: size)
            return path
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var block = [UInt8](repeating: 0, count: 8 << 20)
        block.withUnsafeMutableBytes { raw in
            for index in 0..<(raw.count / 8) {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                raw.storeBytes(of: state, toByteOffset: index * 8, as: UInt64.self)
            }
        }
        var written: UInt64 = 0
        while written < size {
            let count = Int(min(UInt64(block.count), size - written))
            try handle.write(contentsOf: block[0..<count])
            written += UInt64(count)
        }
        return path
    }
}
