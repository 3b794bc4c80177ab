"""Where the files shipped with the tool live."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def data_file(name: str) -> Path:
    """A bundled data file. In a wheel it is in `owes_cli/data/`; in a source
    checkout (also an editable install) in the top-level `data/` beside the
    package, which is where the repository keeps it."""
    for folder in (PACKAGE / "data", PACKAGE.parent / "data"):
        if (folder / name).is_file():
            return folder / name
    return PACKAGE / "data" / name
