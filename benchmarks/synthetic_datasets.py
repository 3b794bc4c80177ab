"""Synthetic datasets for measuring: larger copies of the bundled one, and one shaped like all of Poland.

    python benchmarks/synthetic_datasets.py scaled 10 -o /tmp/owes-10x.toml
    python benchmarks/synthetic_datasets.py national -o /tmp/owes-pl.toml [--periods 3]

SYNTHETIC: nothing here describes a real centre. The national-shaped
dataset has every county of Poland (names and kinds from the shipped TERYT
register), about 23 invented centres a period, invented organisations,
addresses and telephone numbers marked as such, and one source that says it
is synthetic. It exists to time the tool at the size of the whole country;
it is written where you ask (a temporary directory in the benchmarks), never
into data/, and is not data to publish.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
BUNDLED = PROJECT / "data" / "centres.toml"
REGISTER = PROJECT / "data" / "teryt.json"

SYNTHETIC_SOURCE = {
    "id": "synthetic",
    "title": "Dane syntetyczne do pomiarów (benchmarks/synthetic_datasets.py): nie opisują żadnego prawdziwego ośrodka",
}
# A voivodeship with more counties than this gets two centres a period, as the larger ones have.
COUNTIES_PER_CENTRE = 22


# --------------------------------------------------------------------------
# TOML out: the dataset's shape only (strings, integers, arrays, tables)
# --------------------------------------------------------------------------


def _value(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, bool):
        raise TypeError("no booleans in a dataset")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value).__name__)


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() else json.dumps(key)


def dump(raw: dict[str, Any]) -> str:
    def tables(value: Any) -> bool:
        return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)

    lines = [
        f"{_key(key)} = {_value(value)}"
        for key, value in raw.items()
        if not isinstance(value, dict) and not tables(value)
    ]
    for key, value in raw.items():
        if isinstance(value, dict):
            lines += ["", f"[{_key(key)}]"] + [f"{_key(k)} = {_value(v)}" for k, v in value.items()]
    for key, value in raw.items():
        if tables(value):
            for item in value:
                lines += ["", f"[[{_key(key)}]]"] + [f"{_key(k)} = {_value(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# The bundled dataset, n times over
# --------------------------------------------------------------------------


def scaled(factor: int) -> str:
    """The bundled dataset with `factor - 1` renamed copies of its periods, centres and events added.

    The copies confirm no county (a county confirmed twice on one day is
    invalid), so every answer stays the bundled one's, while the lookup reads,
    checks and searches `factor` times the periods, centres and facts.
    """
    raw = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
    periods, centres, events = list(raw["periods"]), list(raw["centres"]), list(raw.get("events", []))
    for copy in range(1, factor):
        suffix = f"-copy{copy}"
        for period in periods:
            raw["periods"].append({**period, "id": period["id"] + suffix})
        for centre in centres:
            clone = {key: value for key, value in centre.items() if key != "coverage"}
            raw["centres"].append({**clone, "id": centre["id"] + suffix, "period": centre["period"] + suffix})
        for event in events:
            clone = {**event, "id": event["id"] + suffix}
            if "centre" in clone:
                clone["centre"] += suffix
            if "period" in clone:
                clone["period"] += suffix
            raw["events"].append(clone)
    raw["dataset"]["title"] += f" (×{factor}, SYNTHETIC copies for benchmarks)"
    return dump(raw)


# --------------------------------------------------------------------------
# All of Poland
# --------------------------------------------------------------------------


def _unquoted(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key != "quotes"}


def national(period_count: int = 3, years_each: int = 3, first_year: int = 2016) -> str:
    """Every county of Poland, each voivodeship served by one or two invented centres in each period."""
    bundled = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
    register = json.loads(REGISTER.read_text(encoding="utf-8"))
    voivodeships: dict[str, str] = register["voivodeships"]
    counties: dict[str, list[str]] = register["counties"]
    synthetic = ["synthetic"]
    raw: dict[str, Any] = {
        "schema": 1,
        "dataset": {
            "title": "SYNTHETIC national-shaped dataset for benchmarks: not real centres",
            "region": {"teryt": sorted(voivodeships), "name": "Polska"},
        },
        "sources": [SYNTHETIC_SOURCE],
        "organisations": [],
        "periods": [],
        "centres": [],
        # Re-sourced to the synthetic source, they keep no quotes of the real ones.
        "services": [{**_unquoted(s), "sources": synthetic} for s in bundled["services"]],
        "audiences": [{**_unquoted(a), "sources": synthetic} for a in bundled["audiences"]],
        "counties": [
            {"teryt": code, "name": name, "kind": kind, "sources": synthetic}
            for code, (name, kind) in sorted(counties.items())
        ],
    }
    services = [s["id"] for s in raw["services"]]
    audiences = [a["id"] for a in raw["audiences"]]
    for index in range(period_count):
        start = first_year + index * years_each
        period_id = f"syn-{start}"
        period: dict[str, Any] = {
            "id": period_id,
            "name": {"pl": f"Okres syntetyczny {start}", "en": f"Synthetic period {start}"},
            "programme": "SYNTHETIC",
            "from": f"{start}-01",
        }
        if index < period_count - 1:  # the last one is still running
            period["to"] = f"{start + years_each - 1}-12"
        raw["periods"].append({**period, "sources": synthetic})
        for woj, woj_name in sorted(voivodeships.items()):
            codes = sorted(code for code in counties if code.startswith(woj))
            parts = 2 if len(codes) > COUNTIES_PER_CENTRE else 1
            for part in range(parts):
                share = codes[part::parts]
                org_id = f"syn-org-{woj}-{part + 1}"
                if index == 0:
                    raw["organisations"].append(
                        {"id": org_id, "name": f"Organizacja syntetyczna {woj}-{part + 1}", "sources": synthetic}
                    )
                cities = [counties[code][0] for code in share if counties[code][1] == "city"]
                seat = cities[0] if cities else counties[share[0]][0]
                raw["centres"].append(
                    {
                        "id": f"syn-{woj}-{part + 1}-{start}",
                        "period": period_id,
                        "name": f"Syntetyczny OWES {part + 1}, województwo {woj_name} ({start})",
                        "subregion": f"{woj_name} {part + 1}",
                        "seat": seat,
                        "operators": [{"organisation": org_id, "role": "lead", "sources": synthetic}],
                        "coverage": {"counties": share, "sources": synthetic},
                        "addresses": [
                            {"street": f"ul. Syntetyczna {part + 1} (nie istnieje)", "city": seat, "sources": synthetic}
                        ],
                        "contact": {
                            "phones": [f"+48 000 000 {int(woj):03d}"],
                            "emails": [f"owes-{woj}-{part + 1}@example.invalid"],
                            "sources": synthetic,
                        },
                        "services": services,
                        "audiences": audiences,
                        "facts": [
                            {
                                "text": {"pl": "Ośrodek wymyślony do pomiarów.", "en": "A made-up centre."},
                                "sources": synthetic,
                            }
                        ],
                        "sources": synthetic,
                    }
                )
    return dump(raw)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    kinds = parser.add_subparsers(dest="kind", required=True)
    scale = kinds.add_parser("scaled", help="the bundled dataset, N times over")
    scale.add_argument("factor", type=int)
    country = kinds.add_parser("national", help="every county of Poland")
    country.add_argument("--periods", type=int, default=3)
    country.add_argument("--years-each", type=int, default=3)
    for sub in (scale, country):
        sub.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if args.output.resolve().parent == (PROJECT / "data").resolve():
        parser.error("synthetic datasets never go into data/")
    text = scaled(args.factor) if args.kind == "scaled" else national(args.periods, args.years_each)
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(text.encode()):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
