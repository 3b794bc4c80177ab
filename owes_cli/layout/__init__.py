"""How answers are laid out, for every output; this package's own module holds the blocks
and the short answer.

The layout's modules turn typed answers (owes_cli.answers) into neutral
blocks: headings, paragraphs, labelled fields, tables, bullet lists, the coverage map
and page breaks. The plain-text and Rich renderers draw them on a terminal,
the PDF and Word renderers in a document, so every output says the same
things in the same order. A new kind of block is a new record here
(owes_cli.record) and one drawing function in each renderer.

The short answer of `owes which-centre` (`short_answer`: one screen, issue 10)
lays out a county's answer as the command line prints it by default and the
web page shows it: the place and county, the centre or centres with how sure
that is, who runs each and how to reach it. The wordings it shares with the
fuller cards of layout/sections.py (a period's dates, the day's status, a
county's name, "not in our sources") are here too, and sections.py builds on
them; it holds twice their bytecode, and loads only for the full cards.

The blocks and the short answer are this package's __init__ rather than
modules of their own: every lookup lays out its answer in them, and each
module costs a lookup its finding and reading (some 0.15 ms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from owes_cli.answers import (
    CentreInfo,
    CountyAnswer,
    CountyRef,
    CoverageStatus,
    NoteInfo,
    PeriodInfo,
    PeriodStatus,
    Website,
    run_by_line,
    to_json,
    website,
)
from owes_cli.messages import kind_label, known, note_text, printable, t
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.answers.places import Locality, PlaceInfo, Unit  # loaded with the answers that have a place
    from owes_cli.layout.coverage_map import CoverageMap


class Run(Record):
    """A piece of text; with a url it is a link; `small` is fine print within a paragraph."""

    text: str
    url: str | None = None
    bold: bool = False
    small: bool = False


Inline = tuple[Run, ...]


class Heading(Record):
    text: str
    level: int  # 1: what the answer is about (a county, a centre), bookmarked in a PDF; 2: a part of it


class Paragraph(Record):
    runs: Inline
    tone: str = "body"  # "body", "small" (fine print) or "notice" (set apart: historical data)


class Fields(Record):
    """Label and value pairs, e.g. "Run by: …"; a value may hold several lines."""

    rows: tuple[tuple[str, Inline], ...]


class Table(Record):
    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    widths: tuple[int, ...] = ()  # relative column widths; () lets the renderer choose
    # Columns no row has a value in, which a screen may leave out to save room.
    empty: tuple[bool, ...] = ()
    # Columns whose words a screen never breaks (a county's name: "strzelecko-drezdenecki").
    whole: tuple[bool, ...] = ()


class Bullets(Record):
    items: tuple[tuple[int, Inline], ...]  # (depth from 0, content)
    # Each item starts with its own number ("12. "): a document draws no bullet before it.
    numbered: bool = False


class PageBreak(Record):
    pass


class Map(Record):
    """The coverage map under its own section heading; a renderer keeps the two on one page."""

    title: str  # the heading, level 1
    drawing: CoverageMap
    description: str  # what the map shows, in words: the picture's alternative text


Block = Heading | Paragraph | Fields | Table | Bullets | Map | PageBreak


def text(value: str, url: str | None = None, *, bold: bool = False) -> Inline:
    return (Run(value, url, bold),)


def web_address(run: Run) -> str | None:
    """The run's address where a terminal shows it as a link (OSC 8): a printable http(s) address."""
    url = run.url
    return url if url and url.startswith(("http://", "https://")) and printable(url) == url else None


def plain_text(runs: Inline) -> str:
    return "".join(run.text for run in runs)


def bullets(items: list[str]) -> Bullets:
    return Bullets(tuple((0, text(item)) for item in items))


def by_heading(blocks: list[Block]) -> list[tuple[Heading | None, list[Block]]]:
    """Each heading with the blocks under it (None heads what comes before the first), as a screen shows them."""
    sections: list[tuple[Heading | None, list[Block]]] = []
    for block in blocks:
        if isinstance(block, Heading) or not sections:
            sections.append((block if isinstance(block, Heading) else None, []))
        if not isinstance(block, Heading):
            sections[-1][1].append(block)
    return sections


# --------------------------------------------------------------------------
# The short answer, and the wordings every card shares
# --------------------------------------------------------------------------

Rows = list[tuple[str, Inline]]


def span(period: PeriodInfo, lang: str) -> str:
    """A period's or centre's dates, "2013-03 – 2015-09"; an unknown end is said so, and
    dates no source states say how they were derived: "… (from its centres' dates)"."""
    dates = f"{period.from_} – {period.to or t(lang, 'not_in_sources')}"
    return f"{dates} ({period.derived})" if period.derived else dates


def status_line(
    status: PeriodStatus,
    lang: str,
    *,
    on: str,
    start: str,
    ended: str | None,
    period: str | None = None,
    next_start: str | None = None,
) -> str:
    """Whether the answer is of a running period, a past one, a gap between two, or before any."""
    if status is PeriodStatus.CURRENT:
        return t(lang, "status_current", on=on)
    if status is PeriodStatus.BEFORE_FIRST:
        return t(lang, "status_before_first", start=start)
    if status is PeriodStatus.BETWEEN and ended and period and next_start:
        when = t(lang, "in_year" if len(next_start) == 4 else "on_date", date=next_start)
        return t(lang, "status_between", period=period, end=ended, next=when)
    if ended:
        return t(lang, "status_historical", end=ended)
    if next_start:  # no source gives the end: only that the next period began
        return t(lang, "status_historical_unstated", next=next_start)
    return t(lang, "status_historical_open")


def answer_status(answer: CountyAnswer, lang: str) -> str:
    """`status_line` for a county's answer, with the period that ended and the next one."""
    return status_line(
        answer.period_status,
        lang,
        on=answer.query.on,
        start=answer.period.from_,
        ended=answer.period_ended,
        period=answer.period.name,
        next_start=answer.next_period.from_ if answer.next_period else None,
    )


def county_name(county: CountyRef | Unit | Locality | PlaceInfo, lang: str) -> str:
    """ "żarski (0811, land county)"; a locality by its own id, "Mirostowice Dolne (SIMC 0912345, village)" """
    simc = getattr(county, "simc", None)
    if simc and county.kind not in UNIT_KINDS:
        return f"{county.name} (SIMC {simc}, {kind_label(to_json(county), lang)})"
    return f"{county.name} ({county.teryt}, {t(lang, 'kind_' + county.kind)})"


UNIT_KINDS = {"urban", "rural", "urban-rural", "town"}  # named by their TERYT code


def or_missing(value: str | None, lang: str, url: str | None = None) -> Inline:
    return text(value, url) if value else text(t(lang, "not_in_sources"))


def website_text(found: Website, lang: str) -> Inline:
    """A website as a link; a period's, shown for a centre with none of its own, said to be the period's."""
    link = Run(found.url, found.url)
    return (link, Run(f" ({t(lang, 'website_of_period')})")) if found.of_period else (link,)


def no_centre_ran(answer: CountyAnswer) -> bool:
    """Whether no known centre ran on the day asked: between two periods or after the last one ended.
    (Before the first period no centre is known at all.)"""
    return answer.period_status in (PeriodStatus.BETWEEN, PeriodStatus.HISTORICAL)


# Notes about namesakes elsewhere in Poland: in the short answer they are counted, not listed.
_NOTES_KEPT_SHORT = 1


# Today, for the layout, is given as text (YYYY-MM-DD) by whoever asks: the command line and the
# library take it from `Directory.today()`, a document from the day it counts as made. The
# layout never reads the clock, so that every output of one run speaks of one today.


def is_past(on: str, today: str) -> bool:
    """Whether the day asked is before `today` ("": unknown, never past)."""
    return bool(today) and on < today


def day_label(on: str, lang: str, today: str, *, made: str | None = None) -> str:
    """ "Today" only when the day asked is today; a day before it "On 2014-06-01 (historical)",
    so that an answer for a past day never reads like today's; otherwise "On 2030-01-01".

    `today` is today's date; "" for text read on other days than it is made, such
    as a web page, which always names its day; `made` is then the day it is made,
    before which a day is past whenever it is read.
    """
    if on == today:
        return t(lang, "today")
    past = is_past(on, today if made is None else made)
    return t(lang, "on_day_past" if past else "on_day", on=on)


def how_sure(answer: CountyAnswer, lang: str) -> str:
    """ "confirmed by …", or what the sources leave open, in one sentence."""
    centre = answer.centre
    if centre is not None:
        return how_sure_of(centre, lang)
    if answer.coverage is CoverageStatus.NONE:
        return t(lang, "coverage_none", county=answer.county.name)
    if not answer.centres:
        return t(lang, "short_no_centre_known")
    count = len(answer.centres)
    if count == 1:
        return t(lang, "short_unknown_one", county=answer.county.name)
    among = t(lang, f"among_{count}") if known(f"among_{count}") else str(count)
    return t(lang, "short_unknown_among", among=among, county=answer.county.name)


def open_to_region(answer: CountyAnswer, lang: str) -> list[str]:
    """Where the sources do not say which centre serves the county: each candidate whose project a
    source says is open to the whole voivodeship, in a line citing it by its number in the answer's
    sources. Not county coverage: the centre's counties stay unknown (issue 21)."""
    if answer.centre is not None or answer.coverage is not CoverageStatus.UNKNOWN:
        return []
    numbers = {source.id: number for number, source in enumerate(answer.sources, start=1)}
    lines = []
    for centre in answer.centres:
        cited = [numbers[s] for s in centre.open_to_region if s in numbers]
        if cited:
            source = ", ".join(map(str, cited))
            # Polish names the centre by the place in its name, already declined: "w Zielonej Górze".
            _, found, place = centre.name.rpartition(" w ")
            where = f"w {place}" if found else f"„{centre.name}”"
            seat = centre.seat or centre.name
            lines.append(t(lang, "open_to_region", centre=centre.name, seat=seat, where=where, source=source))
    return lines


def reach_rows(centre: CentreInfo, lang: str) -> Rows:
    """How to reach a centre: its address and website where a source gives them,
    otherwise the web page that describes it."""
    rows: Rows = []
    if centre.addresses:
        first = centre.addresses[0]
        rows.append((t(lang, "address"), text(f"{first.street}, {first.city}")))
    found = website(centre)
    if found:
        rows.append((t(lang, "website"), website_text(found, lang)))
    if not rows:
        described = next((s.url for s in centre.sources if s.url), None)
        if described:
            rows.append((t(lang, "web_page"), text(described, described)))
        else:
            rows.append((t(lang, "contact"), text(t(lang, "not_in_sources"))))
    return rows


def who_runs(centre: CentreInfo, lang: str) -> Inline:
    """Every operator with its role, as every output lists them (answers.run_by)."""
    return or_missing(run_by_line(centre, lang), lang)


_OUTSIDE_NOTES = {"county_also_outside", "place_also_outside", "place_more_outside", "place_also_outside_locality"}


def short_notes(notes: tuple[NoteInfo, ...], lang: str) -> Rows:
    """The notes about this county in full; namesakes outside the region only counted."""
    notes = tuple(n for n in notes if n.id != "read_as")  # said on stderr by the command line
    inside = [n for n in notes if n.id not in _OUTSIDE_NOTES]
    outside = sum(int(n.params.get("count", 1)) if n.id == "place_more_outside" else 1 for n in notes) - len(inside)
    rows: Rows = [("!", text(note_text(to_json(n), lang))) for n in inside[:_NOTES_KEPT_SHORT]]
    hidden = len(inside) - _NOTES_KEPT_SHORT
    if outside:
        rows.append(("!", text(t(lang, "short_outside_namesakes", count=outside))))
    if hidden > 0:
        rows.append(("!", text(t(lang, "short_more_notes", count=hidden))))
    return rows


def short_answer(answer: CountyAnswer, lang: str, *, today: str, made: str | None = None) -> list[Block]:
    """`owes which-centre`: the short answer, one screen.

    The place and county; for the day asked the centre or centres with how
    sure the answer is; who runs each and how to reach each; where the day's
    answer is not confirmed, the last confirmed centre in one line. The web
    page (render/html.py) lays out the same blocks.
    """
    county = answer.county
    rows: Rows = []
    if answer.query.at is not None:
        rows.append((t(lang, "at"), text(f"{answer.query.at.lat}, {answer.query.at.lon}")))
    where = county_name(county, lang)
    if answer.place is not None:
        place = answer.place
        where = f"{place.name} ({kind_label(to_json(place), lang)}), {t(lang, 'county').lower()} {where}"
    rows.append((t(lang, "place" if answer.place is not None else "county"), text(where)))
    day = day_label(answer.query.on, lang, today, made=made)
    status = answer.period_status
    if status is not PeriodStatus.CURRENT:
        rows.append((t(lang, "status"), text(answer_status(answer, lang))))
    if no_centre_ran(answer):
        # No centre ran on the day: what a source last confirmed is said as such, never as the centre.
        rows.append((t(lang, "short_how_sure"), text(t(lang, "short_none_ran"))))
        rows.append((t(lang, "short_earlier"), text(last_confirmed_line(answer, lang))))
        return _short(answer, lang, day, rows)
    rows.append((t(lang, "short_how_sure"), text(how_sure(answer, lang))))
    rows += [(t(lang, "open_to"), text(line)) for line in open_to_region(answer, lang)]
    shown = [answer.centre] if answer.centre is not None else list(answer.centres)
    for centre in shown:
        rows.append((t(lang, "centre"), text(centre.name, bold=True)))
        rows.append((t(lang, "operators"), who_runs(centre, lang)))
        rows += reach_rows(centre, lang)
    if answer.centre is None and status is not PeriodStatus.BEFORE_FIRST:
        rows.append((t(lang, "short_earlier"), text(last_confirmed_line(answer, lang))))
    return _short(answer, lang, day, rows)


def last_confirmed_line(answer: CountyAnswer, lang: str) -> str:
    """ "last confirmed: centre (2013-03 – 2015-09)", or that no source names one."""
    last = answer.last_confirmed
    if last is None:
        return t(lang, "no_confirmed")
    return t(lang, "short_last_confirmed", centre=last.centre.name, dates=span(last.centre.period, lang))


def _short(answer: CountyAnswer, lang: str, day: str, rows: Rows) -> list[Block]:
    rows = rows + short_notes(answer.notes, lang)
    title = answer.place.name if answer.place is not None else answer.county.name
    return [Heading(t(lang, "short_title", subject=title, day=day), 1), Fields(tuple(rows))]


def how_sure_of(centre: CentreInfo, lang: str) -> str:
    """ "confirmed by …" for a centre whose counties a source names."""
    confirming = [s for s in centre.sources if s.id in centre.coverage_sources]
    if not confirming:
        return t(lang, "short_confirmed_by", sources=t(lang, "not_in_sources"))
    first = confirming[0]
    named = f"„{first.title}”" if lang == "pl" else f"“{first.title}”"
    if first.publisher:
        named += f" ({first.publisher})"
    if len(confirming) > 1:
        named += " " + t(lang, "short_and_more_sources", count=len(confirming) - 1)
    return t(lang, "short_confirmed_by", sources=named)
