"""The county fact sheet (`owes export --county X`): one A4 page for every county, today and in 2014.

Made in-process (Directory.document, then the renderers) for speed; the
command line makes the same call (tests/test_export.py exports through it).
PDFs are read back with pypdf, Word files with python-docx: no page break,
a map picture that leaves the page room, and text within what one page
holds beside it (LibreOffice renders the longest of them on one page).
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from functools import cache

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from owes_cli import Directory
from owes_cli.render import pdf, word

MADE = datetime(2026, 6, 1, tzinfo=UTC)
DAYS = {"today": date(2026, 6, 1), "2014": date(2014, 6, 1), "2017": date(2017, 1, 1)}
COUNTIES = tuple(f"08{n:02d}" for n in range(1, 13)) + ("0861", "0862")  # the 14 counties of Lubuskie
# Characters of text a sheet's Word file may hold: its longest (powiat strzelecko-drezdenecki in
# 2017, thirteen sources) has about 2,770 and LibreOffice sets it on one page with room to spare.
WORD_TEXT_BUDGET = 3000


@cache
def directory(lang: str) -> Directory:
    return Directory.load(lang=lang)


def sheet(county: str, day: str, lang: str):  # type: ignore[no-untyped-def]
    return directory(lang).document(county=county, on=DAYS[day], generated=MADE)


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("day", DAYS)
def test_the_pdf_fact_sheet_is_one_page_for_every_county(day: str, lang: str) -> None:
    for county in COUNTIES:
        reader = pypdf.PdfReader(io.BytesIO(pdf.render(sheet(county, day, lang))))
        assert len(reader.pages) == 1, county
        text = " ".join(reader.pages[0].extract_text().split())
        question = {"pl": "Który OWES obsługuje ", "en": "Which OWES serves "}[lang]
        assert text.startswith(question), county
        assert {"pl": "Wygenerowano 2026-06-01 programem owes", "en": "Generated 2026-06-01 by owes"}[lang] in text


# The sheets with the most to say: asked by a name other voivodeships share too (a note on it), or for
# a place named twice in its county (Biecz: a gmina and its town, two notes). On 2017-01-01, with
# thirteen sources, Biecz's ran to a second page.
CROWDED = ({"county": "gorzowski"}, {"county": "zielonogórski"}, {"place": "Biecz"}, {"place": "Olbrachtów"})


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_crowded_pdf_sheets_are_one_page_on_every_day(lang: str) -> None:
    for day, on in DAYS.items():
        for asked in CROWDED:
            report = directory(lang).document(
                on=on, generated=MADE, county=asked.get("county"), place=asked.get("place")
            )
            reader = pypdf.PdfReader(io.BytesIO(pdf.render(report)))
            assert len(reader.pages) == 1, (day, asked)


@pytest.mark.parametrize(("day", "lang"), [("today", "pl"), ("2014", "en")])  # a Word file's map picture is slow
def test_the_word_fact_sheet_has_no_page_break_and_fits_a_page(day: str, lang: str) -> None:
    for county in COUNTIES:
        document = docx.Document(io.BytesIO(word.render(sheet(county, day, lang))))
        body = document.element.body
        assert not body.xpath(".//w:br[@w:type='page']"), county
        assert not body.xpath(".//w:pageBreakBefore"), county
        assert len(document.sections) == 1
        text = "".join(body.xpath(".//w:t/text()"))
        assert len(text) <= WORD_TEXT_BUDGET, (county, len(text))
        pictures = document.inline_shapes
        assert len(pictures) == 1 and pictures[0].width <= Mm(70), county  # the map beside the text
        # The candidates and the map side by side, in one row that never splits.
        row = document.tables[-1].rows[0]
        assert row._tr.get_or_add_trPr().find(qn("w:cantSplit")) is not None


def test_the_sheet_answers_in_a_box_and_other_centres_get_two_lines() -> None:
    unknown = sheet("0811", "today", "en")
    box = next(block for block in unknown.blocks if getattr(block, "tone", None) == "answer")
    text = "".join(run.text for run in box.runs)
    assert text.startswith("Our sources do not say which of these two centres serves powiat żarski.")
    # The two candidates by name, in bold: the answer's own (issue 22).
    candidates = [run.text for run in box.runs if run.bold][1:]
    assert len(candidates) == 2 and "Zielonej Górze" in candidates[0] and "Gorzowie" in candidates[1]
    # The last confirmed centre, marked as the past: its name and seat on one line, not bold.
    last = text.split("In the past — last confirmed (2013-03 – 2015-09):\n", 1)[1].split("\n")
    assert last[0] == "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego (Seat: Zielona Góra)"
    assert not any(run.bold and "subregionu" in run.text for run in box.runs)
    confirmed = sheet("0811", "2014", "pl")
    box = next(block for block in confirmed.blocks if getattr(block, "tone", None) == "answer")
    assert "".join(run.text for run in box.runs).startswith(
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego\nPewne: wskazują go źródła nr 1, 2, 3."
    )
    assert confirmed.title == "Który OWES obsługuje powiat żarski?"
    assert confirmed.author == "Ośrodki Wsparcia Ekonomii Społecznej w województwie lubuskim"


def test_the_sheet_says_how_to_reach_each_candidate() -> None:
    text = " ".join(
        pypdf.PdfReader(io.BytesIO(pdf.render(sheet("0811", "today", "en")))).pages[0].extract_text().split()
    ).replace("\u200b", "")
    # No website in the sources: the page a source describes the centre on, printed in full.
    assert "Not in our sources: address, phone, e-mail, website; described at: https://fundacjacp.org/?p=4486" in text
    assert (
        "Run by: Stowarzyszenie Wspierania Małej Przedsiębiorczości w Dobiegniewie (lead); "
        "partners: Stowarzyszenie Pracowników Służb Społecznych „Krąg”, Stowarzyszenie „Zielona Dolina Odry i Warty”"
    ) in text


@pytest.mark.parametrize(
    ("lang", "asked", "says"),
    [
        ("en", {"place": "Olbrachtów"}, "Olbrachtów lies in powiat żarski."),
        ("pl", {"place": "w Olbrachtowie"}, "Olbrachtów leży w powiecie żarskim."),
        ("en", {"at": "51.6417,15.1381"}, "lies in powiat żarski."),
    ],
)
def test_a_sheet_asked_by_place_or_point_names_where_it_lies(lang: str, asked: dict[str, str], says: str) -> None:
    document = directory(lang).document(on=DAYS["today"], generated=MADE, place=asked.get("place"), at=asked.get("at"))
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.render(document))).pages)
    assert says in " ".join(text.replace("\xa0", " ").split())
    # The heading asks about the place asked for (issue 22); the sentence above says its county.
    assert document.about in document.title and document.about != "żarski"


def test_a_sheet_is_of_a_centre_or_of_a_place_not_both() -> None:
    from owes_cli.errors import UsageError

    with pytest.raises(UsageError):
        directory("en").document(centre="gorzow-2013", place="Żary")
