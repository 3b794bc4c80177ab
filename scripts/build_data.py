"""Derive the data `owes` ships from the reference material.

    python scripts/build_data.py [--reference ../shared/reference] [--check]

It writes:
- `data/teryt.json`: the national TERYT TERC register, compacted to what the
  tool needs to name any voivodeship and county of Poland;
- the generated `[[counties]]` block at the end of `data/centres.toml`:
  the counties of the dataset's region, with code, official name and kind.

`--check` writes nothing and exits 1 when the shipped files differ from what
the reference material gives (the tests run the same comparison).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = PROJECT.parent / "shared" / "reference"
TERC_FILE = Path("teryt") / "TERC_Urzedowy_2020-01-01.csv"
REGISTER_SOURCE_ID = "teryt-terc-2020"
REGION = "08"  # lubuskie

BLOCK_BEGIN = "# BEGIN generated counties: scripts/build_data.py from the TERYT TERC register"
BLOCK_END = "# END generated counties"


def read_terc(reference: Path) -> list[dict[str, str]]:
    text = (reference / TERC_FILE).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def county_kind(description: str) -> str:
    return "city" if "na prawach powiatu" in description else "land"


def build_register(rows: list[dict[str, str]]) -> str:
    as_of = {row["STAN_NA"] for row in rows}
    if len(as_of) != 1:
        raise SystemExit(f"register rows carry several dates: {sorted(as_of)}")
    voivodeships = {}
    counties = {}
    for row in rows:
        if not row["POW"]:
            voivodeships[row["WOJ"]] = row["NAZWA"].lower()
        elif not row["GMI"]:
            counties[row["WOJ"] + row["POW"]] = [row["NAZWA"], county_kind(row["NAZWA_DOD"])]
    register = {
        "register": "TERYT TERC (wykaz urzędowy)",
        "publisher": "Główny Urząd Statystyczny",
        "as_of": as_of.pop(),
        "voivodeships": dict(sorted(voivodeships.items())),
        "counties": dict(sorted(counties.items())),
    }
    return json.dumps(register, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def build_counties_block(rows: list[dict[str, str]]) -> str:
    as_of = rows[0]["STAN_NA"]
    lines = [BLOCK_BEGIN + f" of {as_of}; do not edit by hand."]
    for row in rows:
        if row["WOJ"] == REGION and row["POW"] and not row["GMI"]:
            lines += [
                "",
                "[[counties]]",
                f'teryt = "{row["WOJ"]}{row["POW"]}"',
                f'name = "{row["NAZWA"]}"',
                f'kind = "{county_kind(row["NAZWA_DOD"])}"',
                f'sources = ["{REGISTER_SOURCE_ID}"]',
            ]
    lines += ["", BLOCK_END]
    return "\n".join(lines) + "\n"


def with_counties_block(centres_toml: str, block: str) -> str:
    """Replace (or append) the generated block, keeping the curated part as is."""
    start = centres_toml.find(BLOCK_BEGIN)
    if start == -1:
        return centres_toml.rstrip("\n") + "\n\n" + block
    end = centres_toml.index(BLOCK_END, start) + len(BLOCK_END)
    return centres_toml[:start] + block.rstrip("\n") + centres_toml[end:]


def build(reference: Path, data_dir: Path) -> dict[Path, str]:
    """The content every derived file should have, by path."""
    rows = read_terc(reference)
    centres_path = data_dir / "centres.toml"
    return {
        data_dir / "teryt.json": build_register(rows),
        centres_path: with_counties_block(
            centres_path.read_text(encoding="utf-8"), build_counties_block(rows)
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--data", type=Path, default=PROJECT / "data")
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    args = parser.parse_args(argv)
    stale = []
    for path, content in build(args.reference, args.data).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(content, encoding="utf-8")
    for path in stale:
        print(("differs: " if args.check else "wrote: ") + str(path), file=sys.stderr)
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main())
