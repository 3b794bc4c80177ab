"""Issue 18, "where it is shown": one answer, the same in every output that shows it.

A day no centre ran, who runs a centre, a website only the period gives,
names rather than ids, the counties grouped on a terminal and a day in the
past: each is checked in the plain text, the JSON, the CSV, the listings
and the documents (PDF text read back), in Polish and in English.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import pypdf
import pytest
from conftest import Owes

from owes_cli import Directory
from owes_cli.render import pdf

MADE = datetime(2026, 6, 1, tzinfo=UTC)
GORZOW_2013 = "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego"
NONE_RAN = {"en": "No known centre ran on this day.", "pl": "Tego dnia nie działał żaden znany ośrodek."}


@cache
def directory(lang: str) -> Directory:
    return Directory.load(lang=lang)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def as_json(owes: Owes, *args: str) -> Any:
    run = owes(*args, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def as_csv(owes: Owes, *args: str) -> list[dict[str, str]]:
    run = owes(*args, "--format", "csv")
    assert run.exit_code == 0, run.stderr
    return list(csv.DictReader(io.StringIO(run.stdout)))


# --------------------------------------------------------------------------
# 1. A day no centre ran: between periods, after the last one, before the first
# --------------------------------------------------------------------------

# (county, day, status, the last confirmed centre's id or None)
NO_CENTRE_DAYS = [
    ("gorzowski", "2015-11-01", "between", "gorzow-2013"),
    ("żarski", "2015-12-31", "between", "zielona-gora-2013"),
    ("żarski", "2030-01-01", "historical", "zielona-gora-2013"),
    ("żarski", "2012-01-01", "before-first", None),
]


@pytest.mark.parametrize("lang", ["en", "pl"])
@pytest.mark.parametrize(("county", "day", "status", "last"), NO_CENTRE_DAYS)
def test_a_day_no_centre_ran_names_no_centre_in_any_format(
    owes: Owes, county: str, day: str, status: str, last: str | None, lang: str
) -> None:
    ask = ("which-centre", "--county", county, "--on", day, "--lang", lang)
    data = as_json(owes, *ask)
    assert (data["period_status"], data["coverage"], data["centre"], data["centres"]) == (status, "unknown", None, [])
    assert (data["last_confirmed"] or {}).get("centre", {}).get("id") == last
    rows = as_csv(owes, *ask)
    assert [(r["coverage"], r["centre_id"], r["last_confirmed_id"]) for r in rows] == [("unknown", "", last or "")]
    plain = owes(*ask, "--format", "plain").stdout
    full = owes(*ask, "--full", "--format", "plain").stdout
    if status != "before-first":
        assert NONE_RAN[lang] in plain and NONE_RAN[lang] in full
    for text in (plain, full):
        assert "confirmed by" not in text and "potwierdza:" not in text
    listed = {r["name"]: r for r in as_csv(owes, "counties", "--on", day, "--lang", lang)}
    assert (listed[county]["coverage"], listed[county]["centre_name"], listed[county]["candidates"]) == (
        "unknown",
        "",
        "",
    )
    names = {"gorzow-2013": GORZOW_2013, "zielona-gora-2013": GORZOW_2013.replace("gorzowskiego", "zielonogórskiego")}
    assert listed[county]["last_confirmed_name"] == names.get(last or "", "")


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_fact_sheet_between_periods_says_no_centre_ran_and_names_the_last_confirmed(lang: str) -> None:
    report = directory(lang).document(county="gorzowski", on=date(2015, 11, 1), generated=MADE)
    text = pdf_text(pdf.render(report))
    assert NONE_RAN[lang] in text
    last = {"en": "Last confirmed (2013-03 – 2015-09):", "pl": "Ostatnio potwierdzony (2013-03 – 2015-09):"}[lang]
    assert f"{last} {GORZOW_2013}" in text
    # Not the "how to reach" list of a centre that is running: none is.
    assert {"en": "How to reach", "pl": "Jak dotrzeć"}[lang] not in text


def test_a_confirmed_centre_that_ended_early_is_the_last_confirmed_of_its_own_period(owes: Owes, tmp_path: Any) -> None:
    """A centre of the running period whose own dates ended: the last confirmed one, said as such."""
    from test_dataset import minimal_dataset

    second = """
[[centres]]
id = "c2"
period = "p1"
name = "OWES drugi"
operators = [{ organisation = "org", role = "lead", sources = ["src"] }]
sources = ["src"]
"""
    path = tmp_path / "ended.toml"
    path.write_text(minimal_dataset(centre_extra='to = "2014-06"', extra=second), encoding="utf-8")
    ask = ("which-centre", "--county", "żarski", "--on", "2015-01-01", "--data", str(path))
    data = as_json(owes, *ask)
    assert (data["period_status"], data["coverage"], data["centre"]) == ("current", "unknown", None)
    assert [c["id"] for c in data["centres"]] == ["c2"]
    assert data["last_confirmed"]["centre"]["id"] == "c1"
    assert "last confirmed: OWES testowy (2013-03 – 2014-06)" in owes(*ask).stdout
    assert "ostatnio potwierdzony: OWES testowy" in owes(*ask, "--lang", "pl").stdout
