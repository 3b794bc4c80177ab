"""An answer on a terminal is drawn without Rich exactly as Rich draws it, byte for byte."""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import BASE_ENV, PROJECT

from owes_cli import layout
from owes_cli.directory import Directory
from owes_cli.layout import sections
from owes_cli.render import screen
from owes_cli.render.terminal import rich_draw

DIRECTORIES = {lang: Directory.load(lang=lang) for lang in ("pl", "en")}
DAYS = [date(2014, 6, 1), date(2016, 6, 1), date(2025, 3, 1)]
WIDTHS = [30, 41, 64, 100, 250]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def terminal_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLORTERM", "JUPYTER_COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def by_rich(blocks: list[layout.Block]) -> str:
    drawn, _ = rich_draw.draw(rich_draw.block_renderables(blocks), Terminal())
    return linked(drawn)


_LINK_ID = re.compile(r"\x1b\]8;id=([^;]*);")


def linked(drawn: str) -> str:
    """The picture with its links' ids (OSC 8) numbered in the order they appear: Rich's are random,
    and what a terminal sees is which pieces share an id (one link) and which do not."""
    ids: dict[str, int] = {}
    return _LINK_ID.sub(lambda m: f"\x1b]8;id={ids.setdefault(m[1], len(ids) + 1)};", drawn)


def by_screen(blocks: list[layout.Block]) -> str:
    drawn = screen.render(blocks, Terminal())
    assert drawn is not None, "the light path should draw this"
    return drawn


def cards() -> list[tuple[str, str, list[layout.Block]]]:
    """Every answer's blocks, short and full, with their web addresses (links, OSC 8)."""
    found = []
    for lang, directory in DIRECTORIES.items():
        today = directory.today().isoformat()
        for county in directory.dataset.counties:
            for day in DAYS:
                answer = directory.which_centre(county=county, on=day)
                full = sections.county_card(answer, lang, today=today)
                found.append((f"{lang} {county} {day}", lang, full))
                found.append((f"{lang} {county} {day} short", lang, layout.short_answer(answer, lang, today=today)))
        for place in ("Żary", "Olbrachtów", "Lubsko", "Bieniów"):
            answer = directory.which_centre(place=place, on=DAYS[1])
            found.append((f"{lang} {place}", lang, sections.county_card(answer, lang, today=today)))
            detail = directory.place(place)
            found.append((f"{lang} place {place}", lang, sections.place_card(detail, lang)))
        for centre_id in directory.dataset.centres:
            found.append((f"{lang} {centre_id}", lang, sections.centre_card(directory.centre(centre_id), lang)))
    return found


CARDS = cards()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_answer_is_drawn_as_rich_draws_it(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    drawn = 0
    for name, _, blocks in CARDS:
        light = screen.render(blocks, Terminal())
        if light is not None:
            assert light == by_rich(blocks), f"{name} at {width} columns"
            drawn += 1
    # Every answer, its links and long titles too, is drawn without Rich; only on a very narrow
    # terminal a grid whose labels leave its values no room is Rich's (Rich then narrows the labels).
    assert drawn == len(CARDS) or (width < 41 and drawn >= len(CARDS) * 0.9)


def test_without_colour_the_notices_keep_their_weight_and_lose_their_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    warned = [
        blocks for _, _, blocks in CARDS if any(isinstance(x, layout.Fields) and x.rows[-1][0] == "!" for x in blocks)
    ]
    assert warned, "some answer carries a notice"
    for blocks in [card for _, _, card in CARDS[:30]] + warned:
        drawn = screen.render(blocks, Terminal())
        if drawn is not None:
            assert drawn == by_rich(blocks)
    warned = [blocks for blocks in warned if screen.render(blocks, Terminal()) is not None]
    assert warned, "some answer with a notice is drawn without Rich"
    assert "\x1b[33m" not in by_screen(warned[0]) and "\x1b[1m" in by_screen(warned[0])


ADDRESS = "https://example.org/owes/2025/a-long-page-name-that-folds.html"


@pytest.mark.parametrize(
    "blocks",
    [
        # A title wider than the border opens the panel; a web address folded in a grid is one link.
        [
            layout.Heading("A title far longer than the terminal, " * 4, 1),
            layout.Fields((("Web page", layout.text(ADDRESS, ADDRESS)),)),
        ],
        # Two links to one address in one text share an id, as in Rich; a notice's link keeps its colour.
        [
            layout.Fields(
                (
                    (
                        "!",
                        (
                            layout.Run("see "),
                            layout.Run(ADDRESS, ADDRESS),
                            layout.Run(" or "),
                            layout.Run("here", ADDRESS),
                        ),
                    ),
                )
            )
        ],
        [
            layout.Heading("Sources", 2),
            layout.Bullets(((0, layout.text("a", ADDRESS)), (1, layout.text("b", ADDRESS, bold=True)))),
        ],
        # An address on a line of its own is printed whole, the terminal wraps it; in a panel, where it fits.
        [layout.Heading("Sources", 2), layout.Paragraph((layout.Run("  "), layout.Run(ADDRESS * 2, ADDRESS)))],
        [
            layout.Heading("Sources", 1),
            layout.Paragraph(layout.text("https://owes.example.org/", "https://owes.example.org/")),
        ],
        # Not a web address: no link.
        [layout.Paragraph(layout.text("write to us", "mailto:owes@example.org"))],
    ],
)
@pytest.mark.parametrize("width", [40, 80])
def test_links_are_drawn_as_rich_draws_them(
    monkeypatch: pytest.MonkeyPatch, blocks: list[layout.Block], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    drawn = by_screen(blocks)
    assert drawn == by_rich(blocks)
    assert ("\x1b]8;id=1;" in drawn) == any("http" in repr(block) for block in blocks)


@pytest.mark.parametrize(
    "blocks",
    [
        [layout.Heading("Wide 漢字", 1)],  # two cells a character: Rich's own tables
        [layout.Paragraph(layout.text("tab\there"))],
        [layout.Paragraph(layout.text("soft\u00adhyphen"))],
        [layout.Table(("a",), ((layout.text("x"),),))],
        [layout.Heading("Sources", 1), layout.Paragraph(layout.text(ADDRESS * 3, ADDRESS))],  # Rich would cut it off
    ],
)
def test_what_rich_measures_its_own_way_is_left_to_rich(blocks: list[layout.Block]) -> None:
    assert screen.render(blocks, Terminal()) is None


@pytest.mark.parametrize(
    "environment", [{"TERM": "dumb"}, {"FORCE_COLOR": "1"}, {"TTY_COMPATIBLE": "1"}, {"COLUMNS": "12"}]
)
def test_a_terminal_rich_sees_differently_is_left_to_rich(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert screen.render(CARDS[0][2], Terminal()) is None
    assert screen.render(CARDS[0][2], io.StringIO()) is None  # not a terminal at all


def _loaded_on_a_terminal(*args: str, tmp_path: Path) -> set[str]:
    """The modules `owes ARGS` imports with stdout on a terminal (python -X importtime writes them to stderr)."""
    env = {**BASE_ENV, "TERM": "xterm-256color", "COLUMNS": "80", "OWES_PAGER": "", "PATH": "/usr/bin:/bin"}
    leader, follower = pty.openpty()
    with open(tmp_path / "stderr", "w+", encoding="utf-8") as stderr:
        command = [sys.executable, "-X", "importtime", "-m", "owes_cli", *args]
        process = subprocess.Popen(command, stdout=follower, stderr=stderr, cwd=PROJECT, env=env)
        os.close(follower)
        while True:
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:  # the terminal's other side closed: the program ended
                break
        process.wait(timeout=60)
        os.close(leader)
        stderr.seek(0)
        lines = stderr.read().splitlines()
    return {line.rsplit("|", 1)[-1].strip() for line in lines if line.startswith("import time:")}


def test_on_a_terminal_an_answer_is_drawn_without_loading_rich(tmp_path: Path) -> None:
    answer = _loaded_on_a_terminal("which-centre", "--county", "żarski", "--on", "2017-05-01", tmp_path=tmp_path)
    assert "owes_cli.render.terminal" in answer  # it was drawn for a terminal
    assert not {"rich", "owes_cli.render.terminal.rich_draw"} & answer
    table = _loaded_on_a_terminal("centres", tmp_path=tmp_path)  # a table: the fast path leaves it to Rich
    assert {"rich", "owes_cli.render.terminal.rich_draw"} <= table
