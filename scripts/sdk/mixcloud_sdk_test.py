#!/usr/bin/env python3
"""Proves castform's Mixcloud emulator against the Python `mixcloud` library (0.4.0).

Builds a Cloudcast from a show file in the library's YAML format, uploads it with an MP3 and a
picture through the library, uploads the same file again with `upload_yml_file` (the second
show must get its own slug), and reads both back through the library: the user's cloudcast
list and the single cloudcast (whose URL the library writes without the trailing slash, so
this also follows the emulator's 301).

Environment: CASTFORM_MIXCLOUD_URL (the emulator's root, e.g. http://127.0.0.1:8080) and
CASTFORM_MIXCLOUD_TOKEN (a valid access token). Exits non-zero on the first failed check.
Set up the library with scripts/sdk/setup-venv.sh; run with .venv-sdk/bin/python.
"""
import os
import struct
import sys
import tempfile

import yaml

# mixcloud 0.4.0 calls yaml.load(f) without a Loader, which PyYAML 6 refuses. Shim it here
# rather than patching the library: the default becomes the safe loader.
_yaml_load = yaml.load


def _load_with_default_loader(stream, Loader=yaml.SafeLoader):
    return _yaml_load(stream, Loader=Loader)


yaml.load = _load_with_default_loader

import mixcloud  # noqa: E402  (after the shim, which from_yml needs)

HERE = os.path.dirname(os.path.abspath(__file__))
SHOW_FILE = os.path.join(HERE, "fixtures", "mixcloud-show.yml")


def check(condition, what):
    if not condition:
        print("FAIL: " + what)
        sys.exit(1)
    print("ok: " + what)


def fake_mp3(path, seconds):
    """An MPEG-1 Layer III frame header at 128 kbit/s, then 16,000 bytes per second."""
    with open(path, "wb") as f:
        f.write(struct.pack(">I", 0xFFFB9064))
        f.write(b"\x00" * (seconds * 16000 - 4))


def main():
    root = os.environ["CASTFORM_MIXCLOUD_URL"].rstrip("/")
    token = os.environ["CASTFORM_MIXCLOUD_TOKEN"]
    # The library takes its API root as a constructor argument (default https://api.mixcloud.com).
    m = mixcloud.Mixcloud(api_root=root, access_token=token)

    me = m.me()
    print("me: %s (%s)" % (me.key, me.name))
    check(me.key == "deepsessions", "/me/ names the token's user")

    with open(SHOW_FILE) as f:
        cloudcast = mixcloud.Cloudcast.from_yml(f, me)
    check([s.start_time for s in cloudcast.sections()] == [0, 174, 3730], "the YAML's base-60 start times read as seconds")

    with tempfile.TemporaryDirectory() as tmp:
        mp3_path = os.path.join(tmp, "deep-sessions-42.mp3")
        fake_mp3(mp3_path, 3)
        picture_path = os.path.join(tmp, "cover.jpg")
        with open(picture_path, "wb") as f:
            f.write(b"\xff\xd8\xff\xe0" + b"\x01" * 1000)
        with open(mp3_path, "rb") as mp3, open(picture_path, "rb") as picture:
            response = m.upload(cloudcast, mp3, picturefile=picture)
        print("upload: HTTP %d %s" % (response.status_code, response.text))
        check(response.status_code == 200, "upload answers 200")
        result = response.json()["result"]
        check(result["success"] is True, "upload reports success")
        check(result["key"] == "/deepsessions/deep-sessions-42/", "upload returns the key /<user>/<slug>/")

        with open(SHOW_FILE) as show, open(mp3_path, "rb") as mp3:
            m.upload_yml_file(show, mp3)
        print("upload_yml_file: uploaded the same show again")

    listed = me.cloudcasts()
    print("cloudcasts: %s" % [(c.key, c.name) for c in listed])
    check([c.key for c in listed] == ["deep-sessions-42-2", "deep-sessions-42"],
          "the list holds both uploads, newest first, the second with a suffixed slug")
    first = listed[1]
    check(first.name == "Deep Sessions 42", "list item name")
    check(first.tags == ["deep house", "soulful house", "vinyl"], "list item tags, in order")
    check(first.user.key == "deepsessions", "list item user")

    full = me.cloudcast("deep-sessions-42")
    print("cloudcast: %s, %d sections" % (full.name, len(full.sections())))
    check(full.description() == "Two hours of deep and soulful house, recorded live.",
          "description (the service strips the YAML block's final newline)")
    check([(s.start_time, s.track.artist.name, s.track.name) for s in full.sections()] == [
        (0, "Kerri Chandler", "Rain"),
        (174, "Larry Heard", "Can You Feel It"),
        (3730, "Moodymann", "Shades of Jae"),
    ], "sections: start times, artists and songs")
    check(full.tags == ["deep house", "soulful house", "vinyl"], "cloudcast tags")
    check(full.picture().startswith("https://"), "the cloudcast has picture URLs")
    # A list item has no sections; the library loads them on demand from the single object.
    check(len(first.sections()) == 3, "sections loaded lazily for a list item")
    print("mixcloud 0.4.0 works against the emulator")


if __name__ == "__main__":
    main()
