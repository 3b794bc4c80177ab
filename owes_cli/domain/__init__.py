"""The domain: the dataset, its lookups, places and dates; nothing here knows Typer or Rich.

This module itself finds the files shipped with the tool (`data_file`) and
reads them (`installed_bytes`, `read_json`), saying InstallationDamaged when
one is missing or damaged. Here rather than in a module of its own: the
package is loaded on every run anyway, and each module costs a lookup its
finding and reading (some 0.15 ms).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from owes_cli.errors import InstallationDamaged

PACKAGE = Path(__file__).resolve().parent.parent


def data_file(name: str) -> Path:
    """A bundled data file. In a wheel it is in `owes_cli/data/`; in a source
    checkout (also an editable install) in the top-level `data/` beside the
    package, which is where the repository keeps it."""
    for folder in (PACKAGE / "data", PACKAGE.parent / "data"):
        if (folder / name).is_file():
            return folder / name
    return PACKAGE / "data" / name


def installed_bytes(path: Path, name: str | None = None) -> bytes:
    """The bytes of a file the package ships; InstallationDamaged, naming it as `name` (by default
    its file name), when it is missing or unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InstallationDamaged(name or path.name, "missing") from None
    except OSError:
        raise InstallationDamaged(name or path.name, "unreadable") from None


def read_json(name: str) -> Any:
    """A bundled JSON file, parsed; InstallationDamaged when it is missing, unreadable or cut short."""
    text = installed_bytes(data_file(name), name)
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # not JSON (cut short, emptied) or not UTF-8
        raise InstallationDamaged(name, "malformed") from None
