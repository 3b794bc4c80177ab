"""Every command's JSON (and CSV) stays what it was: key for key, value for value.

The files in tests/golden/ were captured from the code before answers became
typed dataclasses; a refactor must not change a byte of them. When a change
of the output is meant (a new key, say), regenerate them and review the diff:

    OWES_REGENERATE_GOLDEN=1 .venv/bin/pytest -q tests/test_json_stable.py
    git diff tests/golden/
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import PROJECT, run_owes

GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("OWES_REGENERATE_GOLDEN") == "1"
DATASETS = PROJECT / "tests" / "datasets"

DAYS = ("2012-01-01", "2014-06-01", "2017-05-01", "2026-11-26")
MACHINE = ("json", "csv")

CASES: list[tuple[str, ...]] = []
for day in DAYS:
    CASES += [
        ("which-centre", "--county", "żarski", "--on", day),
        ("which-centre", "--county", "Zielona Góra", "--on", day),
        ("which-centre", "--county", "strzelecko-drezdenecki", "--on", day),
        ("which-centre", "--place", "w Żarach", "--on", day),
        ("which-centre", "--at", "52.7368,15.2288", "--on", day),
        ("counties", "--on", day),
    ]
CASES += [
    ("which-centre", "--county", "słubicki", "--on", "2014-06-01", "--lang", "pl"),
    ("which-centre", "--county", "0811", "--on", "2030-01-01"),
    ("centres",),
    ("centres", "--lang", "pl"),
    ("centre", "gorzow-2013"),
    ("centre", "zielona-gora-2024", "--lang", "pl"),
    ("places",),
    ("places", "--county", "żarski"),
    ("place", "Żary"),
    ("place", "Nowa", "Sól", "--lang", "pl"),
    ("services",),
    ("services", "--centre", "gorzow-2013"),
    ("audiences",),
    ("audiences", "--lang", "pl"),
    ("sources",),
    ("periods",),
    ("history", "--county", "żarski"),
    ("history", "--centre", "gorzow-2013"),
    ("history", "--centre", "zielona-gora-2024", "--lang", "pl"),
]
VALIDATE = [
    ("validate", str(PROJECT / "data" / "centres.toml")),
    ("validate", str(DATASETS / "minimal.toml")),
    ("validate", str(DATASETS / "many-problems.toml")),
]


def _name(args: tuple[str, ...], fmt: str) -> str:
    words = [a.replace(str(PROJECT), "") for a in args]
    slug = re.sub(r"[^0-9A-Za-z]+", "-", "_".join(words).encode("ascii", "replace").decode()).strip("-")
    return f"{slug}.{fmt}"


def _check(args: tuple[str, ...], fmt: str) -> None:
    run = run_owes(*args, "--format", fmt)
    assert "Traceback" not in run.stderr
    # A path in the output is the project's, wherever it was checked out.
    actual = f"exit {run.exit_code}\n" + run.stdout.replace(str(PROJECT), "<project>")
    golden = GOLDEN / _name(args, fmt)
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: regenerate (see this module's docstring)"
    assert actual == golden.read_text(encoding="utf-8"), f"`owes {' '.join(args)} --format {fmt}` changed"


@pytest.mark.parametrize("fmt", MACHINE)
@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) for c in CASES])
def test_machine_output_is_unchanged(args: tuple[str, ...], fmt: str) -> None:
    _check(args, fmt)


@pytest.mark.parametrize("args", VALIDATE, ids=["bundled", "minimal", "many-problems"])
def test_validation_report_is_unchanged(args: tuple[str, ...]) -> None:
    _check(args, "json")


def test_every_golden_file_is_checked() -> None:
    expected = {_name(a, f) for a in CASES for f in MACHINE} | {_name(a, "json") for a in VALIDATE}
    assert {p.name for p in GOLDEN.iterdir() if p.is_file()} == expected  # text/ is test_text_stable.py's
