"""How an answer is laid out, once, for every output: a county's answer, a centre, a place.

Each function turns a typed answer into neutral blocks (layout/blocks.py).
The terminal (plain text and Rich) draws them as they are; a document
(layout/report.py) puts its front matter and the map around the same
blocks. No renderer decides what an answer contains, and no text here knows
whether it will be printed or exported.

A shorter variant of an answer is one more function here, built from the
same parts: `county_header` alone (the county, the day's status, its
centre or what the sources say of its coverage) is the short answer;
`county_card` adds `county_details`. `status_line` is the one wording of
"current on …", "this period ended on …" for every output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from owes_cli.answers import (
    PROJECT_LEAD,
    CentreInfo,
    CountyAnswer,
    CountyRef,
    CoverageStatus,
    Document,
    DuringAnswer,
    Event,
    Locality,
    NoteInfo,
    PeriodInfo,
    PeriodStatus,
    PlaceInfo,
    Point,
    Source,
    Unit,
    Website,
    run_by,
    run_by_line,
    to_json,
    website,
)
from owes_cli.layout.blocks import Block, Bullets, Fields, Heading, Inline, Paragraph, Run, bullets, text
from owes_cli.messages import kind_label, known, note_text, t
from owes_cli.record import Record

if TYPE_CHECKING:
    from collections.abc import Sequence

    from owes_cli.answers.detail import PlaceDetail
    from owes_cli.answers.tables import SourceRow

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


def coverage_label(coverage: CoverageStatus, lang: str) -> str:
    """A coverage in one or two words, as a table cell shows it."""
    return t(
        lang,
        {"confirmed": "coverage_confirmed", "unknown": "coverage_label_unknown", "none": "coverage_label_none"}[
            coverage
        ],
    )


def county_name(county: CountyRef | Unit | Locality | PlaceInfo, lang: str) -> str:
    """ "żarski (0811, land county)"; a locality by its own id, "Mirostowice Dolne (SIMC 0912345, village)" """
    simc = getattr(county, "simc", None)
    if simc and county.kind not in _UNIT_KINDS:
        return f"{county.name} (SIMC {simc}, {kind_label(to_json(county), lang)})"
    return f"{county.name} ({county.teryt}, {t(lang, 'kind_' + county.kind)})"


_UNIT_KINDS = {"urban", "rural", "urban-rural", "town"}  # named by their TERYT code


def source_line(source: Source, lang: str, number: int) -> Inline:
    """ "1. title, publisher, date — url", the title in bold and the url a link: sources are
    numbered in print, never shown by their internal ids."""
    details = [source.publisher] if source.publisher else []
    details.append(source.date or t(lang, "undated"))
    runs: Inline = (Run(f"{number}. "), Run(source.title, bold=True), Run(", " + ", ".join(details)))
    if source.url:
        runs += (Run(" — "), Run(source.url, source.url))
    return runs


def source_section(
    sources: tuple[Source, ...], lang: str, numbers: dict[str, int] | None = None, *, level: int = 2
) -> list[Block]:
    """The sources, numbered: 1, 2, … in their order, or by `numbers` (a source's id to its number),
    the one numbering of a document whose parts cite them (`cited_sources`)."""
    numbered = numbers or {s.id: number for number, s in enumerate(sources, start=1)}
    items = tuple((0, source_line(s, lang, numbered[s.id])) for s in sources)
    return [Heading(t(lang, "sources"), level), Bullets(items, numbered=True)]


def source_numbers(*groups: tuple[Source, ...]) -> dict[str, int]:
    """One numbering for a document: each source by its first citation, a source cited twice keeping its number."""
    numbers: dict[str, int] = {}
    for group in groups:
        for source in group:
            numbers.setdefault(source.id, len(numbers) + 1)
    return numbers


def cited_sources(sources: tuple[Source, ...], numbers: dict[str, int], lang: str) -> list[Block]:
    """ "Sources: 1, 2, 4–7": a part of a document citing its sources by the document's numbers."""
    cited = sorted({numbers[s.id] for s in sources if s.id in numbers})
    if not cited:
        return []
    spans: list[list[int]] = []
    for number in cited:
        if spans and number == spans[-1][-1] + 1:
            spans[-1].append(number)
        else:
            spans.append([number])
    # A run of three or more as a range; two as two numbers.
    parts = [f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in spans]
    return [Paragraph(text(t(lang, "sources_cited", numbers=", ".join(parts))))]


def missing_fields(centre: CentreInfo, lang: str) -> str:
    """ "Not in our sources: address, phone, e-mail, website", or "" when the sources give them all."""
    absent = absent_fields(centre, lang)
    return t(lang, "missing_fields", fields=", ".join(absent)) if absent else ""


def absent_fields(centre: CentreInfo, lang: str) -> list[str]:
    """The ways to reach a centre that no source gives: address, phone, e-mail, website."""
    return [t(lang, key) for key in _absent(centre)]


def _absent(centre: CentreInfo) -> tuple[str, ...]:
    return tuple(
        key
        for key, given in (
            ("field_address", centre.addresses),
            ("field_phone", centre.phones),
            ("field_email", centre.emails),
            ("field_website", website(centre)),
        )
        if not given
    )


def _or_missing(value: str | None, lang: str, url: str | None = None) -> Inline:
    return text(value, url) if value else text(t(lang, "not_in_sources"))


def address_lines(centre: CentreInfo, lang: str) -> str:
    """Every address on a line of its own, with what it is where the source says so."""
    lines = []
    for a in centre.addresses:
        line = f"{a.street}, {a.city}"
        if a.label:
            line = f"{a.label}: {line}"
        if a.as_of:
            line += f" ({t(lang, 'as_of')} {a.as_of})"
        lines.append(line)
    return "\n".join(lines) or t(lang, "not_in_sources")


def _event(event: Event, lang: str) -> str:
    when = event.date or f"{t(lang, 'reported')} {event.reported}"
    line = f"{when}: {event.description}"
    return line[:1].upper() + line[1:]


def _document(document: Document) -> Inline:
    return (Run(document.title, document.url),) + ((Run(f" — {document.note}"),) if document.note else ())


def _own_dates(centre: CentreInfo) -> PeriodInfo | None:
    """The centre's own dates, where a source gives them apart from its period's."""
    period = centre.period
    return period if (period.from_, period.to) != (centre.period_from, centre.period_to) else None


def _separate_lead(centre: CentreInfo) -> str | None:
    """The period's project lead, where `run_by` does not already name it beside the centre."""
    lead = centre.period.lead
    return lead.name if lead and not any(op.role == PROJECT_LEAD for op in run_by(centre)) else None


class CentreField(Record):
    """One row of a centre's fields: its label, what it shows (nothing, None or empty, leaves the
    row out) and how it reads."""

    label: str  # a message id
    value: Callable[[CentreInfo], object]
    show: Callable[[Any, str], Inline]
    in_brief: bool = True  # also in the brief card of a period's centres


def _plain(value: object, lang: str) -> Inline:
    return text(str(value))


def website_text(found: Website, lang: str) -> Inline:
    """A website as a link; a period's, shown for a centre with none of its own, said to be the period's."""
    link = Run(found.url, found.url)
    return (link, Run(f" ({t(lang, 'website_of_period')})")) if found.of_period else (link,)


def _period_dates(centre: CentreInfo, lang: str) -> Inline:
    dates = f"{centre.period_from} – {centre.period_to or t(lang, 'not_in_sources')}"
    if centre.period_derived:  # a comma, as the period's name follows in brackets
        dates += f", {centre.period_derived}"
    return text(f"{dates} ({centre.period.name})")


def _programme(period: PeriodInfo, lang: str) -> Inline:
    return text(period.programme + (f", {period.measure}" if period.measure else ""))


def _labels(keys: tuple[str, ...], lang: str) -> Inline:
    return text(", ".join(t(lang, key) for key in keys))


# A centre's fields, in the order every output shows them: the terminal, the documents, the web page.
CENTRE_FIELDS: tuple[CentreField, ...] = (
    CentreField("subregion", lambda c: c.subregion, _plain),
    CentreField("seat", lambda c: c.seat, _plain),
    CentreField("operators", lambda c: c, lambda c, lang: _or_missing(run_by_line(c, lang), lang)),
    CentreField("lead", _separate_lead, _plain),
    CentreField("centre_own_dates", _own_dates, lambda p, lang: text(span(p, lang))),
    CentreField("period", lambda c: c, _period_dates),
    CentreField("programme", lambda c: c.period, _programme),
    CentreField("address", lambda c: c if c.addresses else None, lambda c, lang: text(address_lines(c, lang))),
    CentreField("contact", lambda c: c.phones + c.emails, lambda ways, lang: text(", ".join(ways))),
    CentreField("website", website, website_text),
    CentreField("not_in_sources_label", lambda c: _absent(c), _labels),
    CentreField("aim", lambda c: c.period.aim, _plain, in_brief=False),
)


def centre_fields(centre: CentreInfo, lang: str, *, brief: bool = False) -> Rows:
    """A centre's rows, as CENTRE_FIELDS lists them; a field with nothing to show is left out."""
    return [
        (t(lang, field.label), field.show(value, lang))
        for field in CENTRE_FIELDS
        if (field.in_brief or not brief) and (value := field.value(centre))
    ]


def _counties_part(centre: CentreInfo, lang: str) -> list[Block]:
    if centre.coverage is not CoverageStatus.CONFIRMED:
        return [Heading(t(lang, "counties"), 2), Paragraph(text(t(lang, "doc_centre_counties_unknown")))]
    names = [county_name(c, lang) for c in centre.counties]
    return [Heading(f"{t(lang, 'counties')} ({len(names)})", 2), bullets(names)]


def _audiences_part(centre: CentreInfo, lang: str) -> list[Block]:
    if not centre.audiences:
        return [Heading(t(lang, "audiences"), 2), bullets([t(lang, "not_in_sources")])]
    return [
        Heading(t(lang, "audiences"), 2),
        Bullets(tuple((1 if a.part_of else 0, text(a.name)) for a in centre.audiences)),
    ]


def _listed(heading: str, items: Callable[[CentreInfo, str], list[Inline]]) -> Callable[[CentreInfo, str], list[Block]]:
    """A part that is a heading and a list, left out when the list is empty."""

    def part(centre: CentreInfo, lang: str) -> list[Block]:
        found = items(centre, lang)
        return [Heading(t(lang, heading), 2), Bullets(tuple((0, item) for item in found))] if found else []

    return part


def _services(centre: CentreInfo, lang: str) -> list[Inline]:
    return [text(s.name) for s in centre.services] or [text(t(lang, "not_in_sources"))]


class CentrePart(Record):
    """One part of a centre's card under its own heading; `brief` is what the brief card shows instead."""

    full: Callable[[CentreInfo, str], list[Block]]
    brief: Callable[[CentreInfo, str], list[Block]] | None = None  # None: not in the brief card


# The parts under a centre's fields, in order; the brief card keeps what tells a period's centres apart.
CENTRE_PARTS: tuple[CentrePart, ...] = (
    CentrePart(_counties_part),
    CentrePart(
        _listed("facts", lambda c, lang: [text(f) for f in c.facts + c.period.facts]),
        _listed("facts", lambda c, lang: [text(f) for f in c.facts]),
    ),
    CentrePart(
        _listed("services", _services),
        _listed("services", lambda c, lang: _services(c, lang) if c.services else []),
    ),
    CentrePart(_audiences_part),
    CentrePart(_listed("events", lambda c, lang: [text(_event(e, lang)) for e in c.events])),
    CentrePart(_listed("documents", lambda c, lang: [_document(d) for d in c.documents])),
)


def centre_section(centre: CentreInfo, lang: str, *, brief: bool = False, prefix: str = "") -> list[Block]:
    """A centre: who runs it, when, where, what it offers and to whom.

    `brief` keeps what tells centres of one period apart (who, when, where,
    its own facts and services), for answers that list a period's centres.
    The programme period is a row with its own dates; the centre's own
    dates, where a source gives them apart, a row of their own. Ways to reach the centre that
    no source gives share one row, "Not in our sources: address, phone".
    The rows are CENTRE_FIELDS, the parts under them CENTRE_PARTS.
    """
    blocks: list[Block] = [Heading(prefix + centre.name, 1), Fields(tuple(centre_fields(centre, lang, brief=brief)))]
    for part in CENTRE_PARTS:
        shown = part.brief if brief else part.full
        blocks += shown(centre, lang) if shown else []
    return blocks


def centre_card(centre: CentreInfo, lang: str) -> list[Block]:
    """`owes centre ID`: the centre in full, with its sources."""
    return centre_section(centre, lang) + source_section(centre.sources, lang)


def county_header(answer: CountyAnswer, lang: str, *, today: str) -> list[Block]:
    """The county, whether the answer is of today (`today`, as `day_label` takes it),
    and what the sources say of its coverage."""
    county = answer.county
    rows: Rows = [
        (
            t(lang, "status"),
            text(answer_status(answer, lang)),
        )
    ]
    if answer.centre is not None:
        rows.append((t(lang, "centre"), text(answer.centre.name, bold=True)))
    else:
        rows.append((t(lang, "coverage"), text(no_centre_text(answer, lang))))
        rows += [(t(lang, "open_to"), text(line)) for line in open_to_region(answer, lang)]
    rows += [("!", text(note_text(to_json(note), lang))) for note in answer.notes]
    blocks: list[Block] = []
    if answer.place is not None:
        blocks += place_section(answer.place, lang, answer.query.at)
    heading = f"{t(lang, 'county')} {county_name(county, lang)}{past_suffix(answer.query.on, lang, today)}"
    return blocks + [Heading(heading, 1), Fields(tuple(rows))]


def no_centre_ran(answer: CountyAnswer) -> bool:
    """Whether no known centre ran on the day asked: between two periods or after the last one ended.
    (Before the first period no centre is known at all.)"""
    return answer.period_status in (PeriodStatus.BETWEEN, PeriodStatus.HISTORICAL)


def no_centre_text(answer: CountyAnswer, lang: str) -> str:
    """Why a county's answer names no centre, in one sentence: the one wording for every output."""
    if answer.period_status is PeriodStatus.BEFORE_FIRST:
        return t(lang, "short_no_centre_known")
    if no_centre_ran(answer):
        return t(lang, "short_none_ran")
    message = "coverage_none" if answer.coverage is CoverageStatus.NONE else "coverage_unknown"
    return t(lang, message, county=answer.county.name)


def county_card(answer: CountyAnswer, lang: str, *, today: str) -> list[Block]:
    """`owes which-centre --full`: the county's centre, or the period's centres and the last confirmed one."""
    return county_header(answer, lang, today=today) + county_details(answer, lang, today=today)


def county_details(answer: CountyAnswer, lang: str, *, today: str) -> list[Block]:
    """What follows the county's header: its centre in full, or the period's centres
    in brief and the last centre a source confirms; then the sources."""
    blocks: list[Block] = []
    if answer.centre is not None:
        blocks += centre_section(answer.centre, lang)
    else:
        label = (
            t(lang, "on_day", on=answer.query.on) if answer.period_status is PeriodStatus.CURRENT else t(lang, "period")
        )
        if answer.period_status is PeriodStatus.CURRENT and answer.query.on == today:
            label = t(lang, "today")
        for centre in answer.centres:
            blocks += centre_section(centre, lang, brief=True, prefix=f"{label}: ")
        if answer.period.facts:
            blocks += [Heading(answer.period.name, 2), bullets(list(answer.period.facts))]
        last = answer.last_confirmed
        if last is not None:
            prefix = f"{t(lang, 'last_confirmed')} ({span(last.period, lang)}): "
            blocks += centre_section(last.centre, lang, prefix=prefix)
        else:
            blocks += [Heading(t(lang, "last_confirmed"), 2), bullets([t(lang, "no_confirmed")])]
    return blocks + source_section(answer.sources, lang)


def place_section(place: PlaceInfo, lang: str, at: Point | None = None) -> list[Block]:
    """The place asked about: its gmina, its town and its county."""
    rows: Rows = []
    if at is not None:
        rows.append((t(lang, "at"), text(f"{at.lat}, {at.lon}")))
    if place.part_of is not None:
        rows.append((t(lang, "part_of"), text(county_name(place.part_of, lang))))
    rows.append((t(lang, "gmina"), text(county_name(place.gmina, lang))))
    if place.town or not place.simc or place.kind in _UNIT_KINDS:  # a village has no town
        rows.append((t(lang, "town"), text(county_name(place.town, lang) if place.town else t(lang, "no_town"))))
    rows += [
        (t(lang, "county"), text(county_name(place.county, lang))),
        (t(lang, "voivodeship"), text(place.voivodeship)),
    ]
    return [Heading(f"{t(lang, 'place')} {county_name(place, lang)}", 1), Fields(tuple(rows))]


def place_card(detail: PlaceDetail, lang: str) -> list[Block]:
    """`owes place NAME`: the place, its centre in every period, the other places of its county."""
    heading, fields = place_section(detail.place, lang)
    assert isinstance(fields, Fields)
    rows = list(fields.rows)
    if detail.label_point is not None:
        rows.append((t(lang, "interior_point"), text(f"{detail.label_point.lat}, {detail.label_point.lon}")))
    rows += [("!", text(note_text(to_json(note), lang))) for note in detail.notes]
    by_period = []
    for entry in detail.centres:
        if entry.centre is not None:
            who = f"{entry.centre.name} ({entry.centre.id})"
        else:
            who = t(lang, "map_none" if entry.coverage is CoverageStatus.NONE else "not_in_sources")
        by_period.append(f"{span(entry.period, lang)} ({entry.period.name}): {who}")
    places = [county_name(p, lang) for p in detail.county_places]
    county = detail.place.county
    register, boundaries = detail.register, detail.boundaries
    return [
        heading,
        Fields(tuple(rows)),
        Heading(t(lang, "centre_by_period"), 2),
        bullets(by_period),
        Heading(f"{t(lang, 'places')}: {t(lang, 'county').lower()} {county.name} ({len(places)})", 2),
        bullets(places),
        Heading(t(lang, "sources"), 2),
        bullets(
            [
                f"{t(lang, 'register')}: {register.title}, {register.publisher}, {register.as_of}",
                f"{t(lang, 'boundaries')}: {boundaries.origin} ({boundaries.as_of})",
            ]
        ),
    ]


def period_section(period: PeriodInfo, lang: str) -> list[Block]:
    """A period of the programme: its dates, programme, lead and aim (the directory's opening)."""
    rows: Rows = [
        (t(lang, "period"), text(span(period, lang))),
        (t(lang, "programme"), text(period.programme)),
        (t(lang, "measure"), _or_missing(period.measure, lang)),
        (t(lang, "lead"), _or_missing(period.lead.name if period.lead else None, lang)),
        (t(lang, "website"), _or_missing(period.website, lang, period.website)),
        (t(lang, "aim"), _or_missing(period.aim, lang)),
    ]
    blocks: list[Block] = [Heading(period.name, 1), Fields(tuple(rows))]
    if period.facts:
        blocks += [Heading(t(lang, "facts"), 2), bullets(list(period.facts))]
    return blocks


# --------------------------------------------------------------------------
# The short answer: one screen (issue 10)
# --------------------------------------------------------------------------

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


def past_suffix(on: str, lang: str, today: str) -> str:
    """ ", for 2014-06-01 (historical)" for a heading of an answer for a past day; "" otherwise."""
    # A comma, not a middle dot: a terminal limited to ASCII prints it as it is.
    return f", {t(lang, 'for_day_past', on=on)}" if is_past(on, today) else ""


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


def _who_runs(centre: CentreInfo, lang: str) -> Inline:
    """Every operator with its role, as every output lists them (answers.run_by)."""
    return _or_missing(run_by_line(centre, lang), lang)


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
        rows.append((t(lang, "operators"), _who_runs(centre, lang)))
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


def during_answer(answer: DuringAnswer, lang: str, *, today: str) -> list[Block]:
    """`which-centre --on 2014` or `--on 2014-06`: every centre that ran then, with its dates."""
    rows: Rows = []
    where = county_name(answer.county, lang)
    if answer.place is not None:
        where = f"{answer.place.name} ({kind_label(to_json(answer.place), lang)}), {t(lang, 'county').lower()} {where}"
    rows.append((t(lang, "place" if answer.place is not None else "county"), text(where)))
    if not answer.centres:
        rows.append((t(lang, "short_how_sure"), text(t(lang, "during_none"))))
    for served in answer.centres:
        centre = served.centre
        rows.append((t(lang, "centre"), text(centre.name, bold=True)))
        rows.append((t(lang, "during_dates"), text(span(centre.period, lang))))
        if served.coverage is CoverageStatus.CONFIRMED:
            sure = how_sure_of(centre, lang)
        else:
            sure = t(lang, "short_unknown_one", county=answer.county.name)
        rows.append((t(lang, "short_how_sure"), text(sure)))
        rows.append((t(lang, "operators"), _who_runs(centre, lang)))
    subject = answer.place.name if answer.place is not None else answer.county.name
    # A month or year wholly before today is said to be historical, as a past day is.
    asked = answer.asked + (f" ({t(lang, 'historical_word')})" if is_past(answer.to, today) else "")
    title = t(lang, "during_title", asked=asked, subject=subject)
    return [Heading(title, 1), Fields(tuple(rows))]


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


def sources_list(rows: Sequence[SourceRow], lang: str, *, quotes: bool = False) -> list[Block]:
    """`owes sources` for people: each source with its web address whole, on a line of its own
    (a link where the terminal has them); with `quotes`, the passages the facts were taken from."""
    blocks: list[Block] = [Heading(t(lang, "sources"), 2)]  # no panel: a border would cut the addresses
    for row in rows:
        details = [row.publisher] if row.publisher else []
        details.append(row.date or t(lang, "undated"))
        blocks.append(Paragraph((Run(f"[{row.id}] "), Run(row.title, bold=True), Run(", " + ", ".join(details)))))
        if row.url:
            blocks.append(Paragraph((Run("  "), Run(row.url, row.url))))
        if quotes:
            said = [f"„{q}”" if lang == "pl" else f"“{q}”" for q in row.quote_texts]
            blocks.append(bullets(said or [t(lang, "no_quotes")]))
    return blocks
