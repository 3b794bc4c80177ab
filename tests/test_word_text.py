"""The Word renderer writes its body as XML text (render/word.py's _Body): what a reader sees in Word
must be the text the report holds, whatever characters it has, with its links and page breaks."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
import pytest

from owes_cli.layout import Bullets, Fields, Heading, PageBreak, Paragraph, Run, Table
from owes_cli.layout.report import Report
from owes_cli.render import word

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AWKWARD = 'Fish & Chips <Ltd> "quoted" ]]> Łódź'


def report(*blocks: object) -> Report:
    return Report(
        lang="en",
        title="Title",
        subtitle="Subtitle",
        subject="subject",
        keywords="",
        running_head="Head",
        generated=datetime(2026, 12, 6, 12, tzinfo=UTC),
        blocks=tuple(blocks),  # type: ignore[arg-type]
    )


def opened(*blocks: object) -> docx.document.Document:
    return docx.Document(io.BytesIO(word.render(report(*blocks))))


def paragraphs(document: docx.document.Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


@pytest.mark.parametrize(
    "block",
    [
        Heading(AWKWARD, 1),
        Paragraph((Run(AWKWARD),)),
        Paragraph((Run(AWKWARD),), tone="small"),
        Paragraph((Run(AWKWARD),), tone="notice"),
        Bullets(((0, (Run(AWKWARD),)),)),
        Bullets(((0, (Run(AWKWARD),)),), numbered=True),
    ],
)
def test_markup_characters_read_as_written(block: object) -> None:
    assert AWKWARD in paragraphs(opened(block))


def test_table_and_field_cells_read_as_written() -> None:
    document = opened(
        Fields(((AWKWARD, (Run(AWKWARD),)),)),
        Table(("Head", AWKWARD), (((Run(AWKWARD),), (Run("x"),)),), widths=(1, 1)),
    )
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert cells == [AWKWARD, AWKWARD, "Head", AWKWARD, AWKWARD, "x"]


def test_spaces_tabs_and_line_breaks_kept() -> None:
    document = opened(Paragraph((Run("  two spaces before, one after "), Run("line\nbreak"))))
    texts = paragraphs(document)
    assert "  two spaces before, one after line\nbreak" in texts


def test_each_address_linked_once_to_itself() -> None:
    first, second = "https://example.org/a?b=1&c=2", "https://example.org/other"
    document = opened(
        Paragraph((Run("see "), Run(first, url=first))),
        Bullets(((0, (Run(first, url=first),)), (0, (Run(second, url=second),)))),
    )
    links = [element for element in document.element.body.iter(f"{W}hyperlink")]
    rels = document.part.rels
    targets = [
        rels[link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")] for link in links
    ]
    assert [rel.target_ref for rel in targets] == [first, first, second]
    assert len({rel.rId for rel in targets}) == 2  # one relationship for each address
    assert [link.xpath("string(.)") for link in links] == [first, first, second]


def test_block_after_page_break_starts_a_page() -> None:
    document = opened(
        Heading("First", 1),
        PageBreak(),
        Table(("A", "B"), (((Run("1"),), (Run("2"),)),), widths=(1, 1)),
        PageBreak(),
        Heading("Third", 1),
    )
    starting = [
        paragraph.xpath("string(.)")
        for paragraph in document.element.body.iter(f"{W}p")
        if paragraph.find(f"{W}pPr/{W}pageBreakBefore") is not None
    ]
    assert starting == ["A", "Third"]  # the table's first cell, and the heading
