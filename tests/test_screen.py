"""An answer on a terminal is drawn without Rich exactly as Rich draws it, byte for byte."""

from __future__ import annotations

import io
from datetime import date

import pytest

from owes_cli.directory import Directory
from owes_cli.layout import blocks as b
from owes_cli.layout import sections
from owes_cli.render import screen, terminal

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


def by_rich(blocks: list[b.Block]) -> str:
    stream = Terminal()
    terminal.print_renderables(terminal.block_renderables(blocks), stream)
    return stream.getvalue()


def by_screen(blocks: list[b.Block]) -> str:
    drawn = screen.render(blocks, Terminal())
    assert drawn is not None, "the light path should draw this"
    return drawn


def cards() -> list[tuple[str, str, list[b.Block]]]:
    """Every answer's blocks, short and full, without links: web addresses (OSC 8 links) are left to Rich."""
    found = []
    for lang, directory in DIRECTORIES.items():
        for county in directory.dataset.counties:
            for day in DAYS:
                answer = directory.which_centre(county=county, on=day)
                found.append((f"{lang} {county} {day}", lang, sections.county_card(answer, lang)))
                found.append((f"{lang} {county} {day} short", lang, sections.short_answer(answer, lang)))
        for place in ("Żary", "Olbrachtów", "Lubsko", "Bieniów"):
            answer = directory.which_centre(place=place, on=DAYS[1])
            found.append((f"{lang} {place}", lang, sections.county_card(answer, lang)))
            detail = directory.place(place)
            found.append((f"{lang} place {place}", lang, sections.place_card(detail, lang)))
        for centre_id in directory.dataset.centres:
            found.append((f"{lang} {centre_id}", lang, sections.centre_card(directory.centre(centre_id), lang)))
    return [(name, lang, [unlinked(block) for block in blocks]) for name, lang, blocks in found]


def unlinked(block: b.Block) -> b.Block:
    def plain(runs: b.Inline) -> b.Inline:
        return tuple(run._replace(url=None) for run in runs)

    if isinstance(block, b.Paragraph):
        return block._replace(runs=plain(block.runs))
    if isinstance(block, b.Fields):
        return block._replace(rows=tuple((label, plain(value)) for label, value in block.rows))
    if isinstance(block, b.Bullets):
        return block._replace(items=tuple((depth, plain(item)) for depth, item in block.items))
    return block


def titles_fit(blocks: list[b.Block], width: int) -> bool:
    """Whether every panel title fits its border whole; one that does not goes into the panel, drawn by Rich."""
    return all(len(x.text) + 6 <= width for x in blocks if isinstance(x, b.Heading) and x.level == 1)


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
    # On a terminal of ordinary width every answer whose titles fit is drawn without Rich; a
    # narrow one leaves to Rich the grids whose words do not fit (Rich then narrows the labels too).
    # (A short answer carries web addresses as words longer than its column: those go to Rich too.)
    full = [blocks for name, _, blocks in CARDS if not name.endswith(" short")]
    assert drawn >= sum(titles_fit(blocks, width) for blocks in full) or width < 64


def test_without_colour_the_notices_keep_their_weight_and_lose_their_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    warned = [blocks for _, _, blocks in CARDS if any(isinstance(x, b.Fields) and x.rows[-1][0] == "!" for x in blocks)]
    assert warned, "some answer carries a notice"
    for blocks in [card for _, _, card in CARDS[:30]] + warned:
        drawn = screen.render(blocks, Terminal())
        if drawn is not None:
            assert drawn == by_rich(blocks)
    warned = [blocks for blocks in warned if screen.render(blocks, Terminal()) is not None]
    assert warned, "some answer with a notice is drawn without Rich"
    assert "\x1b[33m" not in by_screen(warned[0]) and "\x1b[1m" in by_screen(warned[0])


@pytest.mark.parametrize(
    "blocks",
    [
        [b.Heading("Wide 漢字", 1)],  # two cells a character: Rich's own tables
        [b.Paragraph(b.text("tab\there"))],
        [b.Paragraph(b.text("soft\u00adhyphen"))],
        [b.Table(("a",), ((b.text("x"),),))],
        [b.Paragraph(b.text("https://example.org/", "https://example.org/"))],  # a link (OSC 8)
        [b.Heading("A title far longer than any terminal this test draws on, " * 6, 1)],  # into the panel
    ],
)
def test_what_rich_measures_its_own_way_is_left_to_rich(blocks: list[b.Block]) -> None:
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
