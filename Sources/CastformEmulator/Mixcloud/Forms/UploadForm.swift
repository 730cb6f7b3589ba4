import Foundation

/// A checked `POST /upload/` form: the cloudcast fields and the stored audio and picture.
///
/// Every rule of Mixcloud's upload table is checked and every problem reported at once:
/// `mp3` and `name` required, the size limits, 1000 characters of description, tag and host
/// indices, section shape, `publish_date` format, boolean values.
struct UploadForm {
    var fields: CloudcastFormFields
    var audio: ReceivedFile
    var picture: ReceivedFile?

    init(_ form: ReceivedForm, limits: MixcloudLimits) throws {
        var errors = FieldErrors()
        fields = CloudcastFormFields(form: form, limits: limits, isEdit: false, errors: &errors)
        if (fields.name ?? "").isEmpty { errors.add("name", FieldErrors.required) }
        let audio = Self.checkFile(form.files["mp3"], field: "mp3", limit: limits.audioBytes, errors: &errors)
        if audio == nil && form.files["mp3"] == nil { errors.add("mp3", FieldErrors.required) }
        picture = Self.checkFile(form.files["picture"], field: "picture", limit: limits.pictureBytes, errors: &errors)
        try errors.throwIfAny()
        // Every way to no audio added an error above; this keeps a missed one a 400, not a trap.
        guard let audio else { throw MixcloudAPIError.validation(["mp3": [FieldErrors.required]]) }
        self.audio = audio
    }

    /// The file if it was stored within its limit and is not empty; otherwise nil, with the
    /// problem added to `errors`.
    static func checkFile(_ file: ReceivedFile?, field: String, limit: Int64, errors: inout FieldErrors) -> ReceivedFile? {
        guard let file else { return nil }
        if file.exceededLimit {
            errors.add(field, "Ensure this file is at most \(limit) bytes (it has \(file.byteCount)).")
            return nil
        }
        if file.byteCount == 0 {
            errors.add(field, "The submitted file is empty.")
            return nil
        }
        return file.url == nil ? nil : file
    }

    /// The new cloudcast. Visibility: `unlisted` wins (it makes `publish_date` ignored, as
    /// documented); a `publish_date` schedules the show; otherwise it is published at once.
    /// Host usernames that are not accounts are ignored, as documented for uploads.
    func cloudcast(owner: String, slug: String, sequence: Int, now: Date, audioLength: Int,
                   isAccount: (String) -> Bool) -> MixcloudCloudcast {
        let visibility: MixcloudVisibility = fields.unlisted == true ? .unlisted : (fields.publishDate != nil ? .scheduled : .published)
        return MixcloudCloudcast(
            owner: owner, slug: slug, name: fields.name ?? "", description: fields.description ?? "",
            tags: fields.tags ?? [], sections: fields.sections ?? [], hosts: (fields.hosts ?? []).filter(isAccount),
            audio: audio.stored, picture: picture?.stored, audioLength: audioLength,
            visibility: visibility, publishDate: visibility == .scheduled ? fields.publishDate : nil,
            wasEverPublic: visibility == .published,
            disableComments: fields.disableComments ?? false, hideStats: fields.hideStats ?? false,
            otherFields: fields.other, createdTime: now, updatedTime: now, sequence: sequence
        )
    }
}

extension ReceivedFile {
    /// The record of a stored file; only for files with a URL.
    var stored: MixcloudStoredFile {
        MixcloudStoredFile(storedName: url?.lastPathComponent ?? "", filename: filename, contentType: contentType,
                           byteCount: byteCount, sha256: sha256)
    }
}
