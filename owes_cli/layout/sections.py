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

from typing import TYPE_CHECKING

from owes_cli.answers import (
    CentreInfo,
    CountyAnswer,
    CountyRef,
    CoverageStatus,
    Document,
    Event,
    Locality,
    Operator,
    PeriodInfo,
    PeriodStatus,
    PlaceInfo,
    Point,
    Source,
    Unit,
    to_json,
)
from owes_cli.layout.blocks import Block, Bullets, Fields, Heading, Inline, Paragraph, Run, bullets, text
from owes_cli.messages import kind_label, note_text, t

if TYPE_CHECKING:
    from owes_cli.answers.detail import PlaceDetail

Rows = list[tuple[str, Inline]]


def span(period: PeriodInfo, lang: str) -> str:
    """A period's or centre's dates, "2013-03 – 2015-09"; an unknown end is said so."""
    return f"{period.from_} – {period.to or t(lang, 'not_in_sources')}"


def status_line(status: PeriodStatus, lang: str, *, on: str, start: str, ended: str | None) -> str:
    """Whether the answer is of a running period, a past one or one to come."""
    if status is PeriodStatus.CURRENT:
        return t(lang, "status_current", on=on)
    if status is PeriodStatus.UPCOMING:
        return t(lang, "status_upcoming", start=start)
    if ended:
        return t(lang, "status_historical", end=ended)
    return t(lang, "status_historical_open")


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


def operator_line(op: Operator, lang: str) -> str:
    unit = f", {op.unit}" if op.unit else ""
    return f"{op.name}{unit} ({t(lang, 'role_' + op.role)})"


def source_line(source: Source, lang: str, number: int) -> Inline:
    """ "1. title, publisher, date — url", the title in bold and the url a link: sources are
    numbered in print, never shown by their internal ids."""
    details = [source.publisher] if source.publisher else []
    details.append(source.date or t(lang, "undated"))
    runs: Inline = (Run(f"{number}. "), Run(source.title, bold=True), Run(", " + ", ".join(details)))
    if source.url:
        runs += (Run(" — "), Run(source.url, source.url))
    return runs


def source_section(sources: tuple[Source, ...], lang: str) -> list[Block]:
    items = tuple((0, source_line(s, lang, number)) for number, s in enumerate(sources, start=1))
    return [Heading(t(lang, "sources"), 2), Bullets(items)]


def missing_fields(centre: CentreInfo, lang: str) -> str:
    """ "Not in our sources: address, phone, e-mail, website", or "" when the sources give them all."""
    absent = absent_fields(centre, lang)
    return t(lang, "missing_fields", fields=", ".join(absent)) if absent else ""


def absent_fields(centre: CentreInfo, lang: str) -> list[str]:
    """The ways to reach a centre that no source gives: address, phone, e-mail, website."""
    return [
        t(lang, key)
        for key, given in (
            ("field_address", centre.addresses),
            ("field_phone", centre.phones),
            ("field_email", centre.emails),
            ("field_website", centre.website or centre.period.website),
        )
        if not given
    ]


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


def centre_section(
    centre: CentreInfo, lang: str, *, brief: bool = False, prefix: str = "", period_dates: PeriodInfo | None = None
) -> list[Block]:
    """A centre: who runs it, when, where, what it offers and to whom.

    `brief` keeps what tells centres of one period apart (who, when, where,
    its own facts and services), for answers that list a period's centres.
    The centre's own dates and its programme period are two rows, each
    labelled; `period_dates` (the period itself, where the caller has it)
    adds the period's own dates to its row. Ways to reach the centre that
    no source gives share one row, "Not in our sources: address, phone".
    """
    period = centre.period
    rows: Rows = []
    if centre.subregion:
        rows.append((t(lang, "subregion"), text(centre.subregion)))
    if centre.seat:
        rows.append((t(lang, "seat"), text(centre.seat)))
    rows.append(
        (t(lang, "operators"), _or_missing("; ".join(operator_line(op, lang) for op in centre.operators), lang))
    )
    if period.lead:
        rows.append((t(lang, "lead"), text(period.lead.name)))
    programme_period = period.name + (f" ({span(period_dates, lang)})" if period_dates is not None else "")
    rows += [
        (t(lang, "centre_dates"), text(span(period, lang))),
        (t(lang, "period"), text(programme_period)),
        (t(lang, "programme"), text(period.programme + (f", {period.measure}" if period.measure else ""))),
    ]
    if centre.addresses:
        rows.append((t(lang, "address"), text(address_lines(centre, lang))))
    if centre.phones or centre.emails:
        rows.append((t(lang, "contact"), text(", ".join(centre.phones + centre.emails))))
    website = centre.website or period.website
    if website:
        rows.append((t(lang, "website"), text(website, website)))
    absent = absent_fields(centre, lang)
    if absent:
        rows.append((t(lang, "not_in_sources_label"), text(", ".join(absent))))
    if period.aim and not brief:
        rows.append((t(lang, "aim"), text(period.aim)))
    blocks: list[Block] = [Heading(prefix + centre.name, 1), Fields(tuple(rows))]
    missing = t(lang, "not_in_sources")
    if not brief:
        if centre.coverage is CoverageStatus.CONFIRMED:
            names = [county_name(c, lang) for c in centre.counties]
            blocks += [Heading(f"{t(lang, 'counties')} ({len(names)})", 2), bullets(names)]
        else:
            blocks += [Heading(t(lang, "counties"), 2), Paragraph(text(t(lang, "doc_centre_counties_unknown")))]
    facts = centre.facts + (() if brief else period.facts)
    if facts:
        blocks += [Heading(t(lang, "facts"), 2), bullets(list(facts))]
    if centre.services or not brief:
        blocks += [Heading(t(lang, "services"), 2), bullets([s.name for s in centre.services] or [missing])]
    if not brief:
        blocks.append(Heading(t(lang, "audiences"), 2))
        if centre.audiences:
            blocks.append(Bullets(tuple((1 if a.part_of else 0, text(a.name)) for a in centre.audiences)))
        else:
            blocks.append(bullets([missing]))
        if centre.events:
            blocks += [Heading(t(lang, "events"), 2), bullets([_event(e, lang) for e in centre.events])]
        if centre.documents:
            blocks += [
                Heading(t(lang, "documents"), 2),
                Bullets(tuple((0, _document(d)) for d in centre.documents)),
            ]
    return blocks


def centre_card(centre: CentreInfo, lang: str) -> list[Block]:
    """`owes centre ID`: the centre in full, with its sources."""
    return centre_section(centre, lang) + source_section(centre.sources, lang)


def county_header(answer: CountyAnswer, lang: str) -> list[Block]:
    """The county, whether the answer is of today, and what the sources say of its coverage."""
    county = answer.county
    rows: Rows = [
        (
            t(lang, "status"),
            text(
                status_line(
                    answer.period_status,
                    lang,
                    on=answer.query.on,
                    start=answer.period.from_,
                    ended=answer.period_ended,
                )
            ),
        )
    ]
    if answer.centre is not None:
        rows.append((t(lang, "centre"), text(answer.centre.name, bold=True)))
    else:
        message = "coverage_none" if answer.coverage is CoverageStatus.NONE else "coverage_unknown"
        rows.append((t(lang, "coverage"), text(t(lang, message, county=county.name))))
    rows += [("!", text(note_text(to_json(note), lang))) for note in answer.notes]
    blocks: list[Block] = []
    if answer.place is not None:
        blocks += place_section(answer.place, lang, answer.query.at)
    return blocks + [Heading(f"{t(lang, 'county')} {county_name(county, lang)}", 1), Fields(tuple(rows))]


def county_card(answer: CountyAnswer, lang: str) -> list[Block]:
    """`owes which-centre`: the county's centre, or the period's centres and the last confirmed one."""
    return county_header(answer, lang) + county_details(answer, lang)


def county_details(answer: CountyAnswer, lang: str) -> list[Block]:
    """What follows the county's header: its centre in full, or the period's centres
    in brief and the last centre a source confirms; then the sources."""
    blocks: list[Block] = []
    if answer.centre is not None:
        blocks += centre_section(answer.centre, lang)
    else:
        label = t(lang, "today") if answer.period_status is PeriodStatus.CURRENT else t(lang, "period")
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
