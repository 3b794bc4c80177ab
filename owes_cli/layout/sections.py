"""How an answer is laid out, once, for every output: a county's answer, a centre, a place.

Each function turns a typed answer into neutral blocks (owes_cli.layout).
The terminal (plain text and Rich) draws them as they are; a document
(layout/report.py) puts its front matter and the map around the same
blocks. No renderer decides what an answer contains, and no text here knows
whether it will be printed or exported.

A variant of an answer is one more function here, built from the same
parts: `county_card` is `county_header` (the county, the day's status, its
centre or what the sources say of its coverage) and `county_details`. The
short answer `which-centre` prints by default, and the wordings every card
shares (`status_line`, the one wording of "current on …", "this period
ended on …" for every output), are the layout package's own (owes_cli.layout),
which a lookup loads without this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from owes_cli.answers import (
    PROJECT_LEAD,
    CentreInfo,
    CountyAnswer,
    CoverageStatus,
    Document,
    Event,
    PeriodInfo,
    PeriodStatus,
    Source,
    run_by,
    run_by_line,
    to_json,
    website,
)
from owes_cli.layout import (
    UNIT_KINDS,
    Block,
    Bullets,
    Fields,
    Heading,
    Inline,
    Paragraph,
    Rows,
    Run,
    answer_status,
    bullets,
    county_name,
    how_sure_of,
    is_past,
    no_centre_ran,
    open_to_region,
    or_missing,
    span,
    text,
    website_text,
    who_runs,
)
from owes_cli.messages import kind_label, note_text, t
from owes_cli.record import Record

if TYPE_CHECKING:
    from collections.abc import Sequence

    from owes_cli.answers.detail import DuringAnswer, PlaceDetail
    from owes_cli.answers.places import PlaceInfo, Point
    from owes_cli.answers.tables import SourceRow


def coverage_label(coverage: CoverageStatus, lang: str) -> str:
    """A coverage in one or two words, as a table cell shows it."""
    return t(
        lang,
        {"confirmed": "coverage_confirmed", "unknown": "coverage_label_unknown", "none": "coverage_label_none"}[
            coverage
        ],
    )


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
    CentreField("operators", lambda c: c, lambda c, lang: or_missing(run_by_line(c, lang), lang)),
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
    if place.town or not place.simc or place.kind in UNIT_KINDS:  # a village has no town
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
        (t(lang, "measure"), or_missing(period.measure, lang)),
        (t(lang, "lead"), or_missing(period.lead.name if period.lead else None, lang)),
        (t(lang, "website"), or_missing(period.website, lang, period.website)),
        (t(lang, "aim"), or_missing(period.aim, lang)),
    ]
    blocks: list[Block] = [Heading(period.name, 1), Fields(tuple(rows))]
    if period.facts:
        blocks += [Heading(t(lang, "facts"), 2), bullets(list(period.facts))]
    return blocks


# --------------------------------------------------------------------------
# The other answers of `which-centre` and `sources` (the short answer: owes_cli.layout)
# --------------------------------------------------------------------------


def past_suffix(on: str, lang: str, today: str) -> str:
    """ ", for 2014-06-01 (historical)" for a heading of an answer for a past day; "" otherwise."""
    # A comma, not a middle dot: a terminal limited to ASCII prints it as it is.
    return f", {t(lang, 'for_day_past', on=on)}" if is_past(on, today) else ""


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
        rows.append((t(lang, "operators"), who_runs(centre, lang)))
    subject = answer.place.name if answer.place is not None else answer.county.name
    # A month or year wholly before today is said to be historical, as a past day is.
    asked = answer.asked + (f" ({t(lang, 'historical_word')})" if is_past(answer.to, today) else "")
    title = t(lang, "during_title", asked=asked, subject=subject)
    return [Heading(title, 1), Fields(tuple(rows))]


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
