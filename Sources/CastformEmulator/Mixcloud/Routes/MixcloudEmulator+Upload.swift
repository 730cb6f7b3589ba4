import Foundation
import Hummingbird

extension MixcloudEmulator {
    /// `POST /upload/`: creates a cloudcast from a multipart form.
    ///
    /// The body streams to disk (memory stays flat for a 4 GiB MP3), paced by the fault plan's
    /// upload rate. As on Mixcloud, validation errors come only after the whole body arrived.
    /// The slug comes from the name, with "-2", "-3", ... when the owner already has it.
    func upload(_ request: Request, context: EmulatorContext) async throws -> Response {
        let call = MixcloudRequest(request)
        guard let owner = try await viewer(call, required: true) else { throw MixcloudAPIError.invalidToken }
        let form = try await readForm(request, context: context, fileLimits: ["mp3": limits.audioBytes, "picture": limits.pictureBytes])
        let upload: UploadForm
        do {
            upload = try UploadForm(form, limits: limits)
        } catch {
            form.deleteFiles()
            throw error
        }
        let audioLength = MP3Duration.seconds(of: filesDirectory.appendingPathComponent(upload.audio.stored.storedName), byteCount: upload.audio.byteCount)
        let time = now()
        let cloudcast = try await store.mutate { state in
            let cloudcast = upload.cloudcast(
                owner: owner.username, slug: state.freeSlug(for: upload.fields.name ?? "", owner: owner.username),
                sequence: state.takeSequence(), now: time, audioLength: audioLength,
                isAccount: { name in state.account(username: name) != nil }
            )
            state.cloudcasts[cloudcast.key] = cloudcast
            return cloudcast
        }
        return MixcloudResponse.json(["result": ["success": true, "key": cloudcast.key, "message": "Uploaded"]], callback: call.callback)
    }

    /// Reads a form body: multipart is streamed (files into `filesDirectory`, only the fields
    /// in `fileLimits`), `application/x-www-form-urlencoded` is collected; any other body is
    /// an empty form, whose required fields then fail validation.
    func readForm(_ request: Request, context: EmulatorContext, fileLimits: [String: Int64]) async throws -> ReceivedForm {
        let throttle = UploadThrottle(bytesPerSecond: context.faultPlan.uploadBytesPerSecond, clock: context.clock)
        let contentType = request.headers[.contentType]
        if let boundary = MultipartFormReader.boundary(contentType: contentType) {
            let reader = MultipartFormReader(directory: filesDirectory, fileLimits: fileLimits)
            do {
                return try await reader.read(request.body, boundary: boundary, throttle: throttle)
            } catch MultipartFormReader.ReadError.malformed {
                throw MixcloudAPIError.validation(["__all__": ["The multipart/form-data body is malformed."]])
            } catch MultipartFormReader.ReadError.fieldTooLarge(let name) {
                throw MixcloudAPIError.validation([name: ["This field is too long."]])
            }
        }
        let body = try await request.body.collect(upTo: 1 << 20)
        guard HeaderValue(contentType ?? "").value == "application/x-www-form-urlencoded" else { return ReceivedForm() }
        return ReceivedForm(urlEncoded: String(buffer: body))
    }
}
