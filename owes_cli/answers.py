"""Domain objects as plain, JSON-ready dicts: the one shape every output uses.

JSON prints these as they are; CSV and tables flatten them; the cards for
people and the exported documents are laid out from them. Data names stay
Polish; service and audience names follow the language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from owes_cli.domain import history, lookup, periods
from owes_cli.domain.model import Centre, County, Dataset, Period, Text
from owes_cli.errors import Problem

if TYPE_CHECKING:  # places and registers are loaded only by the commands that use them
    from owes_cli.domain.places import Gazetteer, Place
    from owes_cli.domain.register import Register

Json = dict[str, Any]


def _text(value: Text | None, lang: str) -> str | None:
    return value.get(lang) if value else None


def _str(value: object | None) -> str | None:
    return None if value is None else str(value)


def county_view(county: County) -> Json:
    return {"teryt": county.teryt, "name": county.name, "kind": county.kind.value}


def period_view(dataset: Dataset, period: Period, lang: str) -> Json:
    lead = dataset.organisations.get(period.lead) if period.lead else None
    return {
        "id": period.id,
        "name": period.name.get(lang),
        "from": str(period.start),
        "to": _str(period.end),
        "programme": period.programme,
        "measure": period.measure,
        "lead": {"id": lead.id, "name": lead.name} if lead else None,
        "aim": _text(period.aim, lang),
        "website": period.website,
        "facts": [f.text.get(lang) for f in period.facts],
        "sources": list(period.sources),
    }


def centre_view(dataset: Dataset, centre: Centre, lang: str) -> Json:
    period = dataset.periods[centre.period]
    period_json = period_view(dataset, period, lang)
    # The centre's own dates, where a source gives them, narrow its period's.
    period_json["from"] = str(centre.start or period.start)
    period_json["to"] = _str(centre.end or period.end)
    coverage = centre.coverage
    return {
        "id": centre.id,
        "name": centre.name,
        "subregion": centre.subregion,
        "seat": centre.seat,
        "period": period_json,
        "operators": [
            {
                "id": op.organisation,
                "name": dataset.organisations[op.organisation].name,
                "role": op.role,
                "unit": op.unit,
            }
            for op in centre.operators
        ],
        "coverage": "confirmed" if coverage else "unknown",
        "counties": [county_view(dataset.counties[c]) for c in coverage.counties] if coverage else [],
        "addresses": [
            {"street": a.street, "city": a.city, "label": _text(a.label, lang), "as_of": _str(a.as_of)}
            for a in centre.addresses
        ],
        "phones": list(centre.phones),
        "emails": list(centre.emails),
        "website": centre.website,
        "services": [service_view(dataset, s, lang) for s in centre.services],
        "audiences": [audience_view(dataset, a, lang) for a in centre.audiences],
        "facts": [f.text.get(lang) for f in centre.facts],
        "events": [
            {"date": _str(e.date), "reported": _str(e.reported), "description": e.description.get(lang)}
            for e in sorted(dataset.events.values(), key=lambda e: str(e.date or e.reported))
            if e.centre == centre.id
        ],
        "documents": [
            {"title": d.title, "title_as_printed": d.title_as_printed, "note": _text(d.note, lang), "url": d.url}
            for d in dataset.documents.values()
            if d.centre == centre.id
        ],
        "sources": [source_view(dataset, s) for s in centre_source_ids(dataset, centre)],
    }


def service_view(dataset: Dataset, service_id: str, lang: str) -> Json:
    service = dataset.services[service_id]
    return {"id": service.id, "group": service.group, "name": service.name.get(lang)}


def audience_view(dataset: Dataset, audience_id: str, lang: str) -> Json:
    audience = dataset.audiences[audience_id]
    return {
        "id": audience.id,
        "group": audience.group,
        "name": audience.name.get(lang),
        "part_of": audience.part_of,
    }


def source_view(dataset: Dataset, source_id: str) -> Json:
    source = dataset.sources[source_id]
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "date": _str(source.date),
    }


def centre_source_ids(dataset: Dataset, centre: Centre) -> list[str]:
    """Every source behind what a centre card shows, in order of first use."""
    period = dataset.periods[centre.period]
    # An operator's own `sources` say it ran this centre; the organisation
    # record's sources may be of other periods, so they are not cited here.
    groups: list[Iterable[str]] = [centre.sources, period.sources]
    groups += [op.sources for op in centre.operators]
    if centre.coverage:
        groups.append(centre.coverage.sources)
        groups += [dataset.counties[c].sources for c in centre.coverage.counties]
    groups += [a.sources for a in centre.addresses]
    groups.append(centre.contact_sources)
    groups += [f.sources for f in (*centre.facts, *period.facts)]
    groups += [dataset.services[s].sources for s in centre.services]
    groups += [dataset.audiences[a].sources for a in centre.audiences]
    groups += [e.sources for e in dataset.events.values() if e.centre == centre.id]
    groups += [d.sources for d in dataset.documents.values() if d.centre == centre.id]
    return _unique(s for group in groups for s in group)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def answer_view(
    dataset: Dataset, ans: periods.CountyAnswer, lang: str, query: str | Json, place: Json | None = None
) -> Json:
    """The answer for a county; for a place (`--place`, `--at`) the place goes beside the county.

    `query` is the county text as typed, or the place's query as a mapping.
    """
    centres = [ans.centre] if ans.centre else list(ans.centres)
    views = [centre_view(dataset, c, lang) for c in centres]
    last = ans.last_confirmed
    last_view = (
        {"period": period_view(dataset, last.period, lang), "centre": centre_view(dataset, last.centre, lang)}
        if last
        else None
    )
    source_ids = _unique(
        [s["id"] for v in views for s in v["sources"]]
        + ([s["id"] for s in last_view["centre"]["sources"]] if last_view else [])
    )
    asked = {"county": query} if isinstance(query, str) else dict(query)
    return {
        "query": {**asked, "on": ans.on.isoformat()},
        **({"place": place} if place is not None else {}),
        "county": county_view(ans.county),
        "period_status": ans.period_status,
        "coverage": ans.coverage,
        "period": period_view(dataset, ans.period, lang),
        "period_ended": _ended(dataset, ans.period, ans.period_status),
        "centre": views[0] if ans.centre else None,
        "centres": [] if ans.centre else views,
        "last_confirmed": last_view,
        "notes": [{"id": n.message_id, **n.params} for n in ans.notes],
        "sources": [source_view(dataset, s) for s in source_ids],
    }


def unit_view(place: Place) -> Json:
    return {"teryt": place.teryt, "name": place.name, "kind": place.kind.value}


def place_view(place: Place, dataset: Dataset, register: Register, gazetteer: Gazetteer) -> Json:
    """A town, gmina or locality with the gmina it is (or lies in), its town and its county."""
    town = gazetteer.places.get(place.town) if place.town else None
    parent = gazetteer.parent(place)
    return {
        **unit_view(place),
        "simc": place.simc,
        "part_of": {**unit_view(parent), "simc": parent.simc} if parent else None,
        "gmina": unit_view(gazetteer.places[place.gmina]),
        "town": unit_view(town) if town else None,
        "county": county_view(dataset.counties[place.county]),
        "voivodeship": register.voivodeship(place.teryt),
    }


def place_detail_view(
    place: Place, notes: Iterable[lookup.Note], dataset: Dataset, register: Register, gazetteer: Gazetteer, lang: str
) -> Json:
    """Everything known about one place: `owes place NAME`."""
    from owes_cli.domain import geo  # boundaries only for this command

    boundaries = geo.load_layer("gminy")
    area = boundaries.areas.get(place.gmina)
    county = dataset.counties[place.county]
    return {
        **place_view(place, dataset, register, gazetteer),
        "label_point": {"lat": round(area.label[1], 4), "lon": round(area.label[0], 4)} if area else None,
        "notes": [{"id": n.message_id, **n.params} for n in notes],
        "centres": [
            {
                "period": period_view(dataset, entry.period, lang),
                "coverage": entry.coverage,
                "centre": {"id": entry.centre.id, "name": entry.centre.name} if entry.centre else None,
            }
            for entry in history.county_history(dataset, county)
        ],
        "county_places": [unit_view(p) for p in gazetteer.in_county(place.county)],
        "register": {"title": gazetteer.title, "publisher": gazetteer.publisher, "as_of": gazetteer.as_of},
        "locality_register": gazetteer.locality_register,
        "boundaries": {"origin": boundaries.origin, "as_of": boundaries.as_of},
    }


def place_rows(places: Iterable[Place], dataset: Dataset) -> list[Json]:
    return [
        {**unit_view(p), "simc": p.simc, "gmina": p.gmina, "county": dataset.counties[p.county].name} for p in places
    ]


def _ended(dataset: Dataset, period: Period, status: str) -> str | None:
    if status != "historical":
        return None
    end = periods.period_span(dataset, period)[1]
    return end.isoformat() if end else None


def directory_view(dataset: Dataset, on: date, lang: str) -> Json:
    """The period in effect on a day (or the latest before it) with all its centres."""
    period, status = periods.period_on(dataset, on)
    centres = [centre_view(dataset, c, lang) for c in dataset.centres_in(period.id)]
    return {
        "query": {"on": on.isoformat()},
        "period_status": status,
        "period": period_view(dataset, period, lang),
        "period_ended": _ended(dataset, period, status),
        "centres": centres,
        "sources": _unique_sources(c["sources"] for c in centres),
    }


def centre_status_view(dataset: Dataset, centre: Centre, on: date, lang: str) -> Json:
    """One centre, with whether it was running on a day, in answer_view's terms."""
    start, end = periods.centre_span(dataset, centre)
    status = "upcoming" if on < start else "historical" if end is not None and on > end else "current"
    view = centre_view(dataset, centre, lang)
    return {
        "query": {"on": on.isoformat()},
        "period_status": status,
        "period": view["period"],
        "period_ended": end.isoformat() if status == "historical" and end else None,
        "centre": view,
        "sources": view["sources"],
    }


def _unique_sources(groups: Iterable[list[Json]]) -> list[Json]:
    seen: dict[str, Json] = {}
    for group in groups:
        for source in group:
            seen.setdefault(source["id"], source)
    return list(seen.values())


# --------------------------------------------------------------------------
# Listings: flat rows with stable keys
# --------------------------------------------------------------------------


def centre_rows(dataset: Dataset, lang: str) -> list[Json]:
    rows = []
    for centre in sorted(dataset.centres.values(), key=lambda c: (dataset.periods[c.period].first_day(), c.id)):
        view = centre_view(dataset, centre, lang)
        rows.append(
            {
                "id": centre.id,
                "name": centre.name,
                "seat": centre.seat,
                "from": view["period"]["from"],
                "to": view["period"]["to"],
                "operators": "; ".join(op["name"] for op in view["operators"]),
                "counties": len(view["counties"]) if centre.coverage else None,
            }
        )
    return rows


def county_rows(dataset: Dataset, on: date) -> list[Json]:
    rows = []
    for county in sorted(dataset.counties.values(), key=lambda c: c.teryt):
        ans = periods.answer(dataset, county, on)
        rows.append(
            {
                "teryt": county.teryt,
                "name": county.name,
                "kind": county.kind.value,
                "centre": ans.centre.id if ans.centre else None,
                "centre_name": ans.centre.name if ans.centre else None,
                "coverage": ans.coverage,
                "period": ans.period.id,
                "period_status": ans.period_status,
                "last_confirmed": ans.last_confirmed.centre.id if ans.last_confirmed else None,
            }
        )
    return rows


def service_rows(dataset: Dataset, lang: str, centre: Centre | None) -> list[Json]:
    ids = centre.services if centre else list(dataset.services)
    rows = []
    for sid in ids:
        offered_by = [c.id for c in dataset.centres.values() if sid in c.services]
        rows.append({**service_view(dataset, sid, lang), "centres": "; ".join(offered_by)})
    return rows


def audience_rows(dataset: Dataset, lang: str) -> list[Json]:
    return [audience_view(dataset, aid, lang) for aid in dataset.audiences]


def source_rows(dataset: Dataset) -> list[Json]:
    return [{**source_view(dataset, sid), "quotes": len(dataset.sources[sid].quotes)} for sid in dataset.sources]


def period_rows(dataset: Dataset, lang: str) -> list[Json]:
    rows = []
    for period in sorted(dataset.periods.values(), key=lambda p: p.first_day()):
        view = period_view(dataset, period, lang)
        rows.append(
            {
                "id": period.id,
                "name": view["name"],
                "programme": period.programme,
                "measure": period.measure,
                "from": view["from"],
                "to": view["to"],
                "lead": view["lead"]["name"] if view["lead"] else None,
                "centres": " ".join(c.id for c in dataset.centres_in(period.id)),
                "sources": " ".join(period.sources),
            }
        )
    return rows


def county_history_rows(dataset: Dataset, county: County, lang: str) -> list[Json]:
    rows = []
    for entry in history.county_history(dataset, county):
        rows.append(
            {
                "period": entry.period.id,
                "from": str(entry.period.start),
                "to": _str(entry.period.end),
                "coverage": entry.coverage,
                "centre": entry.centre.id if entry.centre else None,
                "centre_name": entry.centre.name if entry.centre else None,
                "period_centres": " ".join(c.id for c in entry.centres),
                "sources": " ".join(entry.sources),
            }
        )
    return rows


def centre_history_rows(dataset: Dataset, centre: Centre, lang: str) -> list[Json]:
    from owes_cli.messages import t

    period_name = dataset.periods[centre.period].name.get(lang)
    rows = []
    for milestone in history.centre_history(dataset, centre):
        if milestone.kind in ("start", "end"):
            what = t(lang, "milestone_" + milestone.kind, period=period_name)
        elif milestone.kind == "address":
            what = t(lang, "milestone_address", address=milestone.detail)
        else:
            assert milestone.text is not None
            what = milestone.text.get(lang)
            if milestone.kind == "reported":
                what = t(lang, "milestone_reported", text=what)
        rows.append(
            {"date": str(milestone.when), "kind": milestone.kind, "what": what, "sources": " ".join(milestone.sources)}
        )
    return rows


# --------------------------------------------------------------------------
# One-row summaries, for --format csv of a single answer
# --------------------------------------------------------------------------


def answer_row(view: Json) -> Json:
    centre = view["centre"]
    place = view.get("place")
    return {
        **({"place_teryt": place["teryt"], "place_name": place["name"], "place_kind": place["kind"]} if place else {}),
        "county_teryt": view["county"]["teryt"],
        "county_name": view["county"]["name"],
        "on": view["query"]["on"],
        "period_status": view["period_status"],
        "coverage": view["coverage"],
        "centre_id": centre["id"] if centre else None,
        "centre_name": centre["name"] if centre else None,
        "from": centre["period"]["from"] if centre else view["period"]["from"],
        "to": centre["period"]["to"] if centre else view["period"]["to"],
        "sources": " ".join(src["id"] for src in view["sources"]),
    }


def centre_row(view: Json) -> Json:
    return {
        "id": view["id"],
        "name": view["name"],
        "from": view["period"]["from"],
        "to": view["period"]["to"],
        "coverage": view["coverage"],
        "counties": " ".join(c["teryt"] for c in view["counties"]),
        "sources": " ".join(src["id"] for src in view["sources"]),
    }


def place_row(view: Json) -> Json:
    return {
        "teryt": view["teryt"],
        "name": view["name"],
        "kind": view["kind"],
        "simc": view["simc"],
        "gmina": view["gmina"]["teryt"],
        "town": view["town"]["teryt"] if view["town"] else None,
        "county_teryt": view["county"]["teryt"],
        "county_name": view["county"]["name"],
        "voivodeship": view["voivodeship"],
    }


def validation_report(path: str, problems: list[Problem], lang: str) -> Json:
    from owes_cli.messages import problem_text

    return {
        "path": path,
        "valid": not problems,
        "problems": [{"where": p.where, "code": p.code, "message": problem_text(p, lang)} for p in problems],
    }
