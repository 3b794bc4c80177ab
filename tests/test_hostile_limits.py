"""Datasets made to be large: answers stay right, work stays linear, errors stay bounded.

Speed itself is measured by benchmarks/hostile_datasets.py, never by a
timed test; here the fast paths are checked against the plain definitions
they replace, and the limits against what a user sees.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import big_datasets
import pytest
from conftest import Owes
from hypothesis import given, settings
from hypothesis import strategies as st

from owes_cli.domain import dataset as dataset_module
from owes_cli.domain import periods
from owes_cli.domain.dataset import MAX_KEY_PARTS, MAX_PROBLEMS
from owes_cli.domain.dataset.crossref import Confirmed, overlaps
from owes_cli.errors import MAX_LISTED_PROBLEMS, ExitCode


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# Fast paths give the answers of the plain definitions
# --------------------------------------------------------------------------


def test_an_open_period_ends_where_the_next_begins(tmp_path: Path) -> None:
    loaded = dataset_module.load(write(tmp_path, big_datasets.open_periods(40)))
    for period in loaded.periods.values():
        later = [p.first_day() for p in loaded.periods.values() if p.first_day() > period.first_day()]
        expected_end = min(later) - timedelta(days=1) if later else None
        assert periods.period_span(loaded, period) == (period.first_day(), expected_end)
    assert [c.id for c in loaded.centres_in("p7")] == ["c7"]
    assert loaded.centres_in("nothing") == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 30), st.booleans()),
        max_size=12,
    )
)
def test_sorted_overlap_check_finds_every_overlapping_pair(raw: list[tuple[int, int, bool]]) -> None:
    day = date(2000, 1, 1)
    spans = [
        Confirmed(day + timedelta(start), None if open_end else day + timedelta(start + length), i, f"c[{i}]", f"c{i}")
        for i, (start, length, open_end) in enumerate(raw)
    ]

    def overlap(a: Confirmed, b: Confirmed) -> bool:
        return (a.end is None or b.start <= a.end) and (b.end is None or a.start <= b.end)

    every_pair = [(later, earlier) for later in spans for earlier in spans[: later.order] if overlap(later, earlier)]
    assert overlaps(spans) == every_pair


def test_a_county_with_three_centres_at_once_names_each_pair(owes: Owes, tmp_path: Path) -> None:
    text = big_datasets.every_county_each_period(3).replace('to = "1950-01-02"', 'to = "1950-01-06"')
    text = text.replace('to = "1950-01-04"', 'to = "1950-01-06"')
    path = write(tmp_path, text)
    run = owes("validate", str(path))
    assert run.exit_code == ExitCode.INVALID_DATASET
    pairs = [line.split("]: ", 1)[1] for line in run.stderr.splitlines()[1:]]
    expected = [
        f"county {code} has two centres at the same time: c{a} and c{b}"
        for a, b in ((1, 0), (2, 0), (2, 1))
        for code, _, _ in big_datasets.COUNTIES
    ]
    assert sorted(pairs) == sorted(expected)


# --------------------------------------------------------------------------
# Refused before parsing
# --------------------------------------------------------------------------


def test_a_dotted_key_at_the_limit_is_parsed_and_one_over_is_refused(owes: Owes, tmp_path: Path) -> None:
    path = write(tmp_path, big_datasets.deep_key(MAX_KEY_PARTS))
    run = owes("validate", str(path))
    assert run.stderr.endswith(": a: unknown key “a”\n")  # parsed: the key is only unknown
    path = write(tmp_path, big_datasets.deep_key(MAX_KEY_PARTS + 1))
    run = owes("validate", str(path))
    assert run.stderr.endswith(f": line 1: a dotted key has more than {MAX_KEY_PARTS} parts\n")
    # 40,000 parts took tomllib 22 s; refused, it costs one scan of the text.
    path = write(tmp_path, big_datasets.deep_key(40_000))
    assert owes("counties", "--data", str(path)).stderr.endswith(f"more than {MAX_KEY_PARTS} parts\n")


def test_dots_inside_strings_and_comments_are_not_keys(owes: Owes, tmp_path: Path) -> None:
    dots = ".a" * (MAX_KEY_PARTS + 5)
    text = big_datasets.open_periods(1).replace('title = "Źródło testowe"', f'title = "x{dots}"  # y{dots}')
    text = text.replace('programme = "Program"', f"programme = '''z{dots}\n{dots}'''")
    run = owes("validate", str(write(tmp_path, text)))
    assert (run.exit_code, run.stderr) == (ExitCode.OK, "")


# --------------------------------------------------------------------------
# Bounded errors
# --------------------------------------------------------------------------


def test_other_commands_list_fifty_problems_and_point_to_validate(owes: Owes, tmp_path: Path) -> None:
    path = write(tmp_path, big_datasets.many_problems(30))  # 120 problems
    for lang, more in (("en", "…and 70 more: owes validate"), ("pl", "…i 70 więcej: owes validate")):
        run = owes("counties", "--data", str(path), "--lang", lang)
        lines = run.stderr.splitlines()
        assert run.exit_code == ExitCode.INVALID_DATASET
        assert len(lines) == 1 + MAX_LISTED_PROBLEMS + 1
        assert "120" in lines[0]
        assert lines[-1] == f"  {more} {path}"
    run = owes("validate", str(path))
    assert len(run.stderr.splitlines()) == 1 + 120
    assert "more: owes validate" not in run.stderr


def test_validate_stops_collecting_at_its_maximum(owes: Owes, tmp_path: Path) -> None:
    path = write(tmp_path, big_datasets.many_problems(MAX_PROBLEMS))  # 4,000 problems
    run = owes("validate", str(path))
    lines = run.stderr.splitlines()
    assert run.exit_code == ExitCode.INVALID_DATASET
    assert len(lines) == 1 + MAX_PROBLEMS + 1
    assert lines[-1] == f"  {path}: the check stopped after {MAX_PROBLEMS} problems"
    run = owes("which-centre", "--county", "żarski", "--data", str(path))
    assert len(run.stderr.splitlines()) == 1 + MAX_LISTED_PROBLEMS + 1


def test_a_web_page_past_its_answer_limit_is_refused_before_any_work(owes: Owes, tmp_path: Path) -> None:
    """Issue 20: a page holds each county's answer for each run of days, so 100 open-ended
    periods over all 380 counties of Poland (52 KB) would make 38,380 answers, a 28 MB page and
    4.6 s of work. Counting them is enough to refuse, in the reader's language, writing nothing."""
    path = write(tmp_path, big_datasets.national_open_periods(100))
    target = tmp_path / "page.html"
    for lang, says, limit in (
        ("en", "The page would hold 38,380 answers (380 counties × 101 runs of days", "10,000"),
        # A comma is the Polish decimal sign: thousands are grouped with a no-break space.
        ("pl", "Strona miałaby 38\u00a0380 odpowiedzi (380 powiatów × 101 okresów", "10\u00a0000"),
    ):
        run = owes("export", "-o", str(target), "--data", str(path), "--lang", lang)
        assert run.exit_code == ExitCode.CANNOT_WRITE
        assert run.stdout == ""
        assert says in run.stderr and limit in run.stderr and "Traceback" not in run.stderr
        assert list(tmp_path.iterdir()) == [path]


def test_a_web_page_at_its_answer_limit_is_written(tmp_path: Path) -> None:
    """The limit counts what the page holds: the bundled data's 14 counties × 8 runs of days."""
    from owes_cli import Directory
    from owes_cli.errors import CannotWriteError

    directory = Directory.load(lang="en", today=date(2026, 12, 6))
    page = directory.web_page(max_answers=112)
    assert sorted(page.by_county) == sorted(directory.dataset.counties)
    assert all(len(steps) == 8 for steps in page.by_county.values())
    with pytest.raises(CannotWriteError) as refused:
        directory.web_page(max_answers=111)
    assert "would hold 112 answers (14 counties × 8 runs of days" in refused.value.message("en")


def test_a_spreadsheet_past_its_row_limit_is_refused_before_any_work(owes: Owes, tmp_path: Path) -> None:
    """Issue 20: "Counties by period" has a row for each county in each period; 1,084 open-ended
    periods over Poland's 380 counties (256 KiB) made 411,920 rows and 9.9 s of work. Past 100,000
    rows the export is refused in the reader's language, pointing to one county's periods."""
    path = write(tmp_path, big_datasets.national_open_periods(300))
    target = tmp_path / "periods.xlsx"
    for lang, says, limit, hint in (
        ("en", 'The sheet "Counties by period" would have 114,001 rows', "100,000", "owes history --county COUNTY"),
        (
            "pl",
            "Arkusz „Powiaty w okresach” miałby 114\u00a0001 wierszy",
            "100\u00a0000",
            "owes history --county POWIAT",
        ),
    ):
        run = owes("export", "-o", str(target), "--data", str(path), "--lang", lang)
        assert run.exit_code == ExitCode.CANNOT_WRITE
        assert says in run.stderr and limit in run.stderr and hint in run.stderr
        assert "Traceback" not in run.stderr
        assert list(tmp_path.iterdir()) == [path]


# --------------------------------------------------------------------------
# PDF and Word: a document too big to draw quickly is refused before it is drawn
# --------------------------------------------------------------------------


def test_a_directory_past_its_part_limit_is_refused_before_it_is_drawn(owes: Owes, tmp_path: Path) -> None:
    """Issue 20: 3,242 centres of one period (256 KiB) made a PDF directory of 47.9 s and a Word one
    of over a minute. Past MAX_PARTS parts the export is refused in the reader's language, writing
    nothing, and pointing to smaller documents: 400 centres make 6,481 parts."""
    path = write(tmp_path, big_datasets.one_period_many_centres(400))
    for lang, target, says, hint in (
        ("en", "all.pdf", "The document would hold 6,481 parts", "one centre (--centre ID)"),
        ("pl", "all.docx", "Dokument miałby 6", "jeden ośrodek (--centre ID)"),
    ):
        run = owes("export", "-o", str(tmp_path / target), "--data", str(path), "--lang", lang)
        assert run.exit_code == ExitCode.CANNOT_WRITE
        assert run.stdout == ""
        assert says in run.stderr and hint in run.stderr and "Traceback" not in run.stderr
        assert "xlsx" in run.stderr and "owes centres --format csv" in run.stderr
        assert list(tmp_path.iterdir()) == [path]
    assert "at most 5,000" in owes("export", "-o", "-", "--format", "pdf", "--data", str(path)).stderr


def test_a_fact_sheet_past_its_part_limit_is_refused(owes: Owes, tmp_path: Path) -> None:
    """A county whose coverage no source gives lists every centre of the period: 3,242 made a
    239-page "one-page" sheet in 12 s. Past MAX_SHEET_PARTS the sheet is refused, naming the
    command that lists those centres."""
    path = write(tmp_path, big_datasets.one_period_many_centres(500))
    for lang, says, hint in (
        ("en", "The fact sheet would hold 503 parts", "at most 300"),
        ("pl", "Karta miałaby 503 części", "najwyżej 300"),
    ):
        target = tmp_path / "żarski.pdf"
        run = owes("export", "--county", "żarski", "-o", str(target), "--data", str(path), "--lang", lang)
        assert run.exit_code == ExitCode.CANNOT_WRITE
        assert says in run.stderr and hint in run.stderr and "which-centre" in run.stderr
        assert list(tmp_path.iterdir()) == [path]


def test_a_refused_document_loads_no_pdf_library(tmp_path: Path) -> None:
    """Refused before the work: the document is counted, never drawn (fpdf2 is not even imported)."""
    import subprocess
    import sys

    from conftest import BASE_ENV

    path = write(tmp_path, big_datasets.one_period_many_centres(400))
    probe = (
        "import sys\nfrom owes_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    print(done.code, 'fpdf' in sys.modules)"
    )
    args = [sys.executable, "-c", probe, "export", "-o", str(tmp_path / "a.pdf"), "--data", str(path)]
    done = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **BASE_ENV}, check=False)
    assert done.stdout.split() == [str(int(ExitCode.CANNOT_WRITE)), "False"], done.stderr


@pytest.mark.parametrize("sheet", [False, True])
def test_a_document_at_its_part_limit_is_written(
    owes: Owes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheet: bool
) -> None:
    """The limit is on what the document holds: one exactly at it is written, one part more is not."""
    from owes_cli import Directory
    from owes_cli.layout import report

    path = write(tmp_path, big_datasets.one_period_many_centres(12))
    held = report.parts(Directory.load(path, lang="en").document(county="żarski" if sheet else None))
    where = ["--county", "żarski"] if sheet else []
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(report, "MAX_SHEET_PARTS" if sheet else "MAX_PARTS", held)
    written = owes("export", *where, "-o", str(target), "--data", str(path))
    assert written.exit_code == 0, written.stderr
    assert target.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(report, "MAX_SHEET_PARTS" if sheet else "MAX_PARTS", held - 1)
    refused = owes("export", *where, "-o", str(tmp_path / "again.pdf"), "--data", str(path))
    assert refused.exit_code == ExitCode.CANNOT_WRITE
    assert f"would hold {held} parts" in refused.stderr and f"at most {held - 1} " in refused.stderr


def test_real_data_is_never_refused_as_too_big(tmp_path: Path) -> None:
    """The bundled data on every day a period starts or ends, and a dataset shaped like all of Poland
    (benchmarks/synthetic_datasets.py national, 3 and 7 periods), stay well within both limits."""
    from test_regions import synthetic

    from owes_cli import Directory
    from owes_cli.layout.report import MAX_PARTS, MAX_SHEET_PARTS

    def within(directory: Directory, **asked: Any) -> bool:
        return bool(directory.document(**asked, max_parts=MAX_PARTS, max_sheet_parts=MAX_SHEET_PARTS).blocks)

    for lang in ("pl", "en"):
        bundled = Directory.load(lang=lang)
        days = {date(2014, 6, 1), date(2017, 1, 1), date(2026, 12, 6)}
        for period in bundled.dataset.periods.values():
            first = period.first_day()
            days |= {first, first - timedelta(days=1)}
            last = period.last_day()
            if last is not None:
                days.add(last + timedelta(days=1))
        for day in sorted(days):
            assert within(bundled, on=day)
        for day in (date(2014, 6, 1), date(2017, 1, 1), date(2026, 12, 6)):
            for county in bundled.dataset.counties:
                assert within(bundled, on=day, county=county)
        for centre in bundled.dataset.centres:
            assert within(bundled, centre=centre)
    for count in (3, 7):
        national = Directory.load(write(tmp_path, synthetic.national(count)), lang="en")
        for period in national.dataset.periods.values():
            assert within(national, on=period.first_day())
