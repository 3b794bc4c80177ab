"""How the PDF and Word documents are set, read back as a reader's software sees them.

Every kind of document (the directory today and in 2014 in both languages, a
centre, a county today and in 2014) is exported once and then checked: no
page under a fifth full, web addresses broken only where they may be, no
Polish one-letter word at a line's end, Word rows that never split.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any, cast

import docx
import pypdf
import pytest
from conftest import PROJECT, run_owes
from docx.oxml.ns import qn

from owes_cli.layout import typography

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01 00:00 UTC
MM_PER_POINT = 25.4 / 72
MARGIN_MM, PAGE_MM = 20.0, 297.0
FIFTH = 0.2

DOCUMENTS = {
    "directory-pl": ("--lang", "pl"),
    "directory-en": ("--lang", "en"),
    "directory-2014-pl": ("--lang", "pl", "--on", "2014-06-01"),
    "directory-2014-en": ("--lang", "en", "--on", "2014-06-01"),
    "directory-2017-pl": ("--lang", "pl", "--on", "2017-01-01"),  # its source list runs onto a second page
    "centre-pl": ("--lang", "pl", "--centre", "gorzow-2024"),
    "centre-2013-en": ("--lang", "en", "--centre", "zielona-gora-2013"),
    "county-pl": ("--lang", "pl", "--county", "żarski"),
    "county-2014-en": ("--lang", "en", "--county", "żarski", "--on", "2014-06-01"),
}
BREAK_AFTER = "/.-?&="
ONE_LETTER_AT_END = re.compile(r"(?:^|\s)[aiouwzAIOUWZ]$")


def export(directory: Path, name: str, *args: str, env: dict[str, str] | None = None) -> Path:
    target = directory / name
    run = run_owes("export", "-o", str(target), *args, env={**EPOCH, **(env or {})})
    assert (run.exit_code, run.stderr.count("\n")) == (0, 1)  # the one line that says what was written
    assert run.stderr.endswith(f": {target}\n")
    return target


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("documents")
    made = {}
    for name, args in DOCUMENTS.items():
        for suffix in ("pdf", "docx"):
            made[f"{name}.{suffix}"] = export(directory, f"{name}.{suffix}", *args)
    return made


def lowest_text(page: pypdf.PageObject) -> float:
    """How far down the page (mm from its top) the body's last line of text stands; the running head
    and the footer are left out."""
    height = float(page.mediabox.height)
    lows = [MARGIN_MM]

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            y = (height - (tm[5] * cm[3] + cm[5])) * MM_PER_POINT
            if MARGIN_MM <= y <= PAGE_MM - MARGIN_MM + 1:
                lows.append(y)

    page.extract_text(visitor_text=visit)
    return max(lows)


def printed_lines(path: Path) -> list[str]:
    """The PDF's lines of text as a reader copies them."""
    reader = pypdf.PdfReader(path)
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def link_targets(path: Path) -> set[str]:
    reader = pypdf.PdfReader(path)
    return {a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", [])}


def illegal_breaks(url: str, pieces: list[str]) -> list[str]:
    """Where a URL printed as `pieces` (one per line) is broken other than after / . - ? & =, or inside
    its scheme or a label of its domain."""
    scheme_end = url.find("://") + 3 if "://" in url else 0
    host_end = url.find("/", scheme_end) if "/" in url[scheme_end:] else len(url)
    wrong, at = [], 0
    for piece in pieces[:-1]:
        at += len(piece)
        before = url[at - 1]
        if at < scheme_end or before not in BREAK_AFTER or (scheme_end < at < host_end and before != "."):
            wrong.append(f"{url[:at]} | {url[at:]}")
    return wrong


def where_printed(url: str, lines: list[str]) -> list[str] | None:
    """The pieces of `url` as printed over consecutive lines, or None when it is not printed."""
    pattern = "\n?".join(re.escape(char) for char in url)
    found = re.search(pattern, "\n".join(lines))
    return found.group().split("\n") if found else None


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_pdf_page_is_under_a_fifth_full(documents: dict[str, Path], name: str) -> None:
    reader = pypdf.PdfReader(documents[f"{name}.pdf"])
    room = PAGE_MM - 2 * MARGIN_MM
    fills = [round((lowest_text(page) - MARGIN_MM) / room, 2) for page in reader.pages]
    assert min(fills) >= FIFTH, fills


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_web_addresses_break_only_where_a_reader_can_type_them_back(documents: dict[str, Path], name: str) -> None:
    path = documents[f"{name}.pdf"]
    lines = printed_lines(path)
    printed = 0
    for url in sorted(link_targets(path)):
        pieces = where_printed(url, lines)
        if pieces is None:
            continue  # a link behind other words (a document's title)
        printed += 1
        assert illegal_breaks(url, pieces) == [], url
    assert printed


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n.endswith("pl") or "-pl" in n])
def test_pdf_lines_never_end_in_a_one_letter_word(documents: dict[str, Path], name: str) -> None:
    ended = [line for line in printed_lines(documents[f"{name}.pdf"]) if ONE_LETTER_AT_END.search(line.rstrip())]
    assert ended == []


def test_a_long_web_address_is_printed_whole_over_several_lines(documents: dict[str, Path]) -> None:
    lines = printed_lines(documents["directory-pl.pdf"])
    url = (
        "https://rpo.lubuskie.pl/en/-/ogloszenie-naboru-nr-felb-06-10-iz-00-001-23-w-ramach-dzialania-6-10-"
        "przedsiebiorczosc-spoleczna-priorytetu-6-fundusze-europejskie-na-wsparcie-dla-oby"
    )
    pieces = where_printed(url, lines)
    assert pieces is not None and len(pieces) >= 2
    assert illegal_breaks(url, pieces) == []


def test_a_centre_name_longer_than_a_page_is_cut_in_the_table_and_whole_in_its_section(tmp_path: Path) -> None:
    # issue 14, item 2: the directory table could not draw a row taller than a page.
    minimal = (PROJECT / "tests" / "datasets" / "minimal.toml").read_text(encoding="utf-8")
    name = "Ośrodek Wsparcia Ekonomii Społecznej " * 60 + "Koniec"
    assert 'name = "Ośrodek testowy"' in minimal
    dataset = tmp_path / "long.toml"
    dataset.write_text(minimal.replace('name = "Ośrodek testowy"', f'name = "{name}"'), encoding="utf-8")
    env = {"OWES_DATA": str(dataset)}
    pdf = export(tmp_path, "long.pdf", "--on", "2014-06-01", "--lang", "pl", env=env)
    text = " ".join(printed_lines(pdf))
    assert "…" in text  # the table's cell, cut short
    assert "Koniec" in text  # the section's heading, whole
    document = docx.Document(str(export(tmp_path, "long.docx", "--on", "2014-06-01", "--lang", "pl", env=env)))
    # Word would cut off a row taller than a page that may not split: that row may split.
    (row,) = [row for table in document.tables for row in table.rows if "Koniec" in row.cells[-1].text]
    assert row._tr.get_or_add_trPr().find(qn("w:cantSplit")) is None


# --------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_word_rows_never_split_and_headers_repeat(documents: dict[str, Path], name: str) -> None:
    document = docx.Document(str(documents[f"{name}.docx"]))
    rows = [row for table in document.tables for row in table.rows]
    assert rows
    for row in rows:
        keep = row._tr.get_or_add_trPr().find(qn("w:cantSplit"))
        assert keep is not None and keep.get(qn("w:val")) == "true"
    headed = [t for t in document.tables if t.rows[0]._tr.get_or_add_trPr().find(qn("w:tblHeader")) is not None]
    assert headed or not name.startswith("directory")  # the directory has its table of counties
    assert all(t.rows[0].cells[0].paragraphs[0].runs[0].bold for t in headed)


def test_word_tables_share_one_style_with_padded_cells(documents: dict[str, Path]) -> None:
    document = docx.Document(str(documents["directory-2014-pl.docx"]))
    assert {table.style.name if table.style else None for table in document.tables} == {"OWES Table"}
    style = document.styles["OWES Table"].element
    margins = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    assert margins is not None and all(int(m.get(qn("w:w"))) > 0 for m in margins)
    # Room between a heading and the table under it.
    assert document.styles["Heading 2"].paragraph_format.space_after.pt > 0


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n.endswith("pl") or "-pl" in n])
def test_word_ties_one_letter_words_and_amounts(documents: dict[str, Path], name: str) -> None:
    document = docx.Document(str(documents[f"{name}.docx"]))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    loose = [t for t in texts if re.search(r"(?:^|[\s(„])[aiouwzAIOUWZ] ", t)]
    assert loose == []
    assert any("\xa0w\xa0" in t or "w\xa0" in t for t in texts)


def test_word_and_pdf_keep_an_amount_on_one_line(documents: dict[str, Path]) -> None:
    document = docx.Document(str(documents["centre-pl.docx"]))
    assert any("35\xa0208\xa0445,68\xa0zł" in p.text for p in document.paragraphs)
    assert any("35 208 445,68 zł" in line for line in printed_lines(documents["centre-pl.pdf"]))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_word_web_addresses_break_only_where_a_reader_can_type_them_back(documents: dict[str, Path], name: str) -> None:
    path = documents[f"{name}.docx"]
    document = docx.Document(str(path))
    targets = {r.rId: r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")}
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode()
    shown = 0
    for rel_id, text in re.findall(r'<w:hyperlink r:id="(rId\d+)">.*?<w:t[^>]*>([^<]*)</w:t>', body):
        url = targets[rel_id]
        if text != url and url not in text:
            continue
        shown += 1
        assert text == url  # copied, the address is the address: nothing put into it
    assert shown


@pytest.mark.parametrize("name", DOCUMENTS)
def test_copied_text_holds_no_zero_width_space(documents: dict[str, Path], name: str) -> None:
    """A clerk who copies an address into an e-mail sends the address (issue 22): pdftotext and python-docx."""
    pdf_text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(documents[f"{name}.pdf"]), "-"], capture_output=True, check=True, text=True
    ).stdout
    word = docx.Document(str(documents[f"{name}.docx"]))
    word_text = "\n".join(word.element.body.xpath(".//w:t/text()"))
    assert "\u200b" not in pdf_text and "\u200b" not in word_text
    lines = pdf_text.splitlines()
    for url in link_targets(documents[f"{name}.pdf"]):
        pieces = where_printed(url, lines)
        assert pieces is None or "".join(pieces) == url  # whole, or with line breaks only


def document_text(path: Path) -> str:
    """A PDF's or Word file's text, whitespace folded, break marks left out."""
    if path.suffix == ".pdf":
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    else:
        text = " ".join(docx.Document(str(path)).element.body.xpath(".//w:t/text()"))
    # Word's ISO dates have non-breaking hyphens (U+2011): read as the dates they are.
    return " ".join(text.replace(typography.BREAK, "").replace("\u2011", "-").split())


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n.startswith(("directory", "centre"))])
@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_documents_print_no_internal_ids_and_number_their_sources(
    documents: dict[str, Path], name: str, suffix: str
) -> None:
    text = document_text(documents[f"{name}.{suffix}"])
    for internal in ("zielona-gora-2024", "gorzow-2013", "[obserwuj-2015]", "[swmp-2024]", "Id "):
        assert internal not in text, internal
    assert "1. " in text and "2. " in text
    # One row says which ways to reach a centre no source gives, not a row each.
    assert {"pl": "Brak w naszych źródłach", "en": "Not in our sources"}[name[-2:]] in text
    assert "Phone, e-mail not in our sources" not in text and "Telefon, e-mail brak" not in text
    # Said once, on the first page: not again in every footer.
    assert text.count({"pl": "Wygenerowano", "en": "Generated"}[name[-2:]]) == 1


def test_english_documents_are_in_english_and_counties_sort_as_people_expect(documents: dict[str, Path]) -> None:
    english = document_text(documents["directory-en.pdf"])
    assert english.startswith("Social Economy Support Centres (OWES) in Lubuskie Voivodeship Directory of centres")
    polish = document_text(documents["directory-pl.pdf"])
    assert polish.startswith("Ośrodki Wsparcia Ekonomii Społecznej w województwie lubuskim")
    # Zielona Góra (a city with county rights) just before zielonogórski, not after it.
    assert "Zielona Góra 0862 miasto na prawach powiatu" in polish
    assert polish.index("Zielona Góra 0862") < polish.index("zielonogórski 0809") < polish.index("żagański 0810")


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_dates_are_iso_and_a_centres_dates_are_told_from_its_periods(documents: dict[str, Path], suffix: str) -> None:
    text = document_text(documents[f"centre-pl.{suffix}"])
    assert "9 października" not in text and "od 2023-10-09 do 2023-11-13" in text
    # Gorzów's centre ends on 2029-06-30; its programme period on 2029-12-31: each labelled as what it is.
    assert "Działa (własne daty) 2024-01-01 – 2029-06-30" in text
    assert (
        "Okres 2024-01-01 – 2029-12-31, z dat jego ośrodków (OWES w ramach programu Fundusze Europejskie dla"
        " Lubuskiego 2021–2027)" in text
    )
    # The years of its sources and the register's date, not one misleading "data as of" day.
    assert "Dane według stanu na" not in text
    assert "Rejestr powiatów (TERYT) według stanu na 2020-01-01" in text


def test_word_names_the_program_that_made_it(documents: dict[str, Path]) -> None:
    path = documents["county-pl.docx"]
    with zipfile.ZipFile(path) as archive:
        application = archive.read("docProps/app.xml").decode()
    assert "<Application>owes " in application and "python-docx" in application
    # The program made it; the dataset's title says what it is about (issue 22), not who wrote it.
    assert docx.Document(str(path)).core_properties.author == "owes"


# --------------------------------------------------------------------------
# The typesetting rules themselves
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "typeset"),
    [
        ("Ośrodek w Zielonej Górze i Żarach", "Ośrodek w\xa0Zielonej\xa0Górze i\xa0Żarach"),
        ("Siedziba: Gorzów Wielkopolski", "Siedziba: Gorzów\xa0Wielkopolski"),
        ("a centre in Zielona Góra", "a\xa0centre in Zielona\xa0Góra"),
        ("Fundacja Rozwoju Demokracji Lokalnej", "Fundacja Rozwoju Demokracji Lokalnej"),  # running text: places only
        ("lider i 1 partner, 13 źródeł", "lider i\xa01\xa0partner, 13\xa0źródeł"),
        ("w 2016 roku, 2024-01-01 r.", "w\xa02016 roku, 2024-01-01\xa0r."),  # a year is no count
        ("a o u z W", "a\xa0o\xa0u\xa0z\xa0W"),
        ("(w domu)", "(w\xa0domu)"),
        ("9 października 2023", "9\xa0października\xa02023"),
        ("kosztem 35 208 445,68 zł", "kosztem 35\xa0208\xa0445,68\xa0zł"),
        ("2024-01-01 – 2029-06-30", "2024-01-01\xa0– 2029-06-30"),
        ("Dawid w", "Dawid w"),  # nothing follows: nothing to tie
        ("kawa i", "kawa i"),
    ],
)
def test_prose_ties_what_must_not_part(text: str, typeset: str) -> None:
    assert typography.prose(text) == typeset


def test_headings_and_names_keep_names_of_two_or_three_words_whole() -> None:
    assert typography.proper_names("Który OWES obsługuje powiat Gorzów Wielkopolski?") == (
        "Który OWES obsługuje powiat Gorzów\xa0Wielkopolski?"
    )
    assert typography.proper_names("OWES w Zielonej Górze") == "OWES w Zielonej\xa0Górze"


@pytest.mark.parametrize(
    "url",
    [
        "http://swmpdobiegniew.pl/12-start/125-bedziemy-wspierac?x=1&y=2",
        "https://www.rops.lubuskie.pl/",
        "https://fundacjacp.org/?p=4486",
        "http://obserwuj.lubuskie.pl",
        "ops-zary.example.pl/a",
    ],
)
def test_url_pieces_end_only_where_a_line_may(url: str) -> None:
    assert typography.url(url) == url  # printed as it is
    pieces = typography.url_pieces(url)
    assert "".join(pieces) == url
    assert illegal_breaks(url, pieces) == []
    assert len(pieces) > 1 or "/" not in url


def test_an_address_never_breaks_right_after_its_scheme_or_www() -> None:
    # "http://" or "https://www." alone at a line's end reads as an address cut off.
    assert typography.url_pieces("http://swmpdobiegniew.pl/a")[0] == "http://swmpdobiegniew."
    assert typography.url_pieces("https://www.echogorzowa.pl/news/")[0] == "https://www.echogorzowa."


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n.startswith("directory")])
def test_pdf_lines_never_end_in_a_bare_scheme_or_www(documents: dict[str, Path], name: str) -> None:
    ends = [line for line in printed_lines(documents[f"{name}.pdf"]) if line.endswith(("://", "www."))]
    assert ends == []


def test_a_label_keeps_a_short_last_word_with_the_one_before() -> None:
    # The directory's "Rejestr powiatów (TERYT) według stanu na" left "na" alone in its narrow column.
    assert typography.label("Rejestr powiatów (TERYT) według stanu na").endswith("stanu\xa0na")
    assert typography.label("County register (TERYT) as of").endswith("as\xa0of")
    assert typography.label("Okres") == "Okres"


def test_unprintable_text_is_replaced_before_marks_are_added() -> None:
    assert typography.BREAK not in typography.prose("a\u200bb")
    assert typography.url("http://a.pl/b") == "http://a.pl/b"


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n.startswith("directory")])
@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_a_directory_numbers_its_sources_once_and_each_centre_cites_them(
    documents: dict[str, Path], name: str, suffix: str
) -> None:
    text = document_text(documents[f"{name}.{suffix}"])
    cited, heading = {"pl": ("Źródła:", "Źródła"), "en": ("Sources:", "Sources")}[name[-2:]]
    listed = text[text.rindex(f"{heading} 1. ") :]
    # One list, numbered 1, 2, … once: "1" means the same source on every page.
    numbers = [int(n) for n in re.findall(r"(?:^| )(\d{1,2})\. (?=\S)", listed)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 2, numbers
    assert text.count(f"{heading} 1. ") == 1
    # Each centre cites its sources by those numbers, and by no number the list lacks.
    citations = re.findall(re.escape(cited) + r" ([\d, –]+)", text)
    assert len(citations) == text.count({"pl": "Prowadzi", "en": "Run by"}[name[-2:]]) >= 1
    for citation in citations:
        for part in citation.strip(" ,").split(", "):
            low, _, high = part.partition("–")
            assert 1 <= int(low) <= int(high or low) <= len(numbers), citation


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_a_centre_whose_end_no_source_gives_is_told_so_everywhere(tmp_path: Path, lang: str, suffix: str) -> None:
    # lowes-2016's period (rpo-2016) has a start and no end in our sources; the next began on 2024-01-01.
    text = document_text(export(tmp_path, f"lowes.{suffix}", "--centre", "lowes-2016", "--lang", lang))
    # No day a source does not give: neither the notice, nor the map, nor the period's dates say 2023-12-31.
    assert "2023-12-31" not in text
    notice, period, map_day = {
        "pl": (
            "Dane historyczne: końca tego okresu nie ma w naszych źródłach; następny okres zaczął się 2024-01-01",
            "Okres 2016 – brak w naszych źródłach",
            "Stan przed 2024-01-01 (początkiem następnego okresu)",
        ),
        "en": (
            "Historical: the end of this period is not in our sources; the next period began on 2024-01-01",
            "Period 2016 – not in our sources",
            "Before 2024-01-01 (when the next period began)",
        ),
    }[lang]
    assert notice in text and period in text and map_day in text


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n.startswith("directory")])
def test_a_list_going_on_to_a_next_pdf_page_repeats_its_heading(documents: dict[str, Path], name: str) -> None:
    continued = {"pl": "Źródła (cd.)", "en": "Sources (continued)"}[name[-2:]]
    for number, page in enumerate(pypdf.PdfReader(documents[f"{name}.pdf"]).pages[1:], start=2):
        running_head, first, second, *_ = page.extract_text().splitlines()
        # No page opens in the middle of a list, under no heading.
        assert not re.match(r"(\d+\.|•) ", first), (number, first)
        if first == continued:
            assert re.match(r"\d+\. ", second), (number, second)


def test_a_word_source_list_that_fits_a_page_is_kept_with_its_heading(documents: dict[str, Path]) -> None:
    paragraphs = docx.Document(str(documents["directory-2017-pl.docx"])).paragraphs
    at = max(n for n, p in enumerate(paragraphs) if p.text == "Źródła")
    listed = [p for p in paragraphs[at + 1 :] if re.match(r"\d+\. ", p.text)]
    assert len(listed) > 3
    style = paragraphs[at].style
    assert style is not None and style.name == "Heading 1"
    assert all(p.paragraph_format.keep_with_next for p in listed[:-1])


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_word_directory_pages_are_not_left_mostly_empty(documents: dict[str, Path], tmp_path: Path) -> None:
    # Printed through LibreOffice, as a clerk without Word would: the map used to go whole to page 3,
    # leaving page 2 three quarters empty (today) or half empty (2014), and a centre running a third
    # of a page over left that third alone on its page. Every page but the last is at least half full.
    names = [name for name in DOCUMENTS if name.startswith("directory")]
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",  # its own profile: others may run at the same time
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *(str(documents[f"{name}.docx"]) for name in names),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    room = PAGE_MM - 2 * MARGIN_MM
    for name in names:
        pages = pypdf.PdfReader(tmp_path / f"{name}.pdf").pages
        fills = [round((lowest_text(page) - MARGIN_MM) / room, 2) for page in pages]
        assert min(fills[:-1]) >= 0.5, (name, fills)


NO_CARLITO = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="family"><string>Carlito</string></patelt></pattern></rejectfont>
  </selectfont>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_word_fact_sheets_stay_one_page_without_calibris_widths(tmp_path: Path) -> None:
    # Where neither Calibri nor Carlito is installed, LibreOffice sets the sheet in a wider font
    # (DejaVu Sans): the tightest sheets of 2026-12-06 then ran to a second page, and those of
    # 2017-01-01 asked by name (with a note on a namesake) or for a place (Biecz, with its notes)
    # filled the page to its last 5 mm. Each keeps SLACK_MM free above its foot.
    config = tmp_path / "fonts.conf"
    config.write_text(NO_CARLITO.format(cache=tmp_path / "cache"), encoding="utf-8")
    asked = (
        ("0806", "pl", "--county", "2026-12-06"),
        ("0861", "en", "--county", "2026-12-06"),
        ("0811", "pl", "--county", "2026-12-06"),
        ("0803", "en", "--county", "2026-12-06"),
        ("Biecz", "pl", "--place", "2017-01-01"),
        ("Biecz", "en", "--place", "2026-12-06"),
        ("zielonogórski", "en", "--county", "2017-01-01"),
        ("strzelecko-drezdenecki", "pl", "--county", "2017-01-01"),
    )
    sheets = [
        export(tmp_path, f"{n}-{lang}-{on}.docx", option, subject, "--lang", lang, "--on", on)
        for n, (subject, lang, option, on) in enumerate(asked)
    ]
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            *map(str, sheets),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "FONTCONFIG_FILE": str(config)},
    )
    for sheet in sheets:
        reader = pypdf.PdfReader(tmp_path / "out" / f"{sheet.stem}.pdf")
        fonts = {
            str(font.get_object()["/BaseFont"])
            for page in reader.pages
            for font in cast(Any, page["/Resources"])["/Font"].values()
        }
        assert not any("Carlito" in font for font in fonts), fonts  # the test hid it
        assert len(reader.pages) == 1, (sheet.name, fonts)
        assert sheet_text_foot(reader.pages[0]) <= PAGE_MM - SHEET_BOTTOM_MM - SLACK_MM, sheet.name


SHEET_BOTTOM_MM = 14.0  # render/word.py's SHEET_BOTTOM_MM: the fact sheet's bottom margin
SLACK_MM = 10.0  # about two lines of its text


def sheet_text_foot(page: pypdf.PageObject) -> float:
    """How far down a fact sheet's page (mm from its top) its last line of text stands, its footer left out."""
    height = float(page.mediabox.height)
    lows = [0.0]

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = (height - (tm[5] * cm[3] + cm[5])) * MM_PER_POINT
        if text.strip() and y < PAGE_MM - SHEET_BOTTOM_MM + 2:  # the footer stands lower, 7 mm from the foot
            lows.append(y)

    page.extract_text(visitor_text=visit)
    return max(lows)
