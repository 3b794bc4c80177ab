"""The web page of the directory (`owes export -o owes.html`), laid out as neutral blocks and data.

The page answers a search without a server, so what the command line
decides in Python goes into the page as data. `Directory.web_page` works
out the answers (every county's for each run of days on which none changes,
and the names several places share) and this module only lays them out
with the command line's own code (render/html.py draws the blocks).
`search_index` ships the folding table, the case endings, the words that
name a kind of unit, the candidate names, the coordinate forms and the
gmina outlines, taken from domain/names.py, domain/places.py and
domain/geo.py as they are, so the page's script only applies them: it
decides nothing the Python side does not.

The national locality list (4 MB; 206 KB gzipped as a compact index) is too
big for a page: the index holds the region's towns, gminas and localities,
and every county, town and gmina of Poland (for "outside the region:
województwo …"); a village outside the region is not found.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from owes_cli.answers import CountyAnswer, CoverageStatus, PeriodStatus
from owes_cli.domain import names
from owes_cli.layout import (
    Block,
    Fields,
    Inline,
    Paragraph,
    county_name,
    how_sure,
    listings,
    sections,
    short_answer,
    short_notes,
    text,
)
from owes_cli.messages import MESSAGES, kind_label, t
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.answers import NoteInfo
    from owes_cli.answers.detail import DirectoryAnswer
    from owes_cli.domain import Register
    from owes_cli.domain.model import Dataset
    from owes_cli.domain.places import Gazetteer, Place
    from owes_cli.layout.coverage_map import CoverageMap


def page_answer(answer: CountyAnswer, lang: str, memo: dict[object, list[Block]] | None = None) -> list[Block]:
    """The command line's short answer without its heading, then its sources.

    The page's own heading leads with the centre and says the reader's day
    (`heading_lead`); the rows below it are the same on every day of a step,
    which `WebPage.steps` relies on. `memo` keeps the sources' blocks for the next
    answer: every county a centre serves lists its sources, in every step."""
    sources: list[Block] = []
    if answer.sources:
        found = memo.get(answer.sources) if memo is not None else None
        if found is None:
            found = sections.source_section(answer.sources, lang)
            if memo is not None:
                memo[answer.sources] = found
        sources = found
    return short_answer(answer, lang, today="")[1:] + sources


def county_rows(
    answer: CountyAnswer, lang: str, first: tuple[str, Inline] | None = None
) -> dict[int, tuple[str, Inline]]:
    """The rows of the short answer that name the county, by their place among the first block's
    rows: the first ("County: żarski (0811, land county)", for a county asked by its code; given
    as `first` when known), and "how sure" where it says which county the candidates may serve or
    that none serves it (`how_sure`; on a day a period runs it follows the first row,
    with no status row)."""
    rows = {0: first or (t(lang, "county"), text(county_name(answer.county, lang)))}
    if answer.centre is None and answer.period_status is PeriodStatus.CURRENT:
        rows[1] = (t(lang, "short_how_sure"), text(how_sure(answer, lang)))
    return rows


def _county_rows_found(answer: CountyAnswer, blocks: tuple[Block, ...], lang: str) -> bool:
    """Whether `county_rows` are where it says in these blocks, so that another county's answer
    alike but for the county is these blocks with its own such rows."""
    first = blocks[0] if blocks else None
    if not isinstance(first, Fields):
        return False
    return all(n < len(first.rows) and first.rows[n] == row for n, row in county_rows(answer, lang).items())


def _with_county_rows(blocks: tuple[Block, ...], rows: dict[int, tuple[str, Inline]]) -> tuple[Block, ...]:
    fields = blocks[0]
    assert isinstance(fields, Fields)  # as _county_rows_found found it
    return (Fields(tuple(rows.get(n, row) for n, row in enumerate(fields.rows))), *blocks[1:])


def day_chosen(day: str, lang: str) -> str:
    """The day "2026-01-31" as the page's language writes it beside the date field: "wybrany
    dzień: 31.01.2026", "day chosen: 2026-01-31" (the script says it alike for the reader's day)."""
    y, m, d = day.split("-")
    return t(lang, "web_day_chosen", day=t(lang, "web_day_format", y=y, m=m, d=d))


def heading_lead(answer: CountyAnswer, lang: str) -> str:
    """What the heading leads with, as the short answer does: the centre, the candidates, or none."""
    if answer.period_status in (PeriodStatus.BETWEEN, PeriodStatus.BEFORE_FIRST):
        return t(lang, "web_lead_none")
    if answer.centre is not None:
        return answer.centre.name
    if answer.centres:
        return t(lang, "web_lead_candidates", names=listings.alternatives([c.name for c in answer.centres], lang))
    return t(lang, "web_lead_none")


class CountyEntry(Record):
    """One of a county's answers on the page: what a test compares with the command line, and its blocks."""

    teryt: str
    name: str
    subject: str  # "powiat żarski", what the heading names after the centre
    centre: str | None  # the confirmed centre's id
    centres: tuple[str, ...]  # the candidates' ids, when none is confirmed
    coverage: CoverageStatus
    lead: str
    blocks: tuple[Block, ...]


class WebPage(Record):
    lang: str
    title: str
    subtitle: str
    day: str
    generated: datetime
    intro: tuple[Block, ...]
    answers: tuple[CountyEntry, ...]  # each county's distinct answers, over every step
    steps: tuple[str, ...]  # the first day of each step ("" for the open one before the first)
    by_county: dict[str, tuple[int, ...]]  # county -> its answer (an index of `answers`) in each step
    # county -> in each step, a number counties share when their places give one answer then
    # (Directory._same_on): a name whose places all lie in such counties is answered, not listed.
    alike: dict[str, tuple[int, ...]]
    drawing: CoverageMap
    by_centre: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (centre or coverage, ((teryt, name), …))
    directory: tuple[Block, ...]
    search: dict[str, Any]  # the index and rules the page's script applies (JSON)
    texts: dict[str, str]  # the script's messages in the page's language

    def on_day(self, teryt: str) -> CountyEntry:
        """The county's answer for the page's own day (what a reader without JavaScript sees)."""
        step = max(i for i, first in enumerate(self.steps) if first <= self.day)
        return self.answers[self.by_county[teryt][step]]


def web_page(
    dataset: Dataset,
    register: Register,
    gazetteer: Gazetteer,
    drawing: CoverageMap,
    found: list[CountyAnswer],
    shape_of: list[int],
    steps: list[str],
    by_county: dict[str, list[int]],
    alike: dict[str, tuple[int, ...]],
    whole: DirectoryAnswer,
    namesakes: list[tuple[Place, tuple[NoteInfo, ...]]],
    day: date,
    generated: datetime,
    lang: str,
) -> WebPage:
    """The page from answers `Directory.web_page` worked out: the counties' distinct answers
    (`found`), for each the index in `found` of the first one alike but for its county
    (`shape_of`), the first day of each step ("" for the days before the first), by county the
    index in `found` of its answer in each step, and the whole directory for the page's day.
    Nothing here decides an answer."""
    entries: list[CountyEntry] = []
    seen: dict[CountyEntry, int] = {}
    shown: list[int] = []  # `found`'s answer -> its entry (two answers may read alike)
    memo: dict[object, list[Block]] = {}
    laid_out: dict[int, tuple[Block, ...] | None] = {}  # the first of answers alike but for the county
    leads: dict[int, str] = {}  # the heading's lead names no county: one per shape
    counties: dict[str, tuple[str, tuple[str, Inline]]] = {}  # county -> its subject and first row
    for answer, shape in zip(found, shape_of, strict=True):
        county = answer.county
        own = counties.get(county.teryt)
        if own is None:
            own = counties[county.teryt] = (t(lang, "web_subject", name=county.name), county_rows(answer, lang)[0])
        blocks = laid_out.get(shape)
        if blocks is not None:
            blocks = _with_county_rows(blocks, county_rows(answer, lang, own[1]))
        else:
            blocks = tuple(page_answer(answer, lang, memo))
            if shape not in laid_out:
                laid_out[shape] = blocks if _county_rows_found(answer, blocks, lang) else None
        lead = leads.get(shape)
        if lead is None:
            lead = leads[shape] = heading_lead(answer, lang)
        entry = CountyEntry(
            county.teryt,
            county.name,
            own[0],
            answer.centre.id if answer.centre else None,
            tuple(c.id for c in answer.centres),
            answer.coverage,
            lead,
            blocks,
        )
        if entry not in seen:
            seen[entry] = len(entries)
            entries.append(entry)
        shown.append(seen[entry])
    listing: list[Block] = [*sections.period_section(whole.period, lang)]
    for centre in whole.centres:
        listing += [*sections.centre_section(centre, lang), *sections.source_section(centre.sources, lang)]
    groups: dict[str, list[tuple[str, str]]] = {}
    for row in whole.counties:
        # Headed as `owes counties` heads its groups: the centre, "One of: A or B", or why there is none.
        groups.setdefault(listings.answer_heading(row, lang), []).append((row.teryt, row.name))
    # The day is said once, in the answer's heading: the page answers for the reader's day, not this one.
    intro: tuple[Block, ...] = (Paragraph(text(t(lang, "web_intro"))),)
    return WebPage(
        lang=lang,
        # An English page's title in English where the dataset gives it (as the documents do).
        title=(dataset.title_en if lang == "en" else None) or dataset.title,
        subtitle=t(lang, "web_subtitle", region=dataset.region_name),
        day=day.isoformat(),
        generated=generated,
        intro=intro,
        answers=tuple(entries),
        steps=tuple(steps),
        by_county={teryt: tuple(shown[n] for n in each) for teryt, each in sorted(by_county.items())},
        alike=alike,
        drawing=drawing,
        by_centre=tuple((label, tuple(counties)) for label, counties in groups.items()),
        directory=tuple(listing),
        search=search_index(dataset, register, gazetteer, lang) | {"notes": place_notes(namesakes, lang)},
        # Templates, not messages: the script fills in {query}, {region} and the like.
        texts={key: MESSAGES[key][0 if lang == "pl" else 1] for key in SCRIPT_TEXTS},
    )


def place_notes(found: list[tuple[Place, tuple[NoteInfo, ...]]], lang: str) -> dict[str, list[str]]:
    """The notes of the command line's short answer for a place ("Żary is also the name of the
    rural gmina 0811102"), as its rows marked "!" say them (`short_notes`), by the
    place: "TERYT/SIMC". The note of a name whose readings give one answer is the script's
    to add: it holds on some days and not on others."""
    notes: dict[str, list[str]] = {}
    for place, place_notes_ in found:
        said = ["".join(run.text for run in value) for _, value in short_notes(place_notes_, lang)]
        # The count of namesakes outside the region points the terminal to --full; the page says it plainly.
        outside = sum(int(n.params.get("count", 1)) if n.id == "place_more_outside" else 1 for n in place_notes_)
        terminal = {t(lang, "short_outside_namesakes", count=count): count for count in range(1, outside + 1)}
        said = [t(lang, "web_outside_namesakes", count=terminal[line]) if line in terminal else line for line in said]
        if said:
            notes[f"{place.teryt}/{place.simc or ''}"] = said
    return dict(sorted(notes.items()))


# The messages the page's script shows; each takes {query} and the like as the catalogue's do.
SCRIPT_TEXTS = (
    "web_answer_for",
    "web_ambiguous",
    "web_outside",
    "web_not_found",
    "web_suggestions",
    "web_empty",
    "web_postal_code",
    "web_heading",
    "web_heading_past",
    "web_query_cut",
    "web_bad_address",
    "web_point",
    "web_point_outside",
    "web_point_swapped",
    "web_point_range",
    "web_position_failed",
    "web_in_region",
    "web_day_chosen",
    "place",
    "county",
    "web_day_format",
    "readings_same_answer",
    "reading_named_unit",
    "reading_named_locality",
)


def search_index(dataset: Dataset, register: Register, gazetteer: Gazetteer, lang: str) -> dict[str, Any]:
    """What the page's search applies: the rules of domain/names.py and the names it matches.

    Counties: [teryt, name, kind, in the region (1/0)]. Places: [name, kind,
    teryt, simc, rank, own label or empty, is a locality (1/0)], where rank is the order in which places.py
    prefers one of several in a county and label the kind in words.
    """
    from owes_cli.domain import geo, places

    labels: dict[tuple[str, str, str], str] = {}  # 4,000 places, a few dozen labels: each worded once

    def own_label(kind: str, parent: places.Place | None) -> str:
        key = (kind, parent.name, parent.teryt) if parent is not None else (kind, "", "")
        if key not in labels:
            view: dict[str, Any] = {"kind": kind}
            if parent is not None:
                view |= {"part_of": parent.name, "part_of_teryt": parent.teryt}
            label = kind_label(view, lang)
            # Only a part of a place needs its own words ("part of the village of …"); the rest share "kind_labels".
            labels[key] = label if label != t(lang, "kind_" + kind) else ""
        return labels[key]

    def place_row(p: places.Place) -> list[Any]:
        own = own_label(p.kind.value, gazetteer.parent(p))
        return [p.name, p.kind.value, p.teryt, p.simc or "", places.preference(p), own, int(p.is_locality)]

    region = set(dataset.counties)
    universe = sorted(gazetteer.universe, key=lambda p: (p.teryt, p.simc or ""))
    every = {code: (c.name, c.kind.value) for code, c in register.counties.items()}
    every |= {code: (c.name, c.kind.value) for code, c in dataset.counties.items()}
    counties = [[code, name, kind, 1 if code in region else 0] for code, (name, kind) in sorted(every.items())]
    cities = {code: sorted(names.city_adjective_bases(name)) for code, (name, kind) in every.items() if kind == "city"}
    return {
        # `which-centre --at`: the forms of "LAT,LON" it reads, and the region's gmina outlines it
        # finds a point in (geo.UNIT degrees, about 10 m, delta-encoded as shipped in data/gminy.json).
        "coordinates": [geo.COORDINATE_FORMS[0].pattern, geo.COORDINATE_FORMS[1].pattern],
        "unit": geo.UNIT,
        "outlines": {
            code: encoded
            for code, (_, _, encoded) in sorted(geo.raw_layer("gminy")["areas"].items())
            if code[:4] in region
        },
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
