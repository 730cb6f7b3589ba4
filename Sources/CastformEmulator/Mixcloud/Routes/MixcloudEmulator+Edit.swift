import Foundation
import Hummingbird

extension MixcloudEmulator {
    /// `POST /upload/<user>/<slug>/edit/`: changes a cloudcast's metadata, picture and
    /// visibility (see `EditForm`). Multipart or form-urlencoded.
    ///
    /// Editing another user's upload is a 403 `PermissionException` (the service's answer is
    /// not documented). The slug stays when the name changes: a cloudcast's URL is stable.
    func edit(_ request: Request, context: EmulatorContext) async throws -> Response {
        let call = MixcloudRequest(request)
        let username = try context.parameters.require("user")
        let slug = try context.parameters.require("slug")
        guard let editor = try await viewer(call, required: true) else { throw MixcloudAPIError.invalidToken }
        guard let owner = await store.read({ $0.cloudcast(owner: username, slug: slug)?.owner }) else {
            throw MixcloudAPIError.notFound
        }
        guard owner == editor.username else {
            throw MixcloudAPIError.permissionDenied("You cannot edit an upload of another user")
        }
        // `mp3` is not stored: an edit cannot replace audio, and the form reports it.
        let form = try await readForm(request, context: context, fileLimits: ["picture": limits.pictureBytes])
        let edit: EditForm
        do {
            edit = try EditForm(form, limits: limits)
        } catch {
            form.deleteFiles()
            throw error
        }
        let time = now()
        let outcome: (key: String, replacedPicture: MixcloudStoredFile?)
        do {
            outcome = try await store.mutate { state in
                guard var cloudcast = state.cloudcast(owner: username, slug: slug) else { throw MixcloudAPIError.notFound }
                let usernames = Set(state.accounts.map { $0.username.lowercased() })
                let previous = cloudcast.picture
                edit.apply(to: &cloudcast, now: time, isAccount: { usernames.contains($0.lowercased()) })
                state.cloudcasts[cloudcast.key] = cloudcast
                return (cloudcast.key, edit.picture == nil ? nil : previous)
            }
        } catch {
            form.deleteFiles()
            throw error
        }
        if let replaced = outcome.replacedPicture {
            try? FileManager.default.removeItem(at: filesDirectory.appendingPathComponent(replaced.storedName))
        }
        return MixcloudResponse.json(["result": ["success": true, "key": outcome.key, "message": "Updated"]], callback: call.callback)
    }
}
