import Foundation
import Hummingbird

/// Reads a `multipart/form-data` request body as it streams in: file parts go straight to
/// files in `directory`, text fields are collected.
///
/// Only the fields named in `fileLimits` are stored, each up to its limit; other file parts
/// are counted and dropped. Reading is paced by the upload throttle of the fault plan.
struct MultipartFormReader {
    enum ReadError: Error {
        /// The body is not well-formed multipart.
        case malformed(MultipartParser.ParseError)
        /// A text field is longer than `maxFieldBytes`.
        case fieldTooLarge(String)
    }

    private enum Part {
        case text(String, [UInt8])
        case file(String, FileSink)
        case dropped(String, filename: String, contentType: String?, byteCount: Int64)
    }

    var directory: URL
    var fileLimits: [String: Int64]
    /// Text fields are small (a description is at most 1000 characters); this bounds memory.
    var maxFieldBytes = 1 << 20

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String?) -> String? {
        guard let contentType else { return nil }
        let header = HeaderValue(contentType)
        guard header.value == "multipart/form-data", let boundary = header.parameters["boundary"], !boundary.isEmpty else { return nil }
        return boundary
    }

    func read(_ body: RequestBody, boundary: String, throttle: UploadThrottle) async throws -> ReceivedForm {
        var parser = MultipartParser(boundary: boundary)
        var throttle = throttle
        var form = ReceivedForm()
        var part: Part?
        do {
            for try await chunk in body {
                let events: [MultipartParser.Event]
                do { events = try parser.feed(chunk.readableBytesView) } catch let error as MultipartParser.ParseError { throw ReadError.malformed(error) }
                for event in events {
                    try handle(event, part: &part, form: &form)
                }
                try await throttle.pace(after: chunk.readableBytes)
            }
            do { try parser.finish() } catch let error as MultipartParser.ParseError { throw ReadError.malformed(error) }
            return form
        } catch {
            if case .file(_, let sink)? = part { sink.abandon() }
            form.deleteFiles()
            throw error
        }
    }

    private func handle(_ event: MultipartParser.Event, part: inout Part?, form: inout ReceivedForm) throws {
        switch event {
        case .begin(let headers):
            part = try open(headers)
        case .data(let bytes):
            switch part {
            case .text(let name, var collected)?:
                guard collected.count + bytes.count <= maxFieldBytes else { throw ReadError.fieldTooLarge(name) }
                part = nil // Drop the reference, so appending does not copy.
                collected.append(contentsOf: bytes)
                part = .text(name, collected)
            case .file(_, let sink)?:
                try sink.write(bytes)
            case .dropped(let name, let filename, let contentType, let count)?:
                part = .dropped(name, filename: filename, contentType: contentType, byteCount: count + Int64(bytes.count))
            case nil:
                break
            }
        case .end:
            switch part {
            case .text(let name, let bytes)?:
                form.fields.append((name, String(decoding: bytes, as: UTF8.self)))
            case .file(let name, let sink)?:
                form.files[name]?.delete()
                form.files[name] = try sink.finish()
            case .dropped(let name, let filename, let contentType, let count)?:
                form.files[name]?.delete()
                form.files[name] = ReceivedFile(url: nil, filename: filename, contentType: contentType,
                                                byteCount: count, sha256: "", exceededLimit: false)
            case nil:
                break
            }
            part = nil
        }
    }

    /// A part without a name is ignored, as Django's form parser does.
    private func open(_ headers: MultipartPartHeaders) throws -> Part? {
        guard let name = headers.name else { return nil }
        guard let filename = headers.filename else { return .text(name, []) }
        // Browsers send an empty file name for a file input left empty: no file was sent.
        if filename.isEmpty { return nil }
        guard let limit = fileLimits[name] else {
            return .dropped(name, filename: filename, contentType: headers.contentType, byteCount: 0)
        }
        let ext = (filename as NSString).pathExtension
        let url = directory.appendingPathComponent(UUID().uuidString.lowercased() + (ext.isEmpty ? "" : ".\(ext)"))
        return .file(name, try FileSink(url: url, filename: filename, contentType: headers.contentType, limit: limit))
    }
}
