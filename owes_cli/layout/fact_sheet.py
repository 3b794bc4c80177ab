"""The county fact sheet: one A4 page that answers "which OWES serves this county?".

`owes export --county X` hands this page to someone at a desk or a meeting:
the question as its heading, the answer in a box (the centre with how sure
the sources are, or "our sources do not say which of these two" with the
last confirmed one), how to reach each candidate, the map with the county
outlined, and a colophon (when it was made, from what, the register's date).
Other centres get two lines each, never a full card; the full answer is
`owes which-centre` or the directory document. No PDF or Word library is
imported here; the renderers keep it to one page (`Report.one_page`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from owes_cli.answers import (
    CentreInfo,
    CountyAnswer,
    CountyRef,
    CoverageStatus,
    PeriodStatus,
    Source,
    run_by_line,
    website,
)
from owes_cli.layout import (
    Block,
    Bullets,
    Heading,
    Inline,
    Paragraph,
    Run,
    answer_status,
    is_past,
    no_centre_ran,
    open_to_region,
    span,
    text,
    website_text,
)
from owes_cli.layout.report import Edition, Report, map_block, source_dates
from owes_cli.layout.sections import address_lines, missing_fields
from owes_cli.messages import kind_label, note_text, t

if TYPE_CHECKING:
    from owes_cli.layout.coverage_map import CoverageMap

NUMBER_WORDS = {"pl": {2: "dwóch", 3: "trzech", 4: "czterech"}, "en": {2: "two", 3: "three", 4: "four"}}


def where(county: CountyRef, lang: str, *, inside: bool = False) -> str:
    """ "powiat żarski", or with `inside` the place where: "w powiecie żarskim" (Polish locative).

    A land county's name is an adjective (żarski, strzelecko-drezdenecki),
    whose masculine locative adds -m (żarskim, strzelecko-drezdeneckim); a
    city keeps its name in the nominative after "miasto" ("w mieście Zielona Góra").
    """
    city = county.kind == "city"
    name = county.name
    if inside:
        if not city and lang == "pl" and name.endswith(("i", "y")):
            name += "m"
        return t(lang, "sheet_in_city_county" if city else "sheet_in_land_county", name=name)
    return t(lang, "sheet_city_county" if city else "sheet_land_county", name=name)


def county_sheet(answer: CountyAnswer, edition: Edition, drawing: CoverageMap | None = None) -> Report:
    lang = edition.lang
    county = answer.county
    numbers = {source.id: number for number, source in enumerate(answer.sources, start=1)}
    blocks: list[Block] = []
    if answer.period_status is not PeriodStatus.CURRENT:
        # Between two periods the notice names the next one, as the terminal does (not "no later data").
        line = answer_status(answer, lang)
        blocks.append(Paragraph(text(line[:1].upper() + line[1:]), tone="notice"))
    if answer.place is not None:
        blocks.append(
            Paragraph(
                text(
                    t(
                        lang,
                        "sheet_place",
                        place=answer.place.name,
                        where=where(county, lang, inside=True),
                        county=where(county, lang),
                    )
                )
            )
        )
    blocks += [Paragraph(text(note), tone="small") for note in _notes(answer, lang)]
    # Whom a candidate's project is open to belongs to the answer: in its box, under it.
    opened = tuple(Run(f"\n{line}") for line in open_to_region(answer, lang))
    # The past (the last confirmed centre) comes last, after all that is said of the day asked about.
    earlier = (
        () if answer.centre is not None or answer.coverage is CoverageStatus.NONE else _last_confirmed(answer, lang)
    )
    blocks.append(Paragraph(_answer(answer, numbers, lang) + opened + earlier, tone="answer"))
    candidates = [answer.centre] if answer.centre is not None else list(answer.centres)
    if candidates:
        blocks += [
            Heading(t(lang, "sheet_reach", count=len(candidates)), 2),
            Bullets(tuple((0, _reach(centre, lang)) for centre in candidates)),
        ]
    blocks += map_block(drawing, lang)
    blocks.append(Paragraph(_colophon(answer.sources, edition, drawing), tone="small"))
    question = t(lang, "sheet_question", where=where(county, lang))
    if answer.place is not None:  # the sheet asks about the place it was asked for; its county is the answer's
        question = t(lang, _PLACE_QUESTION.get(answer.place.kind, "sheet_question_locality"), name=answer.place.name)
    # A sheet for a day before the one it is made on says so in its heading, not only in a notice.
    past = is_past(answer.query.on, edition.today)
    subtitle = t(lang, "sheet_subtitle_past" if past else "sheet_subtitle", on=answer.query.on)
    running = question
    if answer.period_status is PeriodStatus.HISTORICAL:
        running += f" · {t(lang, 'doc_historical').lower()}"
    return Report(
        lang=lang,
        title=question,  # typeset keeps its names of two or three words whole
        subtitle=subtitle,
        subject=t(lang, "doc_subject"),
        keywords=t(lang, "doc_keywords"),
        running_head=running,
        generated=edition.generated,
        blocks=tuple(blocks),
        author=edition.dataset_title,
        one_page=True,
        about=answer.place.name if answer.place is not None else county.name,
    )


_PLACE_QUESTION = dict.fromkeys(("urban", "rural", "urban-rural"), "sheet_question_gmina")


def _notes(answer: CountyAnswer, lang: str) -> list[str]:
    """The answer's notes as sentences; those saying the same name is also used elsewhere in one county
    (Biecz: a gmina and its town, both in powiat gorlicki) as one sentence naming both."""
    merged: dict[tuple[object, ...], dict[str, object]] = {}
    for note in answer.notes:
        value = _json(note)
        if value.get("id") != "place_also_outside":
            merged[(id(note),)] = value
            continue
        key = (value["id"], value.get("name"), value.get("county"), value.get("voivodeship"))
        if key not in merged:
            merged[key] = dict(value, kind_label=None)
            continue
        first = merged[key]
        earlier = kind_label(first, lang) if first["kind_label"] is None else str(first["kind_label"])
        joined = f"{earlier} ({first['teryt']}) i " if lang == "pl" else f"{earlier} {first['teryt']} and the "
        merged[key] = dict(first, kind_label=joined + kind_label(value, lang), teryt=value["teryt"])
    sentences = []
    for value in merged.values():
        if value.get("kind_label") is None:
            sentences.append(note_text({k: v for k, v in value.items() if k != "kind_label"}, lang))
        else:  # two or more places of one county, named in one sentence
            sentences.append(t(lang, str(value["id"]), **{k: v for k, v in value.items() if k != "id"}))
    return sentences


def _json(note: object) -> dict[str, object]:
    from owes_cli.answers import to_json

    value = to_json(note)
    assert isinstance(value, dict)
    return value


def _answer(answer: CountyAnswer, numbers: dict[str, int], lang: str) -> Inline:
    """What the box says: the centre and how sure that is, or why there is no one answer (the last
    confirmed centre, which is the past, follows it: see `_last_confirmed`)."""
    county = answer.county
    period = Run(f"\n{t(lang, 'sheet_period', name=answer.period.name, span=span(answer.period, lang))}")
    if answer.centre is not None:
        refs = sorted(numbers[s.id] for s in answer.centre.sources if s.id in numbers)
        sure = t(
            lang,
            "sheet_confirmed",
            count=len(refs),
            refs=", ".join(map(str, refs)),
            where=where(county, lang, inside=True),
            county=where(county, lang),
        )
        return (Run(answer.centre.name, bold=True), Run(f"\n{sure}"), period)
    if answer.coverage is CoverageStatus.NONE:
        return (Run(t(lang, "coverage_none", county=county.name), bold=True), period)
    if no_centre_ran(answer):  # the ended period's centre is the last confirmed one, never the answer
        return (Run(t(lang, "short_none_ran"), bold=True), period)
    count = len(answer.centres)
    number = NUMBER_WORDS[lang].get(count, str(count))
    runs: Inline = (
        Run(
            t(
                lang,
                "sheet_unknown_one" if count == 1 else "sheet_unknown",
                number=number,
                where=where(county, lang, inside=True),
                county=where(county, lang),
            ),
            bold=True,
        ),
    )
    # The candidates by name, the answer's own: the last confirmed centre below is the past.
    for centre in answer.centres:
        runs += (Run("\n– "), Run(centre.name, bold=True))
    return (*runs, period)


def _last_confirmed(answer: CountyAnswer, lang: str) -> Inline:
    county = answer.county
    last = answer.last_confirmed
    if last is None:
        return (
            Run(
                f"\n{t(lang, 'sheet_no_confirmed', where=where(county, lang, inside=True), county=where(county, lang))}"
            ),
        )
    label = t(lang, "sheet_last_confirmed", span=span(last.period, lang))
    # The past in smaller type, below the answer: its label, the centre's name and seat, then who
    # ran it (the one operator list every output gives).
    name = last.centre.name + (f" ({t(lang, 'seat')}: {last.centre.seat})" if last.centre.seat else "")
    runs: Inline = (Run(f"\n{label}", small=True), Run(f"\n{name}", small=True))
    who = run_by_line(last.centre, lang)
    if who:
        runs += (Run(f"\n{t(lang, 'operators')}: {who}", small=True),)
    return runs


def _reach(centre: CentreInfo, lang: str) -> Inline:
    """A candidate in three lines: its name; who runs it and when; how to reach it."""
    # Its own dates only where they differ from its period's, which the answer box gives.
    own_dates = (centre.period.from_, centre.period.to) != (centre.period_from, centre.period_to)
    runs: list[Run] = [Run(centre.name, bold=True), Run(f"\n{_who_and_when(centre, lang, dated=own_dates)}")]
    addresses = address_lines(centre, lang).split("\n") if centre.addresses else []
    contact = addresses + list(centre.phones) + list(centre.emails)
    if contact:
        runs.append(Run("\n" + " · ".join(contact)))
    missing = missing_fields(centre, lang)
    if missing:
        runs.append(Run(f"\n{missing}"))
    site = website(centre)
    if site:
        runs += [Run(f"\n{t(lang, 'website')}: "), *website_text(site, lang)]
    else:  # the page a source describes it on is the next best way to find it
        described = next((s.url for s in centre.sources if s.url), None)
        if described:
            runs += [
                Run(f"{'; ' if missing else chr(10)}{t(lang, 'sheet_described_at').lower()}: "),
                Run(described, described),
            ]
    return tuple(runs)


def _who_and_when(centre: CentreInfo, lang: str, *, dated: bool = True) -> str:
    parts = []
    who = run_by_line(centre, lang)  # every operator with its role, as every output lists them
    if who:
        parts.append(f"{t(lang, 'operators')}: {who}")
    if dated:
        parts.append(f"{t(lang, 'sheet_centre_dates')}: {span(centre.period, lang)}")
    if centre.seat:
        parts.append(f"{t(lang, 'seat')}: {centre.seat}")
    return " · ".join(parts)


def _colophon(sources: tuple[Source, ...], edition: Edition, drawing: CoverageMap | None) -> Inline:
    """The small print: when and from what the page was made, the register's date and the map's
    credits, then the sources by number, each a link."""
    lang = edition.lang
    # The map's credits name the county register with its date; without a map, the colophon does.
    register = (
        drawing.credits
        if drawing is not None and drawing.shapes
        else t(
            lang,
            "sheet_register",
            register=edition.register_title,
            publisher=edition.register_publisher,
            as_of=edition.register_as_of,
        )
    )
    runs: list[Run] = [
        Run(
            t(
                lang,
                "sheet_colophon",
                generated=edition.generated.date().isoformat(),
                version=edition.version,
                dataset=edition.dataset_title,
                dates=t(lang, "sheet_dates", years=source_dates(sources, lang)),
                register=register,
            )
        ),
        Run(f"\n{t(lang, 'sheet_sources')}: "),
    ]
    for number, source in enumerate(sources, start=1):
        details = source.date  # the publisher is a click away, behind the title
        runs.append(Run(f"{'; ' if number > 1 else ''}{number}. "))
        runs.append(Run(source.title, source.url) if source.url else Run(source.title))
        if details:
            runs.append(Run(f" ({details})"))
    return tuple(runs)
