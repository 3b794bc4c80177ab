"""One question, one answer: however it is asked and wherever it is shown.

A table of questions (counties in many forms, towns, gminas, villages, names
whose readings give one answer or several, places outside the region,
postal codes, typos, points; days before, during, between and after the
periods). For each, the JSON answer is taken as the statement of the
county, the centre or candidates, the certainty and the status; the plain
text and the CSV must say the same, a bare word must end as the option it
is read as, and for a subset (rendering a PDF takes about a second) so must
the text of the PDF and the Word fact sheets. Every question names its day:
no test here reads the clock.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

import docx
import pypdf
import pytest
from conftest import Run, run_owes

BEFORE = "2012-01-01"  # before the first known period
DURING = "2014-06-01"  # the 2013–2015 project: every county confirmed
BETWEEN = "2015-11-01"  # the project ended on 2015-09-30, the next period begins in 2016
LATER = "2017-05-01"  # the 2016 period: two centres, coverage not in our sources
NOW = "2026-11-26"  # the 2024–2029 period
AFTER = "2030-06-01"  # after the last known period ended


class Question(NamedTuple):
    option: str  # "--county", "--place" or "--at"
    text: str
    on: str

    def args(self) -> list[str]:
        return ["which-centre", self.option, self.text, "--on", self.on]

    def __str__(self) -> str:
        return f"{self.option} {self.text} @{self.on}"


QUESTIONS = [
    # Counties in many forms.
    Question("--county", "żarski", DURING),
    Question("--county", "zarski", BEFORE),
    Question("--county", "ŻARSKI", BETWEEN),
    Question("--county", "w powiecie żarskim", LATER),
    Question("--county", "pow. słubicki", DURING),
    Question("--county", "0811", NOW),
    Question("--county", "0861", DURING),
    Question("--county", "Zielona Góra", BETWEEN),
    Question("--county", "Gorzów Wlkp.", LATER),
    Question("--county", "gorzowski", BETWEEN),
    Question("--county", "gorzowski", AFTER),
    Question("--county", "zielonogórski – ziemski", DURING),
    Question("--county", "strzelecko – drezdenecki", NOW),
    Question("--county", "wschowski", LATER),
    Question("--county", "krośnieński", AFTER),
    Question("--county", "nowosolski", BEFORE),
    # Towns.
    Question("--place", "Żary", DURING),
    Question("--place", "w Żarach", NOW),
    Question("--place", "Nowa Sól", BETWEEN),
    Question("--place", "Sulęcin", LATER),
    Question("--place", "Kostrzyn nad Odrą", DURING),
    Question("--place", "Gubin", AFTER),
    # Gminas, by name, kind and code.
    Question("--place", "gmina wiejska Żary", DURING),
    Question("--place", "Bytnica", NOW),
    Question("--place", "0811102", LATER),
    # Villages, by name, SIMC id and name with its gmina.
    Question("--place", "Olbrachtów", DURING),
    Question("--place", "0918034", BETWEEN),
    Question("--place", "Nowa Wieś, gmina Bledzew", DURING),
    Question("--place", "Drzonków", NOW),
    # Names whose readings in several counties give one answer on the day.
    Question("--place", "Łagów", DURING),
    Question("--place", "Łagów", NOW),
    Question("--place", "Brody", DURING),
    Question("--place", "Trzebiechów", DURING),
    Question("--place", "Laski", DURING),
    Question("--place", "Siedlisko", DURING),
    Question("--place", "Kłodawa", DURING),
    Question("--place", "Przewóz", NOW),
    Question("--place", "Bobrowice", DURING),
    Question("--place", "Żółwin", DURING),
    # Names whose readings give different answers on the day.
    Question("--place", "Nowa Wieś", DURING),
    Question("--place", "Jamno", DURING),
    Question("--place", "Zb.", DURING),
    # Outside the region.
    Question("--place", "Głogów", DURING),
    Question("--place", "Poznań", NOW),
    Question("--place", "Tosin", DURING),
    Question("--place", "Kostrzyn", DURING),
    Question("--county", "poznański", DURING),
    # Postal codes.
    Question("--place", "68-200", DURING),
    Question("--place", "65001", NOW),
    # Typos.
    Question("--county", "żarskx", DURING),
    Question("--place", "Sulehów", DURING),
    Question("--county", "qqqqqq", DURING),
    # Points.
    Question("--at", "51.64,15.14", DURING),
    Question("--at", "51.64,15.14", BETWEEN),
    Question("--at", "52.73,15.24", LATER),
    Question("--at", "51.94,15.5", NOW),
    Question("--at", "52.4064,16.9252", DURING),
    Question("--at", "15.14,51.64", DURING),
    # The same county on every kind of day.
    Question("--county", "międzyrzecki", BEFORE),
    Question("--county", "międzyrzecki", DURING),
    Question("--county", "międzyrzecki", BETWEEN),
    Question("--county", "międzyrzecki", NOW),
    Question("--county", "międzyrzecki", AFTER),
]
# Rendered as documents too: every kind of day and of answer, and one of each failure.
DOCUMENTED = [
    Question("--county", "żarski", DURING),
    Question("--county", "gorzowski", BETWEEN),
    Question("--county", "międzyrzecki", BEFORE),
    Question("--county", "wschowski", LATER),
    Question("--county", "gorzowski", AFTER),
    Question("--place", "Łagów", DURING),
    Question("--at", "51.64,15.14", NOW),
    Question("--place", "Nowa Wieś", DURING),
    Question("--place", "Głogów", DURING),
]


@functools.cache
def asked(question: Question, fmt: str) -> Run:
    return run_owes(*question.args(), "--format", fmt)


class Expected(NamedTuple):
    """What the JSON says, which every other output must say too."""

    county: str  # "żarski (0811"
    place: str | None
    status: str
    coverage: str
    ids: list[str]  # the centre, or the candidates
    names: list[str]  # theirs, or the last confirmed centre's when none
    ended: str | None
    readings: bool


def expected(question: Question) -> Expected:
    answer: dict[str, Any] = json.loads(asked(question, "json").stdout)
    serving = [answer["centre"]] if answer["centre"] else answer["centres"]
    shown = serving or ([answer["last_confirmed"]["centre"]] if answer.get("last_confirmed") else [])
    return Expected(
        f"{answer['county']['name']} ({answer['county']['teryt']}",
        answer["place"]["name"] if "place" in answer else None,
        answer["period_status"],
        answer["coverage"],
        [c["id"] for c in serving],
        [c["name"] for c in shown],
        answer.get("period_ended"),
        "readings" in answer,
    )


def certainty(found: Expected, document: bool) -> str:
    """The words that say the status and the certainty the JSON gives, in a terminal's or a document's text."""
    if found.status == "before-first":
        return "no centre is known"
    if found.status == "between" or (found.status == "historical" and not found.ids):
        assert found.ended is not None
        return found.ended  # no centre ran: the day the period ended, which both say
    if found.coverage == "confirmed":
        return "certain" if document else "confirmed by"
    return "do not say"


def flat(text: str) -> str:
    # Documents keep dates whole with non-breaking hyphens (U+2011) and spaces.
    return " ".join(text.replace("\xa0", " ").replace("\u2011", "-").split()).casefold()


@pytest.mark.parametrize("question", QUESTIONS, ids=str)
def test_plain_text_and_csv_say_what_the_json_says(question: Question) -> None:
    answered = asked(question, "json")
    plain, table = asked(question, "plain"), asked(question, "csv")
    if answered.exit_code != 0:  # every format fails alike, with the same message
        assert {plain.exit_code, table.exit_code} == {answered.exit_code}
        assert plain.stderr == table.stderr == answered.stderr
        assert plain.stdout == table.stdout == answered.stdout == ""
        return
    found = expected(question)
    text = flat(plain.stdout)
    assert flat(found.county) in text
    if found.place is not None:
        assert flat(found.place) in text
    for name in found.names:
        assert flat(name) in text
    assert certainty(found, document=False) in text
    assert ("the answer holds for them too" in text) == found.readings
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert {(r["county_teryt"], r["period_status"], r["coverage"]) for r in rows} == {
        (found.county[-4:], found.status, found.coverage)
    }
    assert [r["centre_id"] for r in rows if r["centre_id"]] == found.ids


@pytest.mark.parametrize("question", [q for q in QUESTIONS if not q.option == "--at" or "," in q.text], ids=str)
def test_a_bare_word_ends_as_the_option_it_is_read_as(question: Question) -> None:
    bare = run_owes("which-centre", question.text, "--on", question.on, "--format", "json")
    said, _, rest = bare.stderr.partition("\n")
    reading = re.fullmatch(r'Read “.*” as [a-z ]+: (--county|--place|--at) ".*"', said)
    if reading is None:  # no reading knows the word: the one generic message
        assert bare.stderr == f"“{question.text}” is no county, place or point we know. All counties: owes counties\n"
        assert asked(question, "json").exit_code == bare.exit_code == 3
        return
    option = run_owes("which-centre", reading[1], question.text, "--on", question.on, "--format", "json")
    assert (bare.exit_code, rest) == (option.exit_code, option.stderr)
    assert without_reading(bare.stdout) == without_reading(option.stdout)
    if reading[1] == question.option:
        assert option.stdout == asked(question, "json").stdout


def without_reading(stdout: str) -> Any:
    """The JSON answer but for the note that says which reading a bare word was taken as."""
    if not stdout:
        return None
    answer = json.loads(stdout)
    answer["notes"] = [note for note in answer["notes"] if note["id"] != "read_as"]
    return answer


def document_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return " ".join([*(p.text for p in document.paragraphs), *cells])


@pytest.mark.parametrize("kind", ["pdf", "docx"])
@pytest.mark.parametrize("question", DOCUMENTED, ids=str)
def test_the_fact_sheets_say_what_the_json_says(question: Question, kind: str, tmp_path: Path) -> None:
    target = tmp_path / f"sheet.{kind}"
    run = run_owes("export", question.option, question.text, "--on", question.on, "-o", str(target), "--quiet")
    answered = asked(question, "json")
    if answered.exit_code != 0:
        assert (run.exit_code, run.stderr) == (answered.exit_code, answered.stderr)
        assert not target.exists()
        return
    assert (run.exit_code, run.stderr) == (0, "")
    found = expected(question)
    text = flat(document_text(target))
    assert "powiat " + flat(found.county.split(" (")[0]) in text
    if found.place is not None:
        assert flat(found.place) in text
    for name in found.names:
        assert flat(name) in text
    assert certainty(found, document=True) in text
