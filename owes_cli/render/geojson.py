"""GeoJSON bytes: keys sorted and one feature per line, so that two days' files diff line by line."""

from __future__ import annotations

import json
from typing import Any


def render(collection: dict[str, Any]) -> bytes:
    members = {key: value for key, value in collection.items() if key != "features"}
    head = json.dumps(members, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    lines = [
        json.dumps(feature, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        for feature in collection["features"]
    ]
    # The other members sorted by key, then the features, each on its own line.
    body = head[:-1] + ("," if members else "") + '"features":[\n' + ",\n".join(lines) + "\n]}\n"
    return body.encode("utf-8")
