#!/usr/bin/env python3
"""Drives castform's Livepeer emulator with the official Python SDK, livepeer 0.3.0.

Run by the Swift test LivepeerPythonSDKTests (after scripts/sdk/setup-venv.sh):

    CASTFORM_LIVEPEER_URL=http://127.0.0.1:PORT/api CASTFORM_LIVEPEER_KEY=... \
        .venv-sdk/bin/python scripts/sdk/livepeer_sdk_test.py

It creates, lists, gets, updates and deletes streams, and creates and lists multistream
targets and webhooks, asserting what the SDK hands back. Where SDK 0.3.0 cannot accept what
the real server answers, the script asserts that failure and checks the server's behaviour
another way (see FACTS.md §6):

- webhook.create: the server answers 201, the SDK only accepts 200 and raises a pydantic
  ValidationError while unmarshalling; the webhook exists all the same.
- multistream.get_all: the server requires ?userId=<own id>, which the SDK cannot send, so it
  answers 400; an httpx event hook that adds the parameter lists the targets.

The last line printed is `RESULT <json>` with the ids, for the Swift test to compare with the
emulator's objects. Any failed check exits non-zero.
"""

import json
import os
import sys
import traceback

import httpx
import pydantic
from livepeer import Livepeer
from livepeer.models import components, errors


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_status(call, status, text):
    """Runs `call`, which must fail with SDKError `status` whose body contains `text`."""
    try:
        call()
    except errors.SDKError as error:
        check(error.status_code == status, f"expected HTTP {status}, got {error.status_code}: {error.body}")
        check(text in error.body, f"expected {text!r} in {error.body!r}")
        return
    raise AssertionError(f"expected HTTP {status} ({text})")


def streams(lp):
    profile = {"name": "720p", "width": 1280, "height": 720, "bitrate": 3_000_000, "fps": 30, "fps_den": 1}
    created = lp.stream.create(request={
        "name": "sdk main stage",
        "profiles": [profile],
        "record": True,
        "playback_policy": {"type": components.Type.JWT},
        "user_tags": {"castform": "livepeer_stream.main"},
        "creator_id": "user123",
        "multistream": {"targets": [{"profile": "source", "spec": {"name": "yt", "url": "rtmp://a.example/live/KEY"}}]},
    })
    check(created.http_meta.response.status_code == 201, "create answers 201")
    stream = created.stream
    check(stream.name == "sdk main stage" and stream.record is True, f"created stream: {stream}")
    check([p.name for p in stream.profiles] == ["720p"], f"profiles: {stream.profiles}")
    check(len(stream.stream_key) == 19 and len(stream.playback_id) == 16, "stream key and playback id formats")
    check(stream.playback_policy.type == components.Type.JWT, "playback policy")
    check(stream.creator_id.value == "user123", "creator id")
    targets = stream.multistream.targets
    check(len(targets) == 1 and targets[0].id and targets[0].video_only is False, f"targets: {targets}")

    plain = lp.stream.create(request={"name": "sdk side room"}).stream
    check([p.name for p in plain.profiles] == ["240p0", "360p0", "480p0", "720p0"], "default profiles")
    check(plain.record is False and plain.is_active is False, "server defaults")

    listed = lp.stream.get_all(streamsonly="1").data
    check({s.id for s in listed} == {stream.id, plain.id}, f"listed: {[s.id for s in listed]}")

    fetched = lp.stream.get(id=stream.id).stream
    check(fetched.stream_key == stream.stream_key, "get returns the same stream")

    updated = lp.stream.update(id=stream.id, stream_patch_payload={
        "record": False,
        "user_tags": {"castform": "livepeer_stream.main", "revision": 2},
        "playback_policy": None,  # sent as null: accepted and ignored by the server
    })
    check(updated.http_meta.response.status_code == 204, "update answers 204")
    after = lp.stream.get(id=stream.id).stream
    check(after.record is False, "record updated")
    check(set(after.user_tags.keys()) == {"castform", "revision"}, f"user tags replaced: {after.user_tags}")
    check(after.playback_policy.type == components.Type.JWT, "a null policy leaves the policy")

    expect_status(lambda: lp.stream.update(id=stream.id, stream_patch_payload={"profiles": [
        {"name": "tiny", "width": 64, "height": 64, "bitrate": 100_000, "fps": 30}]}), 422, "minimum")

    deleted = lp.stream.delete(id=plain.id)
    check(deleted.http_meta.response.status_code == 204, "delete answers 204")
    expect_status(lambda: lp.stream.get(id=plain.id), 404, "not found")
    return stream.id, targets[0].id


def multistream_targets(lp, url, key):
    created = lp.multistream.create(request={"name": "twitch", "url": "rtmps://live.twitch.tv/app/SECRET"})
    check(created.http_meta.response.status_code == 201, "create answers 201")
    target = created.multistream_target
    check(target.name == "twitch" and target.id, f"target: {target}")
    check("SECRET" not in created.http_meta.response.text, "the url is write-only")

    # SDK 0.3.0 cannot send the userId the server requires.
    expect_status(lambda: lp.multistream.get_all(), 400, "required query parameter: userId")
    user_id = json.loads(created.http_meta.response.text)["userId"]

    def add_user_id(request):
        if request.method == "GET" and request.url.path.endswith("/multistream/target"):
            request.url = request.url.copy_add_param("userId", user_id)

    with_user = Livepeer(api_key=key, server_url=url, client=httpx.Client(event_hooks={"request": [add_user_id]}))
    listed = with_user.multistream.get_all().data
    check(target.id in {t.id for t in listed}, f"listed targets: {listed}")
    check(len(listed) == 2, "the stream's inline target and this one")
    fetched = lp.multistream.get(id=target.id).multistream_target
    check(fetched.name == "twitch", "get returns the target")
    return target.id


def webhooks(lp):
    request = {
        "name": "playback auth",
        "url": "https://auth.example.org/livepeer",
        "events": [components.Events.PLAYBACK_ACCESS_CONTROL, components.Events.STREAM_STARTED],
        "shared_secret": "s3cret",
    }
    # The server answers 201; SDK 0.3.0 only accepts the spec's 200 and fails to unmarshal.
    try:
        lp.webhook.create(request=request)
        raise AssertionError("webhook.create was expected to fail on the server's 201")
    except pydantic.ValidationError:
        pass

    listed = lp.webhook.get_all().data
    check([w.name for w in listed] == ["playback auth"], f"exactly one webhook: {listed}")
    webhook = lp.webhook.get(id=listed[0].id).webhook
    check(webhook.url == "https://auth.example.org/livepeer", "webhook url")
    check(webhook.events == [components.Events.PLAYBACK_ACCESS_CONTROL, components.Events.STREAM_STARTED], "events")
    return webhook.id


def main():
    url = os.environ["CASTFORM_LIVEPEER_URL"]
    key = os.environ["CASTFORM_LIVEPEER_KEY"]
    lp = Livepeer(api_key=key, server_url=url)
    stream_id, inline_target_id = streams(lp)
    print("streams: ok", flush=True)
    target_id = multistream_targets(lp, url, key)
    print("multistream targets: ok", flush=True)
    webhook_id = webhooks(lp)
    print("webhooks: ok", flush=True)

    expect_status(lambda: Livepeer(api_key="wrong", server_url=url).stream.get_all(), 401, "no token wrong found")
    print("RESULT " + json.dumps({
        "stream": stream_id, "inlineTarget": inline_target_id, "target": target_id, "webhook": webhook_id,
    }), flush=True)


if __name__ == "__main__":
    try:
        main()
    except Exception:
        traceback.print_exc()
        sys.exit(1)
