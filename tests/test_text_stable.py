"""Every command's output for people, whole: plain text (piped) and the table format, pl and en, 80 columns.

A change that moves a line, drops a label or rewords a note shows up here as
a diff a reviewer can read, where a test of a substring would pass. Each file
in tests/golden/text/ holds one run: its exit code, its stdout, and its stderr
(the notes and messages that go with the answer).

Nothing here reads the real clock: every command that answers "as of a day"
is given one with --on, and the other commands do not ask for the date.

When a change of the output is meant, regenerate the files (the switch
tests/test_json_stable.py uses) and review the diff:

    OWES_REGENERATE_GOLDEN=1 .venv/bin/pytest -q tests/test_text_stable.py
    git diff tests/golden/text/
"""

from __future__ import annotations

import re

import pytest
from conftest import PROJECT, run_owes
from test_json_stable import GOLDEN, REGENERATE

TEXT = GOLDEN / "text"
DATASETS = PROJECT / "tests" / "datasets"
FORMATS = ("plain", "table")
LANGS = ("en", "pl")
# As a person's terminal: 80 columns, no colour (test_screen.py checks the colours).
ENV = {"COLUMNS": "80", "NO_COLOR": "1"}

# Every command that prints an answer for people; `map` and `export` write files.
CASES: list[tuple[str, ...]] = [
    ("which-centre", "--county", "żarski", "--on", "2017-05-01"),
    ("which-centre", "--county", "żarski", "--on", "2017-05-01", "--full"),
    ("which-centre", "--county", "Zielona Góra", "--on", "2012-01-01"),  # before the first period
    ("which-centre", "--county", "strzelecko-drezdenecki", "--on", "2014-06-01"),
    ("which-centre", "--county", "0811", "--on", "2030-01-01"),  # after the last known day
    ("which-centre", "--place", "w Żarach", "--on", "2026-11-26"),
    ("which-centre", "--at", "52.7368,15.2288", "--on", "2014-06-01"),
    ("which-centre", "--county", "żarski", "--on", "2016"),  # a whole year: every centre of that time
    ("centres",),
    ("centre", "gorzow-2013"),
    ("centre", "zielona-gora-2024"),
    ("counties", "--on", "2014-06-01"),
    ("counties", "--on", "2026-11-26"),
    ("places", "--county", "żarski"),
    ("place", "Żary"),
    ("place", "Nowa", "Sól"),
    ("services",),
    ("services", "--centre", "gorzow-2013"),
    ("audiences",),
    ("sources",),
    ("sources", "--quotes"),
    ("periods",),
    ("history", "--county", "żarski"),
    ("history", "--centre", "gorzow-2013"),
    ("validate", str(PROJECT / "data" / "centres.toml")),
    ("validate", str(DATASETS / "many-problems.toml")),
]


def _name(args: tuple[str, ...], fmt: str, lang: str) -> str:
    words = [a.replace(str(PROJECT), "") for a in args]
    slug = re.sub(r"[^0-9A-Za-z]+", "-", "_".join(words).encode("ascii", "replace").decode()).strip("-")
    return f"{slug}.{lang}.{fmt}.txt"


def _whole(args: tuple[str, ...], fmt: str, lang: str) -> str:
    run = run_owes(*args, "--format", fmt, "--lang", lang, env=ENV)
    assert "Traceback" not in run.stderr
    # A path in the output is the project's, wherever it was checked out.
    here = str(PROJECT)
    return (
        f"exit {run.exit_code}\n"
        f"--- stdout\n{run.stdout.replace(here, '<project>')}"
        f"--- stderr\n{run.stderr.replace(here, '<project>')}"
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", CASES, ids=[" ".join(c).replace(str(PROJECT), "") for c in CASES])
def test_output_for_people_is_unchanged(args: tuple[str, ...], fmt: str, lang: str) -> None:
    actual = _whole(args, fmt, lang)
    golden = TEXT / _name(args, fmt, lang)
    if REGENERATE:
        TEXT.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: regenerate (see this module's docstring)"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"`owes {' '.join(args)} --format {fmt} --lang {lang}` changed: "
        f"if meant, regenerate and review the diff (see this module's docstring)"
    )


def test_every_text_golden_file_is_checked() -> None:
    expected = {_name(a, f, lang) for a in CASES for f in FORMATS for lang in LANGS}
    assert {p.name for p in TEXT.iterdir()} == expected
