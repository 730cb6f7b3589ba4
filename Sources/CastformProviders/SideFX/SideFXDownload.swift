import Crypto
import CastformCore
import CastformHTTP
import Foundation
import Synchronization

/// `castform run data.sidefx_build.NAME download --to DIR`: the build the data source chose
/// (its values as state recorded them, passed in `options`), a fresh signed URL for it, the
/// file streamed into DIR in chunks (constant memory), a partial file continued with a Range
/// request, and the MD5 checked against the `hash` the plan showed — a file that differs is
/// deleted.
struct SideFXDownload {
    let client: SideFXClient

    func run(_ options: [String: String]) async throws(SideFXProblem) -> String {
        guard let product = options["product"], let version = options["version"], let build = options["build"],
              let platform = options["platform"], let expected = options["hash"], let filename = options["filename"], !filename.isEmpty else {
            throw .notRecorded(address: options["address"] ?? "the data source")
        }
        let directory = options["to"] ?? "."
        let path = (directory as NSString).appendingPathComponent((filename as NSString).lastPathComponent)
        let fresh = try await client.call("download.get_daily_build_download", kwargs: [
            "product": .string(product), "version": .string(version), "build": .string(build), "platform": .string(platform),
        ])
        guard let url = fresh["download_url"]?.string else { throw .unreadable(function: "download.get_daily_build_download", detail: "no download_url") }
        let file = try DownloadFile(path: path, directory: directory)
        let status = try await client.download(url, from: file.offset, filename: filename) { try file.write($0) }
        if status != 206 && file.offset > 0 { try file.restart(with: status) }
        let found = try file.finish()
        guard found == expected.lowercased() else {
            try? FileManager.default.removeItem(atPath: path)
            throw .hashMismatch(filename: filename, expected: expected, found: found)
        }
        return path
    }
}

/// The file being downloaded: appended to from where a partial file ended, its MD5 computed
/// over what was there and what arrives. A Mutex, since chunks arrive on the transport's task.
final class DownloadFile: Sendable {
    let path: String
    let offset: Int64
    private let state: Mutex<(handle: FileHandle, hasher: Insecure.MD5)>

    init(path: String, directory: String) throws(SideFXProblem) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            var hasher = Insecure.MD5()
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
            offset = Int64(try handle.offset())
            state = Mutex((handle, hasher))
        } catch {
            throw .fileError(path: path, detail: "\(error)")
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try state.withLock { state in
            try state.handle.write(contentsOf: bytes)
            state.hasher.update(data: bytes)
        }
    }

    /// The server ignored the range and sent the whole file after the partial one: the file
    /// is rewritten from what arrived, which is all of it.
    func restart(with status: Int) throws(SideFXProblem) {
        do {
            try state.withLock { state in
                try state.handle.seek(toOffset: UInt64(offset))
                let whole = try state.handle.readToEnd() ?? Data()
                try state.handle.truncate(atOffset: 0)
                try state.handle.write(contentsOf: whole)
                var hasher = Insecure.MD5()
                hasher.update(data: whole)
                state.hasher = hasher
            }
        } catch {
            throw .fileError(path: path, detail: "\(error)")
        }
    }

    /// Closes the file and gives its MD5, hex.
    func finish() throws(SideFXProblem) -> String {
        do {
            return try state.withLock { state in
                try state.handle.close()
                return Array(state.hasher.finalize()).lowercaseHex
            }
        } catch {
            throw .fileError(path: path, detail: "\(error)")
        }
    }
}
