import CastformCore

/// The reference's examples of Livepeer's types, and where the API differs from the camelCase
/// rule (a test validates every example).
extension LivepeerSchemas {
    static let streamFields = ServiceFields(.camelCase, exceptions: [
        "ingest_url": "(castform's: rtmp://rtmp.livepeer.com/live/ + streamKey)",
        "playback_url": "(castform's: the HLS URL of playbackId)",
        "multistream.targets[].spec.url": "spec.url",
    ])

    static let streamExample = """
        livepeer_stream:
          main-stage:
            name: Main Stage
            profiles:
              - {name: 720p, width: 1280, height: 720, bitrate: 3000000, fps: 30}
              - {name: 480p, width: 854,  height: 480, bitrate: 1600000, fps: 30}
            record: true
            playback_policy: {type: webhook, webhook_id: "${livepeer_webhook.auth.id}"}
            multistream:
              targets:
                - {profile: 720p, id: "${livepeer_multistream_target.youtube.id}"}
            user_tags: {event: summer-festival}

        livepeer_webhook:
          auth:
            name: Playback auth
            url: "https://auth.example.org/livepeer"
            events: [playback.accessControl]

        livepeer_multistream_target:
          youtube: {name: YouTube, url: "${env.YOUTUBE_RTMP_URL}"}
        """

    static let targetExample = """
        livepeer_multistream_target:
          youtube:
            name: YouTube main channel
            url: ${env.YOUTUBE_RTMP_URL}    # rtmp://a.rtmp.youtube.com/live2/KEY: a secret
        """

    static let webhookExample = """
        livepeer_webhook:
          recordings:
            name: Recordings ready
            url: https://hooks.example.org/livepeer
            events: [recording.ready, stream.started, stream.idle]
            shared_secret: ${env.LIVEPEER_WEBHOOK_SECRET}
        """
}
