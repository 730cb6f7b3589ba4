"""sidefx-web 0.6.0, a command-line client of the SideFX Web API, against castform's emulator.

It fetches an application token with its client credentials (Basic auth), caches it in its
config file, lists builds (positional RPC arguments) and downloads a production build by the
signed URL the API gives. Exits non-zero on any difference; prints RESULT {...} at the end.
"""
import configparser
import hashlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile

base = os.environ["CASTFORM_SIDEFX_URL"]
home = tempfile.mkdtemp()
config_dir = pathlib.Path(home) / ".config" / "sidefx-web"
config_dir.mkdir(parents=True)
config = configparser.ConfigParser()
config["Auth"] = {"client_id": "castform-sandbox", "client_secret_key": "sandbox-secret-key"}
with open(config_dir / "config.ini", "w") as file:
    config.write(file)
environment = dict(os.environ, HOME=home)


def cli(*arguments):
    run = subprocess.run(
        [sys.executable, "-c", "import sidefx_web; sidefx_web.cli()",
         "--access-token-url", base + "/oauth2/application_token", "--endpoint-url", base + "/api/", *arguments],
        env=environment, cwd=home, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("sidefx-web %s failed (%d): %s%s" % (" ".join(arguments), run.returncode, run.stdout, run.stderr))
    return run.stdout


listing = cli("list-builds", "houdini", "--version", "20.5", "--platform", "win64")
assert "'build': '987'" in listing and "'platform': 'win64'" in listing, listing
cached = configparser.ConfigParser()
cached.read(config_dir / "config.ini")
token = cached.get("Cache", "access_token")
assert token.startswith("sfx1."), "the token is cached"

cli("download", "houdini", "20.5", "production", "win64")
filename = "houdini-20.5.987-win64.tar.gz"
with open(os.path.join(home, filename), "rb") as file:
    digest = hashlib.md5(file.read()).hexdigest()
import requests  # noqa: E402  (what sidefx-web itself sends with)
answer = requests.post(base + "/api/", headers={"Authorization": "Bearer " + token},
                       data={"json": json.dumps(["download.get_daily_build_download", ["houdini", "20.5", "987", "win64"], {}])}).json()
assert answer["hash"] == digest, (answer["hash"], digest)
print("RESULT " + json.dumps({"filename": filename, "md5": digest, "token_reused": cached.get("Cache", "access_token") == token}))
