"""Validates YAML files against a JSON Schema, as a YAML editor's language server would.

    validate.py [--strip-markers] SCHEMA.json FILE.yaml...

--strip-markers removes the place markers (1️⃣, 2️⃣ ...) castform's test fixtures carry.
Every document of a file is checked. Prints one line per file, "ok FILE" or "invalid FILE: why", and exits 1 when any is invalid.
YAML is read as castform reads it: a date or a time stays the string it is written as.
"""
import json
import re
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's timestamps: `2026-12-03T20:00:00Z` is a string to castform."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


MARKER = re.compile("[0-9]\ufe0f\u20e3")


def main(arguments):
    strip = arguments[:1] == ["--strip-markers"]
    arguments = arguments[1:] if strip else arguments
    with open(arguments[0], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    for path in arguments[1:]:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            documents = list(yaml.load_all(MARKER.sub("", text) if strip else text, Loader=Loader))
        except yaml.YAMLError as error:
            failures += 1
            print(f"invalid {path}: not YAML: {str(error).splitlines()[0]}")
            continue
        errors = [error for document in documents for error in validator.iter_errors(document if document is not None else {})]
        if errors:
            failures += 1
            best = jsonschema.exceptions.best_match(errors)
            print(f"invalid {path}: {'/'.join(map(str, best.absolute_path))}: {best.message[:300]}")
        else:
            print(f"ok {path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
