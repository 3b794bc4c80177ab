"""Datasets made to be large: many periods, many centres, many problems.

Test data only; none of it describes a real centre. The tests use them small
to check answers; benchmarks/hostile_datasets.py uses them near the size
limit to show that every command stays fast.
"""

from __future__ import annotations

from datetime import date, timedelta

COUNTIES = [
    ("0801", "gorzowski", "land"),
    ("0802", "krośnieński", "land"),
    ("0803", "międzyrzecki", "land"),
    ("0804", "nowosolski", "land"),
    ("0805", "słubicki", "land"),
    ("0806", "strzelecko-drezdenecki", "land"),
    ("0807", "sulęciński", "land"),
    ("0808", "świebodziński", "land"),
    ("0809", "zielonogórski", "land"),
    ("0810", "żagański", "land"),
    ("0811", "żarski", "land"),
    ("0812", "wschowski", "land"),
    ("0861", "Gorzów Wielkopolski", "city"),
    ("0862", "Zielona Góra", "city"),
]

HEAD = """schema = 1

[dataset]
title = "Zbiór testowy"
region = { teryt = "08", name = "lubuskie" }

[[sources]]
id = "src"
title = "Źródło testowe"

[[organisations]]
id = "org"
name = "Organizacja testowa"
sources = ["src"]

[[services]]
id = "s1"
group = "advice"
name = { pl = "Doradztwo", en = "Advice" }
sources = ["src"]

[[audiences]]
id = "a1"
group = "primary"
name = { pl = "Osoby bezrobotne", en = "Unemployed people" }
sources = ["src"]
"""

FIRST_DAY = date(1950, 1, 1)


def _counties() -> str:
    return "".join(
        f'\n[[counties]]\nteryt = "{code}"\nname = "{name}"\nkind = "{kind}"\nsources = ["src"]\n'
        for code, name, kind in COUNTIES
    )


def _period(i: int, start: date, end: date | None) -> str:
    to = f'to = "{end}"\n' if end else ""
    return (
        f'\n[[periods]]\nid = "p{i}"\nname = {{ pl = "Okres {i}", en = "Period {i}" }}\n'
        f'programme = "Program"\nfrom = "{start}"\n{to}sources = ["src"]\n'
    )


def _centre(i: int, counties: list[str]) -> str:
    listed = ", ".join(f'"{code}"' for code in counties)
    coverage = f'coverage = {{ counties = [{listed}], sources = ["src"] }}\n' if counties else ""
    return f'\n[[centres]]\nid = "c{i}"\nperiod = "p{i}"\nname = "Ośrodek {i}"\n{coverage}sources = ["src"]\n'


def open_periods(count: int) -> str:
    """`count` periods with no end, one a day, each with a centre whose
    counties the sources do not give: each open end is where the next period begins."""
    parts = [HEAD]
    for i in range(count):
        parts.append(_period(i, FIRST_DAY + timedelta(days=i), None))
        parts.append(_centre(i, []))
    return "".join(parts) + _counties()


def every_county_each_period(count: int) -> str:
    """`count` periods one after another, each with a centre covering all 14 counties."""
    codes = [code for code, _, _ in COUNTIES]
    parts = [HEAD]
    for i in range(count):
        day = FIRST_DAY + timedelta(days=2 * i)
        parts.append(_period(i, day, day + timedelta(days=1)))
        parts.append(_centre(i, codes))
    return "".join(parts) + _counties()


def many_problems(count: int) -> str:
    """`count` centres, each with four problems: a bad date, and an unknown
    period, service and audience."""
    parts = [HEAD, _period(0, FIRST_DAY, None)]
    for i in range(count):
        parts.append(
            f'\n[[centres]]\nid = "c{i}"\nperiod = "x{i}"\nname = "Ośrodek {i}"\nfrom = "2013-13"\nservices = ["x{i}"]\n'
            f'audiences = ["y{i}"]\nsources = ["src"]\n'
        )
    return "".join(parts) + _counties()


def deep_key(parts: int) -> str:
    """A dataset with one dotted key of `parts` parts (an unknown key, once parsed)."""
    return "a" + ".a" * (parts - 1) + " = 1\n" + open_periods(1)


def services_everywhere(count: int) -> str:
    """`count` services and `count` centres of one period, each centre listing every service:
    the directory's services table and each centre's list grow with count²."""
    parts = [HEAD, _period(0, FIRST_DAY, None)]
    parts += [
        f'\n[[services]]\nid = "s{i}x"\ngroup = "advice"\nname = {{ pl = "Usługa {i}", en = "Service {i}" }}\n'
        f'sources = ["src"]\n'
        for i in range(count)
    ]
    listed = ", ".join(f'"s{i}x"' for i in range(count))
    parts += [
        f'\n[[centres]]\nid = "c{i}"\nperiod = "p0"\nname = "Ośrodek {i}"\nservices = [{listed}]\nsources = ["src"]\n'
        for i in range(count)
    ]
    return "".join(parts) + _counties()


def one_period_many_centres(count: int) -> str:
    """`count` centres of one period, as small as a centre can be: the directory of that period
    (PDF, Word) gives each centre its own page."""
    parts = [HEAD, _period(0, FIRST_DAY, None)]
    parts += [
        f'\n[[centres]]\nid = "c{i}"\nperiod = "p0"\nname = "Ośrodek {i}"\nsources = ["src"]\n' for i in range(count)
    ]
    return "".join(parts) + _counties()


def national_open_periods(count: int) -> str:
    """`count` open-ended periods as `open_periods` makes them, over all 380 counties of Poland:
    the spreadsheet's sheet of every county in every period has 380 × `count` rows."""
    import json
    from pathlib import Path

    register = json.loads((Path(__file__).resolve().parent.parent / "data" / "teryt.json").read_text("utf-8"))
    codes = ", ".join(f'"{code}"' for code in sorted(register["voivodeships"]))
    counties = "".join(
        f'\n[[counties]]\nteryt = "{code}"\nname = "{name}"\nkind = "{kind}"\nsources = ["src"]\n'
        for code, (name, kind) in sorted(register["counties"].items())
    )
    head = HEAD.replace(
        'region = { teryt = "08", name = "lubuskie" }', f'region = {{ teryt = [{codes}], name = "Polska" }}'
    )
    parts = [head]
    for i in range(count):
        parts.append(_period(i, FIRST_DAY + timedelta(days=i), None))
        parts.append(_centre(i, []))
    return "".join(parts) + counties
