"""The web page of the directory (`owes export -o owes.html`), laid out as neutral blocks and data.

The page answers a search without a server, so what the command line
decides in Python goes into the page as data: every county's answer for
the page's day, already laid out (render/html.py draws the blocks), and the
rules and names the search needs. `search_index` ships the folding table,
the case endings, the words that name a kind of unit and the candidate
names, taken from domain/names.py and domain/places.py as they are, so the
page's script only applies them: it decides nothing the Python side does not.

The national locality list (4 MB) is too big for a page: the index holds the
region's towns, gminas and localities, and every county, town and gmina of
Poland (for "outside the region: województwo …"); a village outside the
region is not found.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from owes_cli import answers
from owes_cli.answers import CountyAnswer, CoverageStatus
from owes_cli.domain import names
from owes_cli.layout import listings, sections
from owes_cli.layout.blocks import Block, Paragraph, Run, text
from owes_cli.messages import MESSAGES, kind_label, t
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.domain.model import Dataset
    from owes_cli.domain.places import Gazetteer
    from owes_cli.domain.register import Register
    from owes_cli.layout.coverage_map import CoverageMap


def page_answer(answer: CountyAnswer, lang: str, made: str = "") -> list[Block]:
    """The command line's short answer, then its sources. A page is read on other days than
    it is made, so each answer names its day rather than saying "today"; a day before the
    page was `made` is said to be historical."""
    blocks = sections.short_answer(answer, lang, today="", made=made)
    return blocks + sections.source_section(answer.sources, lang)


class CountyEntry(Record):
    """One county's answer on the page: what a test compares with the command line, and its blocks."""

    teryt: str
    name: str
    centre: str | None  # the confirmed centre's id
    centres: tuple[str, ...]  # the candidates' ids, when none is confirmed
    coverage: CoverageStatus
    blocks: tuple[Block, ...]


class WebPage(Record):
    lang: str
    title: str
    subtitle: str
    day: str
    generated: datetime
    intro: tuple[Block, ...]
    counties: tuple[CountyEntry, ...]
    drawing: CoverageMap
    by_centre: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (centre or coverage, ((teryt, name), …))
    directory: tuple[Block, ...]
    search: dict[str, Any]  # the index and rules the page's script applies (JSON)
    texts: dict[str, str]  # the script's messages in the page's language


def web_page(
    dataset: Dataset,
    register: Register,
    gazetteer: Gazetteer,
    drawing: CoverageMap,
    day: date,
    generated: datetime,
    lang: str,
) -> WebPage:
    from owes_cli.answers import detail
    from owes_cli.domain import periods

    entries = []
    for teryt in sorted(dataset.counties):
        resolved = periods.answer(dataset, dataset.counties[teryt], day)
        query = answers.Query(county=teryt, place=None, at=None, on=day.isoformat())
        answer = answers.county_answer(dataset, resolved, lang, query)
        entries.append(
            CountyEntry(
                teryt,
                answer.county.name,
                answer.centre.id if answer.centre else None,
                tuple(c.id for c in answer.centres),
                answer.coverage,
                tuple(page_answer(answer, lang, generated.date().isoformat())),
            )
        )
    whole = detail.directory(dataset, day, lang)
    listing: list[Block] = [*sections.period_section(whole.period, lang)]
    for centre in whole.centres:
        listing += [*sections.centre_section(centre, lang), *sections.source_section(centre.sources, lang)]
    groups: dict[str, list[tuple[str, str]]] = {}
    for row in whole.counties:
        # Headed as `owes counties` heads its groups: the centre, "One of: A | B", or why there is none.
        groups.setdefault(listings.answer_heading(row, lang), []).append((row.teryt, row.name))
    status = sections.status_line(
        whole.period_status, lang, on=day.isoformat(), start=whole.period.from_, ended=whole.period_ended
    )
    intro: tuple[Block, ...] = (
        Paragraph(text(t(lang, "web_intro"))),
        Paragraph((Run(t(lang, "web_day") + " "), Run(day.isoformat(), bold=True), Run(f" ({status})"))),
    )
    return WebPage(
        lang=lang,
        title=dataset.title,
        subtitle=t(lang, "web_subtitle", region=dataset.region_name),
        day=day.isoformat(),
        generated=generated,
        intro=intro,
        counties=tuple(entries),
        drawing=drawing,
        by_centre=tuple((label, tuple(counties)) for label, counties in groups.items()),
        directory=tuple(listing),
        search=search_index(dataset, register, gazetteer, lang),
        # Templates, not messages: the script fills in {query}, {region} and the like.
        texts={key: MESSAGES[key][0 if lang == "pl" else 1] for key in SCRIPT_TEXTS},
    )


# The messages the page's script shows; each takes {query} and the like as the catalogue's do.
SCRIPT_TEXTS = (
    "web_answer_for",
    "web_ambiguous",
    "web_outside",
    "web_not_found",
    "web_suggestions",
    "web_empty",
    "web_postal_code",
)


def search_index(dataset: Dataset, register: Register, gazetteer: Gazetteer, lang: str) -> dict[str, Any]:
    """What the page's search applies: the rules of domain/names.py and the names it matches.

    Counties: [teryt, name, kind, in the region (1/0)]. Places: [name, kind,
    teryt, simc, rank, own label or empty, is a locality (1/0)], where rank is the order in which places.py
    prefers one of several in a county and label the kind in words.
    """
    from owes_cli.domain import places

    def place_row(p: places.Place) -> list[Any]:
        view: dict[str, Any] = {"kind": p.kind.value}
        parent = gazetteer.parent(p)
        if parent is not None:
            view |= {"part_of": parent.name, "part_of_teryt": parent.teryt}
        label = kind_label(view, lang)
        # Only a part of a place needs its own words ("part of the village of …"); the rest share "kind_labels".
        own = label if label != t(lang, "kind_" + p.kind.value) else ""
        return [p.name, p.kind.value, p.teryt, p.simc or "", places.preference(p), own, int(p.is_locality)]

    region = set(dataset.counties)
    universe = sorted(gazetteer.universe, key=lambda p: (p.teryt, p.simc or ""))
    every = {code: (c.name, c.kind.value) for code, c in register.counties.items()}
    every |= {code: (c.name, c.kind.value) for code, c in dataset.counties.items()}
    counties = [[code, name, kind, 1 if code in region else 0] for code, (name, kind) in sorted(every.items())]
    cities = {code: sorted(names.city_adjective_bases(name)) for code, (name, kind) in every.items() if kind == "city"}
    return {
        "rules": names.rules(),
        "preference": places.rules(),
        "counties": counties,
        "cities": cities,
        "places": [place_row(p) for p in universe],
        "voivodeships": dict(sorted(register.voivodeships.items())),
        "kind_labels": {kind.value: t(lang, "kind_" + kind.value) for kind in places.PlaceKind},
        "gminas": {code: p.name for code, p in sorted(gazetteer.places.items()) if code[:4] in region},
        "region": dataset.region_name,
    }
