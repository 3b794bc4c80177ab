"""Text a user pastes or a locale mangles, points near a border, dates far away, options twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, Owes

from owes_cli.domain.lookup import clean_query
from owes_cli.errors import ExitCode

INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e"]


@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_inside_a_name_are_dropped(owes: Owes, mark: str) -> None:
    run = owes("which-centre", "--full", "--county", f"żar{mark}ski", "--on", "2014-06-01", "--format", "plain")
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith("County żarski (0811, land county), for 2014-06-01 (historical)\n")
    run = owes("which-centre", "--county", f"żar{mark}skx")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr.startswith("No county matches “żarskx”.\n"), "echoed with a space the user never typed"


def test_an_undecodable_byte_is_shown_not_lost() -> None:
    assert clean_query("żar\udcbfski") == "żar\\xbfski"
    assert clean_query("\udcc5\udcbcarski") == "żarski"  # UTF-8 bytes the locale could not decode
    done = subprocess.run(
        [sys.executable, "-m", "owes_cli", "which-centre", "--county", b"\xc5\xbcar\xbfski"],
        env={**os.environ, "OWES_LANG": "en"},
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == ExitCode.NOT_FOUND
    assert done.stderr.decode().startswith("No county matches “żar\\xbfski”.\n")


def test_a_c_locale_without_utf8_mode_still_finds_a_polish_name() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "OWES_", "LANG", "PYTHONIOENCODING"))}
    done = subprocess.run(
        [sys.executable, "-m", "owes_cli", "which-centre", "--full", "--county", "żarski", "--on", "2014-06-01"],
        env={**env, "LC_ALL": "C", "PYTHONUTF8": "0", "OWES_LANG": "en"},
        capture_output=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (ExitCode.OK, b"")
    assert done.stdout.startswith(b"County zarski (0811, land county), for 2014-06-01 (historical)\n")


@pytest.mark.parametrize(
    ("option", "value", "first_line"),
    [
        ("--place", "０８１１０１１", "Place Łęknica (0811011, urban gmina)"),
        ("--county", "０８１１", "County żarski (0811, land county), for 2014-06-01 (historical)"),
    ],
)
def test_full_width_digits_in_a_code(owes: Owes, option: str, value: str, first_line: str) -> None:
    run = owes("which-centre", "--full", option, value, "--on", "2014-06-01", "--format", "plain")
    assert run.exit_code == ExitCode.OK, run
    assert run.stdout.splitlines()[0] == first_line


def test_a_point_just_outside_the_region_is_not_called_on_a_boundary(owes: Owes) -> None:
    run = owes("which-centre", "--at", "52.97304,15.95321")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr == (
        "The point 52.97304,15.95321 lies outside every gmina of województwo lubuskie (154 m from the nearest); "
        "give a point inside a gmina, or use --place.\n"
    )
    # A point in a sliver between two gminas' simplified boundaries is on a boundary.
    run = owes("which-centre", "--at", "52.6515,15.1585")
    assert run.stderr.startswith("The point 52.6515,15.1585 lies on a boundary of województwo lubuskie's gminas")


def test_a_point_in_a_region_without_gmina_boundaries(owes: Owes, tmp_path: Path) -> None:
    minimal = (PROJECT / "tests" / "datasets" / "minimal.toml").read_text(encoding="utf-8")
    text = minimal.replace('teryt = "08", name = "lubuskie"', 'teryt = "30", name = "wielkopolskie"')
    text = text.replace('"0811"', '"3064"').replace('name = "żarski"', 'name = "Poznań"').replace('"land"', '"city"')
    path = tmp_path / "wielkopolskie.toml"
    path.write_text(text, encoding="utf-8")
    run = owes("which-centre", "--at", "52.4064,16.9252", "--data", str(path))
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr.startswith("We have no gmina boundaries for województwo wielkopolskie")


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01"])
def test_a_date_out_of_range_says_the_range(owes: Owes, day: str) -> None:
    run = owes("counties", "--on", day)
    assert (run.exit_code, run.stdout) == (ExitCode.USAGE, "")
    assert run.stderr == f"The date “{day}” is outside the supported range: 1900-01-01 to 2200-12-31.\n"
    run = owes("counties", "--on", day, "--lang", "pl")
    assert run.stderr == f"Data „{day}” jest poza obsługiwanym zakresem: od 1900-01-01 do 2200-12-31.\n"


def test_the_last_lang_is_the_language_of_everything(owes: Owes) -> None:
    run = owes(
        "which-centre",
        "--full",
        "--county",
        "żarski",
        "--on",
        "2014-06-01",
        "--format",
        "plain",
        "--lang",
        "pl",
        "--lang",
        "en",
    )
    assert run.stdout.startswith("County żarski")
    run = owes("which-centre", "--county", "żarskx", "--lang", "pl", "--lang", "en")
    assert run.stderr.startswith("No county matches")
    run = owes("--lang", "en", "which-centre", "--county", "żarskx", "--lang", "pl")
    assert run.stderr.startswith("Nie znaleziono powiatu")
