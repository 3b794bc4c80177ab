"""owes: the offline directory of Lubuskie's Social Economy Support Centres (OWES).

    from owes_cli import Directory

`Directory` is the library the command line is built on (owes_cli/directory.py).
It is imported on first use, so that `import owes_cli` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from owes_cli.directory import Directory

__all__ = ["Directory", "version"]


def __getattr__(name: str) -> Any:
    if name == "Directory":
        from owes_cli.directory import Directory

        return Directory
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_version: list[str] = []  # read once a run: a PDF asks for it three times


def version() -> str:
    """The installed version, read in one place (documents, the web page and `owes --version` need it)."""
    if not _version:
        _version.append(_installed_version())
    return _version[0]


def _installed_version() -> str:
    """The Version of the first owes-*.dist-info on sys.path, as importlib.metadata finds it, without
    loading importlib.metadata (and email, zipfile, csv) or parsing the whole METADATA: 20-40 ms of
    a fact sheet's export. Any other install (an egg, a zip) is left to importlib.metadata."""
    import os
    import sys

    for entry in sys.path:
        try:
            names = sorted(name for name in os.listdir(entry or ".") if name.startswith("owes-"))
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" not in name[len("owes-") : -len(".dist-info")]:
                try:
                    with open(os.path.join(entry or ".", name, "METADATA"), encoding="utf-8") as metadata:
                        for line in metadata:
                            if line.startswith("Version:"):
                                return line[len("Version:") :].strip()
                            if not line.strip():
                                break  # the headers end at the first empty line
                except OSError:
                    pass
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("owes")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
