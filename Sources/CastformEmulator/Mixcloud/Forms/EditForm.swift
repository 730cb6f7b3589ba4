import Foundation

/// A checked `POST /upload/<user>/<slug>/edit/` form, and how it changes a cloudcast.
///
/// Mixcloud's documented edit rules: every upload field but `mp3` (the audio cannot be
/// replaced); `name`, `description` and `picture` change only when sent; any `tags-*`,
/// `sections-*` or `hosts-*` field replaces the whole list; at most one of `unlisted`,
/// `publish` and `unpublish` per request.
struct EditForm {
    var fields: CloudcastFormFields
    var picture: ReceivedFile?

    init(_ form: ReceivedForm, limits: MixcloudLimits) throws {
        var errors = FieldErrors()
        fields = CloudcastFormFields(form: form, limits: limits, isEdit: true, errors: &errors)
        if form.contains("mp3") { errors.add("mp3", "The audio of an upload cannot be replaced: upload a new show instead.") }
        if let name = fields.name, name.isEmpty { errors.add("name", FieldErrors.required) }
        if fields.visibilityActions.count > 1 {
            errors.add("__all__", "Send only one of unlisted, publish and unpublish per request (got \(fields.visibilityActions.sorted().joined(separator: ", "))).")
        }
        picture = UploadForm.checkFile(form.files["picture"], field: "picture", limit: limits.pictureBytes, errors: &errors)
        try errors.throwIfAny()
    }

    /// Applies the edit; `updated_time` changes on every edit, also one that changes nothing.
    ///
    /// Visibility: `publish` makes the show public (from a draft, unlisted or scheduled),
    /// `unpublish` moves it to drafts, `unlisted` makes it unlisted; a false value of any of
    /// them changes nothing. `publish_date` applies only to a show that was never public and
    /// is silently ignored otherwise (as documented), and when `unlisted` or `publish` is sent.
    /// Hosts: if any username is not an account, no host change is applied (as documented).
    func apply(to cloudcast: inout MixcloudCloudcast, now: Date, isAccount: (String) -> Bool) {
        if let name = fields.name { cloudcast.name = name }
        if let description = fields.description { cloudcast.description = description }
        if let tags = fields.tags { cloudcast.tags = tags }
        if let sections = fields.sections { cloudcast.sections = sections }
        if let hosts = fields.hosts, hosts.allSatisfy(isAccount) { cloudcast.hosts = hosts }
        if let picture { cloudcast.picture = picture.stored }
        if let flag = fields.disableComments { cloudcast.disableComments = flag }
        if let flag = fields.hideStats { cloudcast.hideStats = flag }
        cloudcast.otherFields.merge(fields.other) { $1 }

        cloudcast.wasEverPublic = cloudcast.hasBeenPublic(at: now)
        if fields.publish == true {
            cloudcast.visibility = .published
            cloudcast.publishDate = nil
            cloudcast.wasEverPublic = true
        } else if fields.unpublish == true {
            cloudcast.visibility = .draft
        } else if fields.unlisted == true {
            cloudcast.visibility = .unlisted
        } else if let date = fields.publishDate, !cloudcast.wasEverPublic, fields.unlisted == nil {
            cloudcast.visibility = .scheduled
            cloudcast.publishDate = date
        }
        if cloudcast.visibility(at: now) == .published { cloudcast.visibility = .published }
        cloudcast.updatedTime = now
    }
}
