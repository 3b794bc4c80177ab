"""The short answer: one screen, the centre with how sure, who runs it and how to reach it."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import PROJECT, Owes, run_on_pty

from owes_cli import Directory, layout
from owes_cli.cli.output import pager_command
from owes_cli.layout import sections
from owes_cli.render import terminal


@pytest.fixture(scope="module")
def directory() -> Directory:
    return Directory.load(None, lang="en")


@pytest.fixture(scope="module")
def polish() -> Directory:
    return Directory.load(None, lang="pl")


# One screen of 24 rows holds the command line, the answer and the next prompt: 22 rows for the
# answer; 21 keeps one spare (issue 21's "For whom" line of the 2024 Zielona Góra centre takes two).
SCREEN = 21


def _drawn(blocks: list[object], width: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What a terminal `width` columns wide shows."""
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    text, _ = terminal.draw(blocks, io.StringIO())  # type: ignore[arg-type]
    return text.splitlines()


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize("day", [None, date(2014, 6, 1), date(2017, 5, 1)])
def test_every_county_fits_one_screen_at_80_columns(
    directory: Directory, polish: Directory, lang: str, day: date | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    asking = directory if lang == "en" else polish
    for county in asking.counties(on=day):
        answer = asking.which_centre(county=county.teryt, on=day)
        lines = _drawn(layout.short_answer(answer, lang, today=asking.today().isoformat()), 80, monkeypatch)  # type: ignore[arg-type]
        assert len(lines) <= SCREEN, (county.teryt, lines)


def test_a_place_with_namesakes_fits_one_screen(directory: Directory, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = directory.which_centre(place="Żary")
    lines = _drawn(layout.short_answer(answer, "en", today=directory.today().isoformat()), 80, monkeypatch)  # type: ignore[arg-type]
    assert len(lines) <= SCREEN
    joined = " ".join(lines)
    assert "also the name of the rural gmina 0811102" in joined
    assert "places of this name outside the region: --full" in joined


def test_unknown_coverage_names_both_candidates_with_operators_and_a_web_page(owes: Owes) -> None:
    run = owes("which-centre", "--county", "żarski", "--on", "2026-11-26")
    assert run.exit_code == 0
    out = run.stdout
    assert out.startswith("On 2026-11-26 (historical): which centre, żarski\n")
    assert "How sure  Our sources do not say which of these two serves powiat żarski." in out
    assert out.count("  Centre ") == 2
    assert "Fundacja na rzecz Collegium Polonicum (lead); partner: Lokalna Grupa Działania „Zielone Światło”" in out
    # No address or website in the sources: the page that describes the centre.
    assert "Web page  https://fundacjacp.org/?p=4486" in out
    assert "last confirmed: Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego (2013-03 – 2015-09)" in out
    assert "Sources" not in out and "Services" not in out
    polish = owes("which-centre", "--county", "żarski", "--on", "2026-11-26", "--lang", "pl").stdout
    assert "Źródła nie podają, który z tych dwóch ośrodków obsługuje powiat żarski." in polish
    assert "ostatnio potwierdzony: Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego" in polish
    assert polish.startswith("W dniu 2026-11-26 (stan historyczny): który ośrodek, żarski\n")


def test_a_confirmed_answer_says_which_source_confirms_it_and_how_to_reach_the_centre(owes: Owes) -> None:
    out = owes("which-centre", "--county", "słubicki", "--on", "2014-06-01").stdout
    assert (
        "confirmed by “Lubuskie Ośrodki Wsparcia Ekonomii Społecznej” (obserwuj.lubuskie.pl) and 1 more source" in out
    )
    assert "Address   ul. Kombatantów 34, Gorzów Wielkopolski" in out
    assert "Website   http://spolecznelubuskie.pl/" in out
    assert "Last" not in out and "Earlier" not in out  # the day's answer is confirmed
    polish = owes("which-centre", "--county", "słubicki", "--on", "2014-06-01", "--lang", "pl").stdout
    assert (
        "potwierdza: „Lubuskie Ośrodki Wsparcia Ekonomii Społecznej” (obserwuj.lubuskie.pl) i 1 inne źródło" in polish
    )
    assert "Adres     ul. Kombatantów 34" in polish


def test_today_is_said_only_of_today(owes: Owes) -> None:
    assert owes("which-centre", "--county", "żarski").stdout.startswith("Today: ")
    assert owes("which-centre", "--county", "żarski", "--lang", "pl").stdout.startswith("Dziś: ")
    assert "Today" not in owes("which-centre", "--county", "żarski", "--on", "2017-05-01").stdout
    assert "Dziś" not in owes("which-centre", "--county", "żarski", "--on", "2017-05-01", "--lang", "pl").stdout


def test_full_gives_everything_and_json_keeps_everything(owes: Owes) -> None:
    full = owes("which-centre", "--county", "żarski", "--on", "2014-06-01", "--full").stdout
    for part in ("Sources", "Services", "Audiences", "Aim", "Subregion"):
        assert part in full
    short = owes("which-centre", "--county", "żarski", "--on", "2014-06-01", "-f", "json").stdout
    for key in ('"services"', '"audiences"', '"sources"', '"coverage_sources"', '"last_confirmed"'):
        assert key in short
    pl = owes("which-centre", "--county", "żarski", "--on", "2014-06-01", "--full", "--lang", "pl").stdout
    assert "Źródła" in pl and "Usługi" in pl


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_panel_title_never_cuts_a_name_off(
    directory: Directory, polish: Directory, width: int, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asking = directory if lang == "en" else polish
    for day in (None, date(2014, 6, 1)):
        answer = asking.which_centre(place="Żary", on=day)
        blocks = sections.county_card(answer, lang, today=asking.today().isoformat())
        lines = _drawn(blocks, width, monkeypatch)  # type: ignore[arg-type]
        assert all(len(line) <= width for line in lines)
        flowing = re.sub(r"[\s│╭╮╰╯─]+", " ", "\n".join(lines))
        for centre in (*answer.centres, answer.centre, answer.last_confirmed and answer.last_confirmed.centre):
            if centre is not None:
                assert centre.name in flowing
        assert "…" not in "\n".join(line for line in lines if line.startswith("╭"))


def test_the_pager_is_chosen_as_git_chooses_it() -> None:
    assert pager_command({}) == "less -FRX"
    assert pager_command({"PAGER": "more"}) == "more"
    assert pager_command({"PAGER": "more", "OWES_PAGER": "most"}) == "most"
    assert pager_command({"OWES_PAGER": ""}) is None
    assert pager_command({"PAGER": "cat"}) is None


def _on_a_terminal(args: list[str], pager: str, tmp_path: Path) -> str:
    """Run owes with stdout on a pseudo-terminal 24 lines high; return what it printed there."""
    env = {**os.environ, "OWES_PAGER": pager, "LINES": "24", "COLUMNS": "80", "OWES_LANG": "en", "TERM": "xterm"}
    env.pop("PAGER", None)
    return run_on_pty(args, env)


def test_long_output_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"cat > {paged}"
    _on_a_terminal(["which-centre", "--county", "żarski", "--full"], pager, tmp_path)
    assert "Ośrodek Wsparcia Ekonomii Społecznej" in paged.read_text(encoding="utf-8")
    paged.unlink()
    shown = _on_a_terminal(["which-centre", "--county", "żarski", "--full", "--no-pager"], pager, tmp_path)
    assert not paged.exists() and "Ośrodek Wsparcia" in shown
    # One screen is printed as it is.
    shown = _on_a_terminal(["which-centre", "--county", "żarski", "--on", "2014-06-01"], pager, tmp_path)
    assert not paged.exists() and "Ośrodek Wsparcia" in shown


def test_piped_output_never_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env = {**os.environ, "OWES_PAGER": f"cat > {paged}", "OWES_LANG": "en"}
    run = subprocess.run(
        [sys.executable, "-m", "owes_cli", "which-centre", "--county", "żarski", "--full"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env,
        check=True,
    )
    assert "Sources" in run.stdout and not paged.exists()


def test_the_pager_gets_the_same_ascii_as_the_terminal(tmp_path: Path) -> None:
    """PYTHONIOENCODING=ascii: letters the terminal cannot show are written plain (żarski as zarski), paged or not."""
    paged = tmp_path / "paged.txt"
    args = ["which-centre", "--county", "żarski", "--full", "--on", "2014-06-01"]
    env = {
        **os.environ,
        "LINES": "24",
        "COLUMNS": "80",
        "OWES_LANG": "en",
        "TERM": "xterm",
        "PYTHONIOENCODING": "ascii",
    }
    env.pop("PAGER", None)
    direct = run_on_pty([*args, "--no-pager"], {**env, "OWES_PAGER": f"cat > {paged}"})
    run_on_pty(args, {**env, "OWES_PAGER": f"cat > {paged}"})
    through_pager = paged.read_bytes().decode("ascii")
    assert "County zarski" in through_pager and "?arski" not in through_pager  # "?" stands in for borders only
    assert "County zarski" in direct
    assert through_pager.split() == direct.split()
