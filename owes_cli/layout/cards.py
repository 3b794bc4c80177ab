"""Layout for people: views (dicts) turned into labelled blocks and tables.

A card is a list of blocks; the plain-text and Rich renderers draw the same
cards, so both say the same things in the same order. No Rich here.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from owes_cli.messages import kind_label, note_text, t

Json = dict[str, Any]


class Listing(NamedTuple):
    columns: list[tuple[str, str]]  # (key in each row, label)
    rows: list[Json]


class Block:
    """A heading with labelled fields and/or bullet items."""

    def __init__(
        self,
        heading: str | None = None,
        fields: list[tuple[str, str]] | None = None,
        *,
        bullets: list[str] | None = None,
        emphasis: bool = False,
    ) -> None:
        self.heading = heading
        self.fields = fields or []
        self.bullets = bullets or []
        self.emphasis = emphasis  # a heading that names the answer itself


Card = list[Block]


def span(period: Json, lang: str) -> str:
    end = period["to"] or t(lang, "not_in_sources")
    return f"{period['from']} – {end}"


def _operators(view: Json, lang: str) -> str:
    parts = []
    for op in view["operators"]:
        name = op["name"] + (f", {op['unit']}" if op["unit"] else "")
        parts.append(f"{name} ({t(lang, 'role_' + op['role'])})")
    return "; ".join(parts) or t(lang, "not_in_sources")


def _addresses(view: Json, lang: str) -> str:
    if not view["addresses"]:
        return t(lang, "not_in_sources")
    lines = []
    for a in view["addresses"]:
        text = f"{a['street']}, {a['city']}"
        if a["label"]:
            text = f"{a['label']}: {text}"
        if a["as_of"]:
            text += f" ({t(lang, 'as_of')} {a['as_of']})"
        lines.append(text)
    return "\n".join(lines)


def source_line(source: Json, lang: str) -> str:
    parts = [source["title"]]
    if source["publisher"]:
        parts.append(source["publisher"])
    parts.append(source["date"] or t(lang, "undated"))
    line = ", ".join(parts)
    return f"[{source['id']}] {line}" + (f" — {source['url']}" if source["url"] else "")


def centre_blocks(view: Json, lang: str, *, with_sources: bool = True, brief: bool = False) -> Card:
    """A centre as blocks. `brief` keeps what tells centres of one period apart:
    who runs it, when, where, its facts and services (for "today" answers)."""
    period = view["period"]
    missing = t(lang, "not_in_sources")
    fields = [(t(lang, "id"), view["id"])]
    if view["subregion"]:
        fields.append((t(lang, "subregion"), view["subregion"]))
    fields.append((t(lang, "operators"), _operators(view, lang)))
    if period["lead"]:
        fields.append((t(lang, "lead"), period["lead"]["name"]))
    fields += [
        (t(lang, "period"), f"{span(period, lang)} ({period['name']})"),
        (t(lang, "programme"), period["programme"] + (f", {period['measure']}" if period["measure"] else "")),
        (t(lang, "address"), _addresses(view, lang)),
        (t(lang, "contact"), _contact(view, lang)),
        (t(lang, "website"), view["website"] or period["website"] or missing),
    ]
    if period["aim"] and not brief:
        fields.append((t(lang, "aim"), period["aim"]))
    blocks = [Block(view["name"], fields, emphasis=True)]
    if not brief:
        if view["coverage"] == "confirmed":
            counties = [f"{c['name']} ({c['teryt']}, {t(lang, 'kind_' + c['kind'])})" for c in view["counties"]]
            blocks.append(Block(f"{t(lang, 'counties')} ({len(counties)})", bullets=counties))
        else:
            blocks.append(Block(t(lang, "counties"), bullets=[missing]))
    facts = view["facts"] + ([] if brief else period["facts"])
    if facts:
        blocks.append(Block(t(lang, "facts"), bullets=facts))
    services = [s["name"] for s in view["services"]]
    if services or not brief:
        blocks.append(Block(t(lang, "services"), bullets=services or [missing]))
    if not brief:
        blocks.append(
            Block(
                t(lang, "audiences"),
                bullets=[("– " if a["part_of"] else "") + a["name"] for a in view["audiences"]] or [missing],
            )
        )
        if view["events"]:
            blocks.append(Block(t(lang, "events"), bullets=[_event(e, lang) for e in view["events"]]))
        if view["documents"]:
            blocks.append(
                Block(
                    t(lang, "documents"),
                    bullets=[d["title"] + (f" — {d['note']}" if d["note"] else "") for d in view["documents"]],
                )
            )
    if with_sources:
        blocks.append(Block(t(lang, "sources"), bullets=[source_line(s, lang) for s in view["sources"]]))
    return blocks


def _contact(view: Json, lang: str) -> str:
    contacts = view["phones"] + view["emails"]
    return ", ".join(contacts) if contacts else t(lang, "not_in_sources")


def _event(event: Json, lang: str) -> str:
    when = event["date"] or f"{t(lang, 'reported')} {event['reported']}"
    return f"{when}: {event['description']}"


def status_line(view: Json, lang: str) -> str:
    status = view["period_status"]
    if status == "current":
        return t(lang, "status_current", on=view["query"]["on"])
    if status == "upcoming":
        return t(lang, "status_upcoming", start=view["period"]["from"])
    if view["period_ended"]:
        return t(lang, "status_historical", end=view["period_ended"])
    return t(lang, "status_historical_open")


def answer_card(view: Json, lang: str) -> Card:
    county = view["county"]
    header = Block(
        f"{t(lang, 'county')} {county['name']} ({county['teryt']}, {t(lang, 'kind_' + county['kind'])})",
        [(t(lang, "status"), status_line(view, lang))],
        emphasis=True,
    )
    card: Card = [header]
    if "place" in view:
        card.insert(0, place_block(view["place"], lang, view["query"].get("at")))
    if view["centre"]:
        card += centre_blocks(view["centre"], lang, with_sources=False)
    else:
        message = "coverage_none" if view["coverage"] == "none" else "coverage_unknown"
        header.fields.append((t(lang, "coverage"), t(lang, message, county=county["name"])))
        label = t(lang, "today") if view["period_status"] == "current" else t(lang, "period")
        for centre in view["centres"]:
            blocks = centre_blocks(centre, lang, with_sources=False, brief=True)
            blocks[0].heading = f"{label}: {blocks[0].heading}"
            card += blocks
        if view["period"]["facts"]:
            card.append(Block(view["period"]["name"], bullets=view["period"]["facts"]))
        last = view["last_confirmed"]
        if last:
            blocks = centre_blocks(last["centre"], lang, with_sources=False)
            blocks[0].heading = f"{t(lang, 'last_confirmed')} ({span(last['period'], lang)}): {blocks[0].heading}"
            card += blocks
        else:
            card.append(Block(t(lang, "last_confirmed"), bullets=[t(lang, "no_confirmed")]))
    for note in view["notes"]:
        header.fields.append(("!", note_text(note, lang)))
    card.append(Block(t(lang, "sources"), bullets=[source_line(s, lang) for s in view["sources"]]))
    return card


def _unit(unit: Json, lang: str) -> str:
    if unit.get("simc") and unit["kind"] not in _UNIT_KINDS:  # a locality: its own id, not its gmina's code
        return f"{unit['name']} (SIMC {unit['simc']}, {kind_label(unit, lang)})"
    return f"{unit['name']} ({unit['teryt']}, {t(lang, 'kind_' + unit['kind'])})"


_UNIT_KINDS = {"urban", "rural", "urban-rural", "town"}


def place_block(place: Json, lang: str, at: Json | None = None) -> Block:
    """The place asked about: its gmina, its town and its county, before the county's answer."""
    fields = []
    if at:
        fields.append((t(lang, "at"), f"{at['lat']}, {at['lon']}"))
    if place.get("part_of"):
        fields.append((t(lang, "part_of"), _unit(place["part_of"], lang)))
    fields.append((t(lang, "gmina"), _unit(place["gmina"], lang)))
    if place["town"] or not place.get("simc") or place["kind"] in _UNIT_KINDS:  # a village has no town
        fields.append((t(lang, "town"), _unit(place["town"], lang) if place["town"] else t(lang, "no_town")))
    fields += [
        (t(lang, "county"), _unit(place["county"], lang)),
        (t(lang, "voivodeship"), place["voivodeship"]),
    ]
    return Block(f"{t(lang, 'place')} {_unit(place, lang)}", fields, emphasis=True)


def place_card(view: Json, lang: str) -> Card:
    """Everything known about one place: `owes place NAME`."""
    block = place_block(view, lang)
    label = view["label_point"]
    if label:
        block.fields.append((t(lang, "interior_point"), f"{label['lat']}, {label['lon']}"))
    for note in view["notes"]:
        block.fields.append(("!", note_text(note, lang)))
    periods = [
        f"{span(row['period'], lang)} ({row['period']['name']}): "
        + (
            f"{row['centre']['name']} ({row['centre']['id']})"
            if row["centre"]
            else t(lang, "map_none")
            if row["coverage"] == "none"
            else t(lang, "not_in_sources")
        )
        for row in view["centres"]
    ]
    places = [_unit(p, lang) for p in view["county_places"]]
    return [
        block,
        Block(t(lang, "centre_by_period"), bullets=periods),
        Block(
            f"{t(lang, 'places')}: {t(lang, 'county').lower()} {view['county']['name']} ({len(places)})", bullets=places
        ),
        Block(
            t(lang, "sources"),
            bullets=[
                f"{t(lang, 'register')}: {view['register']['title']}, {view['register']['publisher']}, "
                f"{view['register']['as_of']}",
                f"{t(lang, 'boundaries')}: {view['boundaries']['origin']} ({view['boundaries']['as_of']})",
            ],
        ),
    ]


# --------------------------------------------------------------------------
# Listing columns
# --------------------------------------------------------------------------


def columns(kind: str, lang: str) -> list[tuple[str, str]]:
    keys = {
        "centres": ["id", "name", "seat", "from", "to", "operators", "counties"],
        "counties": ["teryt", "name", "kind", "centre", "coverage", "period", "last_confirmed"],
        "services": ["id", "group", "name", "centres"],
        "audiences": ["id", "group", "name", "part_of"],
        "sources": ["id", "title", "publisher", "date", "url"],
        "periods": ["id", "name", "programme", "from", "to", "lead", "centres"],
        "county-history": ["period", "from", "to", "coverage", "centre", "period_centres", "sources"],
        "centre-history": ["date", "what", "sources"],
        "places": ["teryt", "name", "kind", "simc", "gmina", "county"],
    }[kind]
    labels = {"from": ("Od", "From"), "to": ("Do", "To"), "centre": ("Ośrodek", "Centre")}
    result = []
    for key in keys:
        if key in labels:
            result.append((key, labels[key][0 if lang == "pl" else 1]))
        else:
            result.append((key, t(lang, key)))
    return result


# What an empty cell means, by column: an unknown end, no date, unknown coverage.
_MISSING = {"to": "not_in_sources", "date": "undated", "counties": "coverage_label_unknown"}


def display_value(key: str, value: Any, lang: str) -> str:
    """A cell as a person reads it: labels translated, gaps named."""
    if value is None and key in _MISSING:
        return t(lang, _MISSING[key])
    if value is None or value == "":
        return "—"
    if key == "kind":
        return t(lang, "kind_" + str(value))
    if key == "group":
        return t(lang, "group_" + str(value))
    if key == "coverage":
        return t(
            lang,
            {"confirmed": "coverage_confirmed", "unknown": "coverage_label_unknown", "none": "coverage_label_none"}[
                str(value)
            ],
        )
    return str(value)
