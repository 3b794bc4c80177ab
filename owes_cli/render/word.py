"""A `Report` as a Word document with python-docx: real styles, A4, page numbers.

Headings use Word's own Title/Heading 1/Heading 2 styles so the navigation
pane works; tables repeat their header row on every page; the proofing
language is set in the document defaults. python-docx is imported inside
`render`. The zip is rewritten with fixed timestamps so that the same report
gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import re
import textwrap
import zipfile
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from owes_cli import version
from owes_cli.layout import Bullets, Fields, Heading, Inline, Map, PageBreak, Paragraph, Table, plain_text, typography
from owes_cli.layout.report import Report
from owes_cli.render import palette

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph as DocxParagraph

WORD_LANG = {"pl": "pl-PL", "en": "en-GB"}
NO_BREAK_HYPHEN = "\u2011"
_ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")
FONT = "Calibri"  # Word's default; LibreOffice substitutes the metric-compatible Carlito

ACCENT, MUTED, RULE, HEAD_FILL = palette.ACCENT, palette.MUTED, palette.RULE, palette.HEAD_FILL
NOTICE_FILL, NOTICE_INK = palette.NOTICE_FILL, palette.NOTICE_INK

TABLE_STYLE = "OWES Table"
CELL_PADDING = {"top": 57, "bottom": 57, "left": 100, "right": 100}  # twips: 1 mm above and below, 1.8 mm aside
LONG_CELL = 1500  # characters: a cell this long may not fit on one page, even in the widest column
KEEP_AT_END = 4  # list items or field rows that go with a section's last page, so it is never near empty

KEEP_LIST = 12  # numbered items (sources with their addresses) that a page holds under their heading
MAP_WIDTH_MM = 170  # the text width: the map's names print at 7 pt or more
# The map's picture takes the room its page has left below what ends before it (the directory's county
# table, which runs a quarter to a half of a page onto its second page), as the PDF's map does: a map
# of a fixed height went to the next page whole and left that page half empty. Never shorter than
# MAP_LEAST_MM (else it starts the next page, as tall as that page holds), never taller than the page.
ROOM_MM = 297 - 2 * 20  # the body of a page: A4 within its margins
MAP_LEAST_MM = 80.0
MAP_EXTRA_MM = 30.0  # the map's heading, date line and credits, and the space between them
MAP_SLACK_MM = 8.0  # what the page-fill estimate may be short by (see _pages)
MAP_DPI = 300

# WordprocessingML names in lxml's notation ({namespace}name): its find() and findall() with these
# are several times quicker than python-docx's xpath() for so many small queries.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"


def render(report: Report) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    made_by = f"owes {version()}"  # read once: each reading looks the installed package up
    typeset = typography.typeset(report)
    _page_setup(document, one_page=report.one_page)
    _styles(document, report.lang, one_page=report.one_page)
    _table_style(document)
    _footer(document, typeset)
    _core_properties(document, report, made_by)
    _drop_template_thumbnail(document)

    body = _Body(document)
    _styled(body.paragraph(_clean(typeset.title)), "Title")
    subtitle = _styled(body.paragraph(_clean(typeset.subtitle)), "Subtitle")
    if report.one_page:
        subtitle.paragraph_format.space_after = Pt(2)
    blocks = typeset.blocks
    new_page = False
    beside = _sheet_columns(blocks) if report.one_page else None
    for index, block in enumerate(blocks):
        if beside is not None and index in beside:
            if index == beside[0]:  # how to reach the centres, with the map beside it
                heading, reach, pictured = (blocks[i] for i in beside)
                assert isinstance(heading, Heading) and isinstance(reach, Bullets) and isinstance(pictured, Map)
                _reach_and_map(body, heading, reach, pictured)
            continue
        if isinstance(block, PageBreak):
            new_page = True  # the next block starts the page: no paragraph that could spill onto a page alone
            continue
        if new_page:
            body.start_page()
        if report.one_page and isinstance(block, Map):
            _sheet_map(body, block)
        elif isinstance(block, Map):
            _map(body, block, room=_room_left(body, new_page=new_page))
        else:
            DRAW[type(block)](body, block)
        new_page = False
        if index + 1 == len(blocks) or isinstance(blocks[index + 1], PageBreak):
            _keep_end_together(body)
            if index + 1 < len(blocks) and not report.one_page:  # the document's own last page may be short
                _fill_last_page(body)

    body.flush()
    return _package(document, report.generated, _app_properties(made_by))


# --------------------------------------------------------------------------
# The document as a whole
# --------------------------------------------------------------------------


# mm: the fact sheet's top and bottom margins. Its page is full in Calibri's widths (LibreOffice: Carlito);
# where neither is installed, the text is set in a wider font (DejaVu Sans), and ran to about
# three lines on a second page. These margins leave that much slack.
SHEET_TOP_MM, SHEET_BOTTOM_MM = 10, 14


def _page_setup(document: Document, *, one_page: bool = False) -> None:
    from docx.shared import Mm

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)
        section.footer_distance = Mm(10)
        if one_page:
            section.top_margin, section.bottom_margin = Mm(SHEET_TOP_MM), Mm(SHEET_BOTTOM_MM)
            section.header_distance, section.footer_distance = Mm(5), Mm(7)


def _styles(document: Document, lang: str, *, one_page: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    # Proofing language and font for every run that does not say otherwise.
    styles_root = document.styles.element
    rpr_default = styles_root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_lang(rpr_default, WORD_LANG[lang])

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attribute), FONT)
    _set_lang(normal.element.get_or_add_rPr(), WORD_LANG[lang])

    for name, size in (("Title", 22), ("Subtitle", 13), ("Heading 1", 15), ("Heading 2", 11.5)):
        if one_page and name == "Title":  # the fact sheet's question, kept short of a third line
            size = 18
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor.from_string(MUTED if name == "Subtitle" else ACCENT)
        style.font.italic = False
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attribute), FONT)
        for theme_attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            rfonts.attrib.pop(qn(theme_attribute), None)
    document.styles["Heading 1"].paragraph_format.space_before = Pt(16)
    document.styles["Heading 2"].paragraph_format.space_before = Pt(10)
    for name, after in (("Heading 1", 5), ("Heading 2", 5), ("Subtitle", 10)):  # room above a table under it
        document.styles[name].paragraph_format.space_after = Pt(after)


def _table_style(document: Document) -> None:
    """One table style for every table: rules between rows, padded cells, a tinted bold header row.

    The cells of a table's first row are also shaded and bolded directly,
    for readers that ignore a style's header-row formatting.
    """
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    style.paragraph_format.space_after = 0
    properties = OxmlElement("w:tblPr")  # after the style's paragraph properties, as the schema orders them
    style.element.append(properties)
    properties.append(_border_set("tblBorders", ("top", "bottom", "insideH")))
    margins = OxmlElement("w:tblCellMar")
    for side, twips in CELL_PADDING.items():
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    header = OxmlElement("w:tblStylePr")
    header.set(qn("w:type"), "firstRow")
    run = OxmlElement("w:rPr")
    run.append(OxmlElement("w:b"))
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), ACCENT)
    run.append(colour)
    cell = OxmlElement("w:tcPr")
    _shade(cell, HEAD_FILL)
    header.extend([run, OxmlElement("w:tblPr"), OxmlElement("w:trPr"), cell])
    style.element.append(header)


def _set_lang(rpr: Any, value: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), value)
    lang.set(qn("w:eastAsia"), value)
    lang.set(qn("w:bidi"), value)


def _footer(document: Document, report: Report) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Inches, Mm, Pt, RGBColor

    from owes_cli.messages import t

    style = document.styles["Footer"]
    style.font.size = Pt(8)
    style.font.color.rgb = RGBColor.from_string(MUTED)
    footer = document.sections[0].footer
    # The title and the page number on one line: the title at the left, the number at the right stop.
    paragraph = _styled(footer.paragraphs[0], "Footer")
    paragraph.add_run(_clean(report.running_head))
    stops = paragraph.paragraph_format.tab_stops
    for inherited in (Inches(3.25), Inches(6.5)):  # the Footer style's own centre and right stops
        stops.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Mm(170), WD_TAB_ALIGNMENT.RIGHT)
    # The message with its placeholders left in, to put Word's fields where they stand. The day
    # the document was made is said once, on its first page, not in every footer.
    before, after = t(report.lang, "doc_page_of", page="{page}", pages="{pages}").split("{page}", 1)
    between, end = after.split("{pages}", 1)
    paragraph.add_run(f"\t{before}")
    _add_field(paragraph, "PAGE")
    paragraph.add_run(between)
    _add_field(paragraph, "NUMPAGES")
    if end:
        paragraph.add_run(end)


def _add_field(paragraph: DocxParagraph, instruction: str) -> None:
    """A field Word fills in itself, e.g. PAGE for the page number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin, separate, end = (OxmlElement("w:fldChar") for _ in range(3))
    for element, kind in ((begin, "begin"), (separate, "separate"), (end, "end")):
        element.set(qn("w:fldCharType"), kind)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    shown = OxmlElement("w:t")
    shown.text = "1"  # what a reader shows before it updates the field
    run._r.extend([begin, code, separate, shown, end])


def _core_properties(document: Document, report: Report, made_by: str) -> None:
    # Everything python-docx's template sets (author "python-docx", dates of
    # 2013, a "generated by" comment) is replaced.
    props = document.core_properties
    created = report.generated.replace(tzinfo=None)
    props.title = report.document_title()
    props.subject = report.author or report.subject  # the dataset the document is made from
    props.author = "owes"  # the dataset's title here would credit the centres with the document
    props.last_modified_by = made_by
    props.keywords = report.keywords
    props.comments = ""
    props.category = ""
    props.language = WORD_LANG[report.lang]
    props.content_status = ""
    props.identifier = ""
    props.version = made_by.removeprefix("owes ")
    props.created = created
    props.modified = created
    props.last_printed = created
    props.revision = 1


def _drop_template_thumbnail(document: Document) -> None:
    """python-docx's template carries a preview image of an unrelated page."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]


def _app_properties(made_by: str) -> bytes:
    """docProps/app.xml naming the program that made the file (the template names "Microsoft Macintosh Word")."""
    import docx

    # Escaped here: xml.sax.saxutils would import urllib.request, and with it http, ssl and email.
    application = _escaped(f"{made_by} (python-docx {docx.__version__})")
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{application}</Application><DocSecurity>0</DocSecurity>"
        "<LinksUpToDate>false</LinksUpToDate></Properties>"
    ).encode()


class _Entries:
    """Where python-docx's PackageWriter writes a package's entries (its PhysPkgWriter's `write`)."""

    def __init__(self) -> None:
        self.written: list[tuple[str, bytes]] = []

    def write(self, name: Any, blob: bytes) -> None:
        self.written.append((name.membername, blob))


def _package(document: Document, when: datetime, app_properties: bytes) -> bytes:
    """The .docx: the entries python-docx's `save` writes, in its order, each with a fixed time
    and permissions, and our own app.xml, compressed once (`save` and then a rewrite of its zip
    compressed them twice)."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    for part in package.parts:  # as OpcPackage.save: each part serialises its XML
        part.before_marshal()
    entries = _Entries()
    writer: Any = PackageWriter  # its steps, as its `write` takes them, into `entries` instead of a zip
    writer._write_content_types_stream(entries, package.parts)
    writer._write_pkg_rels(entries, package.rels)
    writer._write_parts(entries, package.parts)
    stamp = max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # a zip cannot say earlier than 1980
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in entries.written:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, app_properties if name == "docProps/app.xml" else blob)
    return out.getvalue()


# --------------------------------------------------------------------------
# The body, written as WordprocessingML text
# --------------------------------------------------------------------------


class _Body:
    """The document's body, to which each block is added as WordprocessingML text.

    python-docx makes a Python object for every paragraph, run, table row
    and cell it adds, looks each property's place up in the schema, and
    scans the whole body for the section properties before each table: a
    directory of thousands of rows took minutes (issue 20, item 6). Here a
    block (a table, a list) is one string; the blocks wait until the body
    is next read (by the page estimate, about once a section) and lxml
    parses them in one call into the elements python-docx would have made,
    in the same order, so that the document is the same to the byte. What
    is drawn once (the title, the fact sheet's box and columns, the map)
    still goes through python-docx.
    """

    def __init__(self, document: Document) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml.parser import parse_xml

        self._document = document
        self.element = document.element.body
        self._end = self.element[-1]  # the section properties, which close the body
        assert self._end.tag == f"{_W}sectPr"
        # What was added and not yet parsed: the blocks of a section are parsed together, when the
        # page estimate or python-docx next reads the body (a parse has a cost of its own).
        self._pending: list[str] = []
        self._pending_heights: list[Any] = []
        self._new_page_after: Any = _NO_PAGE_BREAK  # the element after which a page is to begin
        self._parse = parse_xml
        self._rels = document.part.rels
        self._hyperlink = RELATIONSHIP_TYPE.HYPERLINK
        self._links = {
            rel.target_ref: rel_id
            for rel_id, rel in self._rels.items()
            if rel.is_external and rel.reltype == self._hyperlink
        }
        self._next_id = 1
        # The estimated heights (mm) of what was added as text, worked out from the text it was
        # written from: for a paragraph (at a page's top, elsewhere), for a table row its height.
        # The page-fill estimate reads other elements' heights from their XML (see _pages).
        self.heights: dict[Any, Any] = {}
        # Of those, the paragraphs and rows kept with the next (w:keepNext), and the paragraphs and
        # tables that start a page (w:pageBreakBefore), as _switch_on marks them: the estimate asks
        # these sets, not the XML, whose every element read makes a python-docx object.
        self.kept: set[Any] = set()
        self.starting: set[Any] = set()

    def parsed(self, xml: str) -> list[Any]:
        """The children of one element written as text (with its namespaces declared)."""
        return list(self._parse(xml))

    def add(self, xml: str, heights: list[Any]) -> None:
        """Body elements (`w:p`, `w:tbl`) written as text, to go before the section properties, with
        their estimated heights: a paragraph's (`_estimate`, with whether it keeps with the next),
        a table's list of its rows'."""
        self._pending.append(xml)
        self._pending_heights.extend(heights)

    def start_page(self) -> None:
        """What is added next starts a new page."""
        self._new_page_after = self.end.getprevious()

    def flush(self) -> None:
        """What was added, parsed and put in the body (and the page break asked for, once there is
        something after which to put it)."""
        if self._pending:
            self._parse_pending()
        if self._new_page_after is not _NO_PAGE_BREAK:
            first = self.element[0] if self._new_page_after is None else self._new_page_after.getnext()
            if first is not self._end:
                _start_page(self, first)
                self._new_page_after = _NO_PAGE_BREAK

    def _parse_pending(self) -> None:
        elements = self.parsed(f"<w:body {_NAMESPACES}>{''.join(self._pending)}</w:body>")
        for element, height in zip(elements, self._pending_heights, strict=True):
            self._end.addprevious(element)
            if element.tag == _TBL:
                self.heights.update(zip(element.iterchildren(_TR), height, strict=True))
            else:
                self.heights[element] = height[:2]
                if height[2]:
                    self.kept.add(element)
        self._pending.clear()
        self._pending_heights.clear()

    @property
    def end(self) -> Any:
        """The section properties, which close the body: what is before them is all that was added."""
        self.flush()
        return self._end

    @property
    def document(self) -> Document:
        """The python-docx document, all that was added in it."""
        self.flush()
        return self._document

    def paragraph(self, text: str = "") -> Any:
        """An empty paragraph (or one of `text`) as python-docx's, for what is drawn through it."""
        from docx.text.paragraph import Paragraph

        for element in self.parsed(f"<w:body {_NAMESPACES}><w:p>{_plain_run(text)}</w:p></w:body>"):
            self.end.addprevious(element)  # its height is read from what python-docx makes of it
        return Paragraph(self.end.getprevious(), self._document._body)

    def link(self, url: str) -> str:
        """The id of the relationship to `url`, added once, numbered as python-docx numbers them.

        (python-docx's `relate_to` looks through every relationship for one to the
        same address, and again for a free number: the square of the links' number.)
        """
        rel_id = self._links.get(url)
        if rel_id is None:
            while f"rId{self._next_id}" in self._rels:
                self._next_id += 1
            rel_id = self._links[url] = f"rId{self._next_id}"
            self._rels.add_relationship(self._hyperlink, url, rel_id, is_external=True)
        return rel_id


_NO_PAGE_BREAK = object()
_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_RUN_BREAK = re.compile(r"([\t\n\r])")
_RUN_BREAKS = {"\t": "<w:tab/>", "\n": "<w:br/>", "\r": "<w:br/>"}


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_xml(text: str) -> str:
    """A w:t, its spaces kept where it begins or ends with one (as python-docx's CT_R.add_t marks it)."""
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{_escaped(text)}</w:t>'
    return f"<w:t>{_escaped(text)}</w:t>"


def _content(text: str) -> str:
    """A run's text as python-docx's `run.text = text` writes it: a tab or line break is an element."""
    if "\t" in text or "\n" in text or "\r" in text:
        return "".join(_RUN_BREAKS.get(piece) or _text_xml(piece) for piece in _RUN_BREAK.split(text) if piece)
    return _text_xml(text) if text else ""


def _plain_run(text: str) -> str:
    """`paragraph.add_run(text)` with no properties (nothing for no text, as `_add_paragraph` did)."""
    return f"<w:r>{_content(text)}</w:r>" if text else ""


def _runs_xml(
    body: _Body, runs: Inline, *, props: str = "", link_pt: float | None = None, bold: bool = False
) -> tuple[str, str]:
    """Runs with their bold, then `props` (run properties in the schema's order after w:b); a link's
    text is `link_pt` points when given (small print), else the paragraph's size. With the text
    of their w:t, for the page-fill estimate."""
    parts, texts = [], []
    for run in runs:
        if run.url:  # as the address: its ISO-looking parts are not dates
            text = typography.printable_marked(run.text)
            parts.append(_link_xml(body.link(run.url), text, link_pt))
        else:
            weight = "<w:b/>" if bold or run.bold else ""
            text = _clean(run.text)
            parts.append(f"<w:r><w:rPr>{weight}{props}</w:rPr>{_content(text)}</w:r>")
            text = _unbroken(text)
        texts.append(text)
    return "".join(parts), "".join(texts)


def _unbroken(text: str) -> str:
    """A run's text as its w:t hold it: without the tabs and line breaks `_content` makes elements of."""
    return _RUN_BREAK.sub("", text) if "\t" in text or "\n" in text or "\r" in text else text


def _link_xml(rel_id: str, text: str, size: float | None) -> str:
    half_points = f'<w:sz w:val="{round(size * 2)}"/>' if size is not None else ""
    return (
        f'<w:hyperlink r:id="{rel_id}"><w:r><w:rPr><w:color w:val="{ACCENT}"/><w:u w:val="single"/>{half_points}'
        f'</w:rPr><w:t xml:space="preserve">{_escaped(text)}</w:t></w:r></w:hyperlink>'
    )


def _shade_xml(fill: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


def _twips(mm: float) -> int:
    """A length in twips as python-docx writes `Mm(mm)`: whole EMUs, then rounded."""
    return round(int(mm * 36000) / 635)


def _table_xml(widths: list[int], rows: list[str], *, header_row: bool) -> str:
    """A table in the OWES style, of fixed column `widths` (twips), followed by an empty paragraph."""
    look = ('w:firstRow="1"', "04A0") if header_row else ('w:firstRow="0"', "0000")
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE.replace(" ", "")}"/><w:tblW w:type="auto" w:w="0"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" {look[0]} w:lastColumn="0" w:lastRow="0" '
        f'w:noHBand="0" w:noVBand="1" w:val="{look[1]}"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{''.join(rows)}</w:tbl><w:p/>"
    )


def _row_xml(cells: list[str], widths: list[int], *, whole: bool, header: bool = False, shade: str = "") -> str:
    """A table row of cells (each a paragraph's content), kept whole on a page when `whole`
    (w:cantSplit), repeated on every page when `header`, its cells shaded `shade`."""
    properties = ""
    if whole or header:
        properties = (
            "<w:trPr>"
            + ('<w:cantSplit w:val="true"/>' if whole else "")
            + ('<w:tblHeader w:val="true"/>' if header else "")
            + "</w:trPr>"
        )
    shading = _shade_xml(shade) if shade else ""
    tcs = "".join(
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shading}</w:tcPr><w:p>{content}</w:p></w:tc>'
        for content, width in zip(cells, widths, strict=True)
    )
    return f"<w:tr>{properties}{tcs}</w:tr>"


def _kept_whole(*texts: str) -> bool:
    """w:cantSplit: Word moves a row that does not fit to the next page instead of splitting it.

    Not for a row whose text may be taller than a page: Word would cut such
    a row off at the page's foot rather than split it.
    """
    return all(len(text) <= LONG_CELL for text in texts)


# --------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------


def _heading(body: _Body, block: Heading) -> None:
    text = _clean(block.text)
    style = f"Heading{block.level}"
    xml = f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:keepNext/></w:pPr>{_plain_run(text)}</w:p>'
    body.add(xml, [(*_estimate(_unbroken(text), style=style), True)])


def _paragraph(body: _Body, block: Paragraph) -> None:
    if block.tone == "answer":
        _answer_box(body, body.paragraph(), block)
    elif block.tone == "notice":
        space = '<w:spacing w:before="120" w:after="120"/>'  # 6 pt
        runs, text = _runs_xml(body, block.runs, bold=True, props=f'<w:color w:val="{NOTICE_INK}"/>')
        xml = f"<w:p><w:pPr>{_shade_xml(NOTICE_FILL)}{space}</w:pPr>{runs}</w:p>"
        body.add(xml, [(*_estimate(text, before="120", after="120"), False)])
    elif block.tone == "small":
        props = f'<w:color w:val="{MUTED}"/><w:sz w:val="{SMALL_PT * 2}"/>'
        runs, text = _runs_xml(body, block.runs, props=props, link_pt=SMALL_PT)
        before = str(SMALL_PT * 20)
        xml = f'<w:p><w:pPr><w:spacing w:before="{before}"/></w:pPr>{runs}</w:p>'
        # Sized by its first run that is no link (a link's size is inside its w:hyperlink).
        size = str(SMALL_PT * 2) if any(not run.url for run in block.runs) else None
        body.add(xml, [(*_estimate(text, size=size, before=before), False)])
    else:
        runs, text = _runs_xml(body, block.runs)
        body.add(f"<w:p>{runs}</w:p>", [(*_estimate(text), False)])


def _answer_box(body: _Body, paragraph: DocxParagraph, block: Paragraph) -> None:
    """The fact sheet's answer: a tinted paragraph with a bar at its left, its first line large."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for edge, colour, size in (("top", HEAD_FILL, 24), ("left", ACCENT, 36), ("bottom", HEAD_FILL, 24)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:space"), "6")
        element.set(qn("w:color"), colour)
        borders.append(element)
    properties.append(borders)
    _shade(properties, HEAD_FILL)
    layout = paragraph.paragraph_format
    layout.left_indent, layout.right_indent = Mm(3), Mm(1)
    layout.space_before, layout.space_after = Pt(6), Pt(6)
    layout.keep_together = True
    large = True
    for run, given in zip(_add_runs(body, paragraph, block.runs), (r for r in block.runs if not r.url), strict=True):
        large = large and not run.text.startswith("\n")
        run.font.size = Pt(14 if large else BOX_SMALL_PT if given.small else 10.5)


def _sheet_columns(blocks: tuple[Any, ...]) -> tuple[int, int, int] | None:
    """The fact sheet's heading, list and map that go side by side: the heading two blocks before the map."""
    at = next((index for index, block in enumerate(blocks) if isinstance(block, Map)), None)
    if at is None or at < 2 or not blocks[at].drawing.shapes:
        return None
    if isinstance(blocks[at - 2], Heading) and isinstance(blocks[at - 1], Bullets):
        return at - 2, at - 1, at
    return None


SMALL_PT = 8
BOX_SMALL_PT = 9  # the answer box's fine print (the last confirmed centre, which is the past)
# The fact sheet's columns: how to reach the centres, and the map. The map's narrow enough that the
# candidates' column, at REACH_PT, ends about where the map's legend does.
SHEET_TEXT_MM, SHEET_MAP_MM = 110, 60
REACH_PT = 9.5
LEGEND_PT = 7.5
# The picture no wider than its cell holds inside the cell's padding (1.8 mm each side, CELL_PADDING).
# Narrower still, centred, so that the column (caption, picture, legend) is no taller than the
# candidates' beside it: the tallest of the two sets how much of the page the row takes.
SHEET_PICTURE_MM = 50.0
SHEET_LEGEND = {"hatched": "▨", "emphasised": "□", "marker": "●", "box": "■"}


def _reach_and_map(body: _Body, heading: Heading, reach: Bullets, block: Map) -> None:
    """Two columns of a table without rules: the candidates on the left, the map and its legend on the right.

    The picture is the region alone, its names enlarged to print at 7 pt or
    more; the legend is text under it, each entry led by a sign in its colour.
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    from owes_cli.layout import coverage_map
    from owes_cli.render import map_image as map_render

    table = body.document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    widths = [Mm(SHEET_TEXT_MM), Mm(SHEET_MAP_MM)]
    _column_widths(table, widths)
    _keep_docx_row_whole(table.rows[0])
    left, right = table.rows[0].cells
    left.width, right.width = widths
    title = left.paragraphs[0]
    _styled(title, "Heading 2")
    title.paragraph_format.space_before = Pt(0)
    title.add_run(_clean(heading.text))
    for depth, runs in reach.items:
        paragraph = _styled(left.add_paragraph(), "List Bullet 2" if depth else "List Bullet")
        paragraph.paragraph_format.keep_together = True
        for run in _add_runs(body, paragraph, runs, link_pt=REACH_PT):
            run.font.size = Pt(REACH_PT)
    caption = right.paragraphs[0]
    _styled(caption, "Heading 2")
    caption.paragraph_format.space_before = Pt(0)
    caption.add_run(_clean(block.title)).font.size = Pt(9)
    drawing = coverage_map.region_only(block.drawing)
    pixels = SHEET_PICTURE_MM / 25.4 * MAP_DPI
    scale = pixels / drawing.width
    # Names at 7 pt in print: a name is LABEL_SIZE units, each SHEET_PICTURE_MM / width mm.
    names = max(1.0, 7 * 25.4 / 72 / (coverage_map.LABEL_SIZE * SHEET_PICTURE_MM / drawing.width))
    png = map_render.to_png(drawing, scale=scale, titled=False, dpi=MAP_DPI, names=names)
    holder = right.add_paragraph()
    holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture = holder.add_run().add_picture(io.BytesIO(png), width=Mm(SHEET_PICTURE_MM))
    properties = picture._inline.docPr
    properties.set("name", _clean(block.drawing.title))
    properties.set("descr", _clean(block.description))
    for entry in block.drawing.legend:
        paragraph = right.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(1)
        if entry.marker:
            sign, colour = SHEET_LEGEND["marker"], entry.style.fill
        elif entry.emphasised:
            sign, colour = SHEET_LEGEND["emphasised"], coverage_map.INK
        elif entry.style.hatched:
            sign, colour = SHEET_LEGEND["hatched"], coverage_map.HATCH
        else:
            sign, colour = SHEET_LEGEND["box"], entry.style.fill
        mark = paragraph.add_run(sign + " ")
        mark.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
        mark.bold = entry.emphasised or None
        words = paragraph.add_run(_clean(typography.prose(entry.text)))
        for run in (mark, words):
            run.font.size = Pt(LEGEND_PT)


SHEET_MAP_HEIGHT_MM = 78  # the fact sheet's map (with its legend): what a page leaves beside the answer


def _sheet_map(body: _Body, block: Map) -> None:
    """The fact sheet's map: a smaller picture under a small heading; its date and credits are in the colophon."""
    from docx.shared import Mm

    _heading(body, Heading(block.title, 2))
    _map_picture(body.paragraph(), block, height=Mm(SHEET_MAP_HEIGHT_MM))


def _fields(body: _Body, block: Fields) -> None:
    widths = [_twips(52), _twips(118)]
    label = f'<w:rPr><w:b/><w:color w:val="{MUTED}"/></w:rPr>'
    rows, heights = [], []
    for name, value in block.rows:
        name_text = _clean(name)
        value_xml, value_text = _runs_xml(body, value)
        cells = [f"<w:r>{label}{_content(name_text)}</w:r>", value_xml]
        rows.append(_row_xml(cells, widths, whole=_kept_whole(name, plain_text(value))))
        heights.append(_row_estimate([_unbroken(name_text), value_text], widths))
    body.add(_table_xml(widths, rows, header_row=False), [heights, (*_estimate(""), False)])


def _table(body: _Body, block: Table) -> None:
    total = sum(block.widths)
    widths = [_twips(170 * w / total) for w in block.widths]
    label = f'<w:rPr><w:b/><w:color w:val="{ACCENT}"/></w:rPr>'
    names = [_clean(name) for name in block.header]
    header = [f"<w:r>{label}{_content(name)}</w:r>" for name in names]
    rows = [_row_xml(header, widths, whole=True, header=True, shade=HEAD_FILL)]
    heights = [_row_estimate([_unbroken(name) for name in names], widths)]
    for values in block.rows:
        cells = [_runs_xml(body, value) for value in values]
        whole = _kept_whole(*(plain_text(value) for value in values))
        rows.append(_row_xml([xml for xml, _ in cells], widths, whole=whole))
        heights.append(_row_estimate([text for _, text in cells], widths))
    body.add(_table_xml(widths, rows, header_row=True), [heights, (*_estimate(""), False)])


def _bullets(body: _Body, block: Bullets) -> None:
    items, heights = [], []
    for depth, runs in block.items:
        xml, text = _runs_xml(body, runs)
        if block.numbered:  # its number is its mark, hanging as a bullet would: no bullet before it
            # A numbered list that fits a page stays with its heading on one page (Word cannot repeat a
            # heading over a list going on to the next page, as the PDF does); an entry never splits.
            keep = len(block.items) <= KEEP_LIST and (depth, runs) != block.items[-1]
            after, left = str(_twips(1)), str(_twips(7 + 6 * depth))
            properties = (
                ("<w:keepNext/>" if keep else "")
                + f'<w:keepLines/><w:spacing w:after="{after}"/>'
                + f'<w:ind w:left="{left}" w:hanging="{_twips(7)}"/>'
            )
            heights.append((*_estimate(text, after=after, left=left), keep))
        else:  # a bullet, kept on one page
            style = "ListBullet2" if depth else "ListBullet"
            properties = f'<w:pStyle w:val="{style}"/><w:keepLines/>'
            heights.append((*_estimate(text, style=style), False))
        items.append(f"<w:p><w:pPr>{properties}</w:pPr>{xml}</w:p>")
    body.add("".join(items), heights)


def _map(body: _Body, block: Map, *, room: float = ROOM_MM) -> None:
    """The map as a 300 dpi picture across the text width (map_render's PNG), described for screen readers.

    The picture holds the counties and the legend only: its date line and
    credits are text above and below it, and the heading is its title.
    Heading, date line, picture and credits stay on one page: the picture is
    as tall as the `room` (mm) left on the page allows, down to MAP_LEAST_MM,
    else as tall as a page of its own allows.
    """
    from docx.shared import Mm, Pt, RGBColor

    drawing = block.drawing
    tallest = room - MAP_EXTRA_MM - MAP_SLACK_MM
    if tallest < MAP_LEAST_MM:
        tallest = ROOM_MM - MAP_EXTRA_MM - MAP_SLACK_MM
    _heading(body, Heading(block.title, 1))
    for text, keep in ((drawing.subtitle, True), (None, True), (drawing.credits, False)):
        paragraph = body.paragraph()
        paragraph.paragraph_format.keep_with_next = keep
        if text is None:
            _map_picture(paragraph, block, width=Mm(MAP_WIDTH_MM), tallest=tallest)
        else:
            # Text not in the report's blocks (the map's date line and credits) is typeset here.
            run = paragraph.add_run(_clean(typography.prose(text)))
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor.from_string(MUTED)


def _map_picture(
    paragraph: DocxParagraph, block: Map, *, width: Any = None, height: Any = None, tallest: float = 0.0
) -> None:
    """The map as a 300 dpi PNG (map_render's, without its title: a heading gives it), centred in
    `paragraph` at the size given, named and described for screen readers.

    With `tallest` (mm), a picture that would be taller at `width` is made that tall instead, its
    names enlarged so that they still print at the size they would at the full width.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    from owes_cli.render import map_image as map_render

    drawing = block.drawing
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    shrink = 1.0
    if tallest and width is not None:
        down = drawing.body[1] - drawing.body[0]  # the untitled picture: the map's body and its legend
        shrink = min(1.0, tallest / (width.mm * down / drawing.width))
        if shrink < 1:
            width, height = None, Mm(tallest)
    # Drawn once, at MAP_DPI for the size it prints at: a shrunk picture has fewer pixels, not the same
    # pixels shown smaller, and its names are enlarged to print as they would at the full width.
    pixels = MAP_WIDTH_MM * shrink / 25.4 * MAP_DPI
    png = map_render.to_png(drawing, scale=pixels / drawing.width, titled=False, dpi=MAP_DPI, names=1 / shrink)
    picture = paragraph.add_run().add_picture(io.BytesIO(png), width=width, height=height)
    properties = picture._inline.docPr
    properties.set("name", _clean(drawing.title))
    properties.set("descr", _clean(block.description))


DRAW: dict[type, Callable[[Any, Any], None]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    Fields: _fields,
    Table: _table,
    Bullets: _bullets,
    Map: _map,
}  # a PageBreak is no paragraph: the block after it starts a page (see render)


# --------------------------------------------------------------------------
# Runs, links and table details drawn through python-docx
# --------------------------------------------------------------------------


def _styled(item: Any, name: str) -> Any:
    """A paragraph or table given a style by its id, which python-docx would look up by name.

    python-docx's own `paragraph.style = name` scans every style of the
    document each time (to find the default). The ids of the template's
    styles, and of the table style added here, are their names without spaces.
    """
    style_id = name.replace(" ", "")
    if hasattr(item, "_tbl"):
        item._tbl.tblStyle_val = style_id
    else:
        item._p.style = style_id
    return item


def _add_runs(body: _Body, paragraph: DocxParagraph, runs: Inline, *, link_pt: float | None = None) -> list[Any]:
    """The runs added to a python-docx paragraph; the Run objects of those that are no link."""
    from docx.text.run import Run

    added = []
    for element in body.parsed(f"<w:p {_NAMESPACES}>{_runs_xml(body, runs, link_pt=link_pt)[0]}</w:p>"):
        paragraph._p.append(element)
        if element.tag == f"{_W}r":
            added.append(Run(element, paragraph))
    return added


def _column_widths(table: Any, widths: list[Any]) -> None:
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width


def _shade(properties: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _border_set(name: str, edges: tuple[str, ...]) -> Any:
    """A w:tblBorders (or similar) element with a thin rule on each edge named."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement(f"w:{name}")
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), RULE)
        borders.append(element)
    return borders


def _keep_docx_row_whole(row: Any) -> None:
    """w:cantSplit on a python-docx row (see _kept_whole)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().insert(0, keep)


# The paragraph properties, in the order the schema gives them (python-docx's CT_PPr._tag_seq).
_PARAGRAPH_PROPERTIES = tuple(
    f"{_W}{name}"
    for name in (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
        "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
        "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split()
)
_PARAGRAPH_RANK = {tag: rank for rank, tag in enumerate(_PARAGRAPH_PROPERTIES)}


def _switch_on(body: _Body, paragraph: Any, tag: str) -> None:
    """A paragraph's on/off property (_KEEP_NEXT, _PAGE_BREAK) set on, where python-docx's
    `..._val = True` puts it, without its objects and schema look-ups for each paragraph;
    noted in `body.kept` or `body.starting` for the paragraph, or for its row or table."""
    _mark(body, paragraph, tag)
    properties = next(paragraph.iterchildren(), None)  # a paragraph's properties come first
    if properties is None or properties.tag != _PPR:
        properties = paragraph.makeelement(_PPR)
        paragraph.insert(0, properties)
    rank = _PARAGRAPH_RANK[tag]
    successor = None
    for child in properties:
        if child.tag == tag:
            child.attrib.pop(_VAL, None)  # on is the default: python-docx drops w:val="0"
            return
        if successor is None and _PARAGRAPH_RANK.get(child.tag, -1) > rank:
            successor = child
    element = properties.makeelement(tag)
    if successor is not None:
        successor.addprevious(element)
    else:
        properties.append(element)


def _mark(body: _Body, paragraph: Any, tag: str) -> None:
    """Note that `paragraph`, one the renderer wrote as text, is kept with the next or starts a page."""
    marked = body.kept if tag == _KEEP_NEXT else body.starting
    if paragraph in body.heights:
        marked.add(paragraph)
        return
    cell = paragraph.getparent()
    if cell is not None and cell.tag == _TC:
        row = cell.getparent()
        if row in body.heights:
            marked.add(row if tag == _KEEP_NEXT else row.getparent())


def _start_page(body: _Body, element: Any) -> None:
    """The paragraph (or a table's first paragraph) starts a new page."""
    _switch_on(body, element if element.tag == _P else next(element.iter(_P)), _PAGE_BREAK)


def _keep_end_together(body: _Body) -> None:
    """The few paragraphs or table rows before a section's last one go to its last page with it.

    Word keeps a paragraph marked "keep with next" on the page of the one after it.
    """
    kept = -1  # the last paragraph itself needs no mark
    for element in body.end.itersiblings(preceding=True):
        if kept >= KEEP_AT_END:
            break
        if element.tag == f"{_W}p":
            if next(element.iter(f"{_W}drawing"), None) is not None:
                break  # the map: it keeps to its own page with its heading
            if not _text(element).strip():
                continue  # the spacing paragraph after a table
            if kept >= 0:
                _switch_on(body, element, _KEEP_NEXT)
            kept += 1
        elif element.tag == f"{_W}tbl":
            for paragraph in _last_cell_paragraphs(element, 2 * KEEP_AT_END)[: -2 if kept < 0 else None]:
                _switch_on(body, paragraph, _KEEP_NEXT)
            kept += 1
        else:
            break


def _last_cell_paragraphs(table: Any, count: int) -> list[Any]:
    """The last `count` paragraphs of a table's cells (its w:tr/w:tc/w:p), in order, read from its end."""
    found: list[Any] = []
    for row in table.iterchildren(_TR, reversed=True):
        found[:0] = [paragraph for cell in row.iterchildren(_TC) for paragraph in cell.iterchildren(_P)]
        if len(found) >= count:
            break
    return found[-count:]


@functools.cache  # a directory repeats its texts (a service every centre lists): each is worked out once
def _clean(text: str) -> str:
    """Text as Word shows it: printable, an ISO date's hyphens non-breaking ("2024-01-01" never
    ends a line at "2024-01-"; Word breaks after a hyphen, the PDF never does)."""
    # XML 1.0 cannot hold most control characters; printable() replaces them.
    return _ISO_DATE.sub(lambda found: found.group().replace("-", NO_BREAK_HYPHEN), typography.printable_marked(text))


# --------------------------------------------------------------------------
# Where Word's pages end, estimated
# --------------------------------------------------------------------------

# python-docx lays nothing out, so the directory's page fill is estimated from the text, as LibreOffice
# sets it in Carlito (Calibri's widths), a little generously: an estimate too high only makes the map
# smaller than it might have been or moves a few more lines to a section's last page.
CHAR_EM = 0.46  # Calibri's mean advance for Polish and English prose, in ems (about 0.44), rounded up
LINE_EM = 1.4  # a line: Calibri's 1.22 ems, times the template's line spacing of 1.15
PT_MM = 25.4 / 72
STYLE_PT = {"Title": 22.0, "Subtitle": 13.0, "Heading1": 15.0, "Heading2": 11.5}
STYLE_SPACE_PT = {"Title": (0.0, 15.0), "Subtitle": (0.0, 10.0), "Heading1": (16.0, 5.0), "Heading2": (10.0, 5.0)}
BULLET_INDENT_MM = {"ListBullet": 6.35, "ListBullet2": 12.7}
CELL_PADDING_MM = 3.2  # above and below a row's text (CELL_PADDING: 1 mm each) and its rule
CELL_SIDES_MM = 3.6


def _text_lines(text: str, width_mm: float, pt: float) -> int:
    """How many lines `text` takes in a column `width_mm` wide at `pt` points, broken at spaces."""
    across = max(1, int(width_mm / (CHAR_EM * pt * PT_MM)))
    if len(text) <= across:  # one line, as textwrap would make it (or none, which counts as one)
        return 1
    lines = 0
    for part in text.split("\n"):
        lines += len(textwrap.wrap(part, across, break_on_hyphens=False)) or 1
    return lines


def _text(element: Any) -> str:
    """The text of a paragraph's runs (python-docx's elements give itertext() a meaning of their own)."""
    return "".join(text.text or "" for text in element.iter(f"{_W}t"))


# The names the estimate reads on every paragraph and row. It looks at children one by one, with
# no path: lxml's find() with a path runs its ElementPath, several times slower (a third of a
# directory's time at the size limit went to estimating its pages).
_P, _PPR, _TR, _TC, _TBL = f"{_W}p", f"{_W}pPr", f"{_W}tr", f"{_W}tc", f"{_W}tbl"
_R, _RPR, _SZ, _VAL = f"{_W}r", f"{_W}rPr", f"{_W}sz", f"{_W}val"
_PSTYLE, _SPACING, _IND, _KEEP_NEXT, _PAGE_BREAK = (
    f"{_W}pStyle",
    f"{_W}spacing",
    f"{_W}ind",
    f"{_W}keepNext",
    f"{_W}pageBreakBefore",
)


def _child(element: Any, tag: str) -> Any:
    """The first child of `element` named `tag`, or None."""
    for child in element.iterchildren(tag):
        return child
    return None


def _paragraph_properties(paragraph: Any) -> dict[str, Any]:
    """A w:p's properties (the children of its w:pPr) by name."""
    properties = _child(paragraph, _PPR)
    return {} if properties is None else {child.tag: child for child in properties}


def _estimate(
    text: str,
    *,
    style: str = "",
    size: str | None = None,
    before: str | None = None,
    after: str | None = None,
    left: str | None = None,
    width_mm: float = 170.0,
) -> tuple[float, float]:
    """The estimated height (mm) of a paragraph at a page's top and elsewhere: its lines, the space
    after it and, but at a page's top, the space before it.

    Given as its XML says it: its style's id, its first run's size (half points), its spacing
    before and after (twips), its left indent (twips), and the text of its w:t.
    """
    pt = STYLE_PT.get(style, float(size) / 2 if size is not None else 10.0)
    space_before, space_after = STYLE_SPACE_PT.get(style, (0.0, 3.0))
    if before is not None:
        space_before = int(before) / 20
    if after is not None:
        space_after = int(after) / 20
    width_mm -= int(left) / 56.7 if left else BULLET_INDENT_MM.get(style, 0.0)
    lines = _text_lines(text, width_mm, pt) * pt * LINE_EM * PT_MM
    return lines + space_after * PT_MM, lines + (space_before + space_after) * PT_MM


def _paragraph_mm(element: Any, width_mm: float, *, at_top: bool) -> float:
    """The estimated height of a w:p drawn through python-docx, read from its XML (see `_estimate`)."""
    properties = _paragraph_properties(element)
    found = properties.get(_PSTYLE)
    style = found.get(_VAL) if found is not None else ""
    size = None
    for run in element.iterchildren(_R):  # the first run with a size of its own
        run_properties = _child(run, _RPR)
        size = _child(run_properties, _SZ) if run_properties is not None else None
        if size is not None:
            break
    spacing = properties.get(_SPACING)
    before = spacing.get(f"{_W}before") if spacing is not None else None
    after = spacing.get(f"{_W}after") if spacing is not None else None
    pictures = list(element.iter(_EXTENT))
    if pictures:
        space_before, space_after = STYLE_SPACE_PT.get(style, (0.0, 3.0))
        space_before = int(before) / 20 if before is not None else space_before
        space_after = int(after) / 20 if after is not None else space_after
        return sum(int(extent.get("cy")) for extent in pictures) / 36000 + (space_before + space_after) * PT_MM
    indent = properties.get(_IND)
    heights = _estimate(
        _text(element),
        style=style,
        size=size.get(_VAL) if size is not None else None,
        before=before,
        after=after,
        left=indent.get(f"{_W}left") if indent is not None else None,
        width_mm=width_mm,
    )
    return heights[0] if at_top else heights[1]


def _row_estimate(texts: list[str], widths: list[int]) -> float:
    """A table row's estimated height (mm): its tallest cell, each cell one paragraph of `texts`,
    in columns `widths` (twips)."""
    lines = [_text_lines(text, width / 56.7 - CELL_SIDES_MM, 10.0) for text, width in zip(texts, widths, strict=True)]
    return max(lines, default=0) * 10.0 * LINE_EM * PT_MM + CELL_PADDING_MM


def _row_mm(row: Any, widths: list[float]) -> float:
    """A table row's estimated height: its tallest cell (whose paragraphs have no space between them)."""
    heights = [
        sum(_text_lines(_text(p), width - CELL_SIDES_MM, 10.0) for p in cell.iterchildren(_P))
        for cell, width in zip(row.iterchildren(_TC), widths, strict=False)
    ]
    return max(heights, default=0) * 10.0 * LINE_EM * PT_MM + CELL_PADDING_MM


def _row_has(row: Any, tag: str) -> bool:
    """Whether a paragraph of a cell of `row` has the property `tag` (keepNext, pageBreakBefore)."""
    return any(
        tag in _paragraph_properties(paragraph) for cell in row.iterchildren(_TC) for paragraph in cell.iterchildren(_P)
    )


def _pieces(body: _Body, element: Any) -> list[tuple[Any, bool, bool]]:
    """A body element as the pieces a page may end between: (w:p or w:tr, starts a page, kept with the next)."""
    if element.tag == _TBL:
        return [
            (row, False, row in body.kept if row in body.heights else _row_has(row, _KEEP_NEXT))
            for row in element.iterchildren(_TR)
        ]
    if element.tag == _P:
        if element in body.heights:
            return [(element, element in body.starting, element in body.kept)]
        properties = _paragraph_properties(element)
        return [(element, _PAGE_BREAK in properties, _KEEP_NEXT in properties)]
    return []


def _pages(body: _Body, elements: list[Any]) -> list[list[tuple[Any, float]]]:
    """The pieces of body `elements` page by page, with their estimated heights (mm), as worked
    out from the text (`_Body.heights`), else read from the XML.

    A piece that does not fit starts the next page, and the pieces before it
    that are kept with it go along (unless they are all the page holds).
    """

    known = body.heights
    pages: list[list[tuple[Any, float, bool]]] = [[]]
    used = 0.0
    for element in elements:
        widths = []
        if element.tag == _TBL:
            widths = [int(column.get(f"{_W}w")) / 56.7 for column in element.findall(f"{_W}tblGrid/{_W}gridCol")]
        for piece, new_page, keep in _pieces(body, element):
            page = pages[-1]
            if new_page and page:
                pages.append(page := [])
                used = 0.0
            is_row = piece.tag == _TR
            height = _piece_mm(piece, widths, known, at_top=not page)
            if used + height > ROOM_MM and page:
                kept = len(page)
                while kept > 1 and page[kept - 1][2]:
                    kept -= 1
                moved = page[kept:] if kept < len(page) and page[kept - 1][2] is False else []
                del page[len(page) - len(moved) :]
                pages.append(page := moved)
                used = sum(h for _, h, _ in moved)
                if not is_row and not moved:
                    height = _piece_mm(piece, widths, known, at_top=True)
                elif is_row and not moved and element.xpath("./w:tr[1]/w:trPr/w:tblHeader"):
                    used += _piece_mm(element.xpath("./w:tr[1]")[0], widths, known)  # the header row, repeated
            page.append((piece, height, keep))
            used += height
    return [[(piece, height) for piece, height, _ in page] for page in pages]


def _piece_mm(piece: Any, widths: list[float], known: dict[Any, Any], *, at_top: bool = False) -> float:
    """A paragraph's or a table row's estimated height (mm)."""
    height = known.get(piece)
    if piece.tag == _TR:
        return float(height) if height is not None else _row_mm(piece, widths)
    if height is not None:
        return float(height[0] if at_top else height[1])
    return _paragraph_mm(piece, 170.0, at_top=at_top)


def _room_left(body: _Body, *, new_page: bool) -> float:
    """The room (mm) the page has left after what is drawn so far, as estimated."""
    if new_page:
        return float(ROOM_MM)
    pages = _pages(body, _section_elements(body))
    return ROOM_MM - sum(height for _, height in pages[-1])


def _section_elements(body: _Body) -> list[Any]:
    """The body's elements from the last one that starts a page (the whole body when none does)."""
    # Walked back from the end (the last element is the section properties), so that a section
    # costs its own length, not the whole body's: a directory of 400 centres has 400 sections.
    elements = []
    for element in body.end.itersiblings(preceding=True):
        elements.append(element)
        if element in body.starting:
            break
        if element.tag == _P and element not in body.heights and _PAGE_BREAK in _paragraph_properties(element):
            break
        if element.tag == _TBL and _written_by_python_docx(body, element):
            if any(_row_has(row, _PAGE_BREAK) for row in element.iterchildren(_TR)):
                break
    elements.reverse()
    return elements


def _written_by_python_docx(body: _Body, table: Any) -> bool:
    """Whether `table` was drawn through python-docx (not written as text): its rows' marks are in its XML."""
    first = next(table.iterchildren(_TR), None)
    return first is not None and first not in body.heights


FILL = 0.6  # of a page (estimated): a section's last page holds at least half a page, measured


def _fill_last_page(body: _Body) -> None:
    """A section (what runs to a page break) whose last page would hold less than FILL of a page takes
    more from the page before, by "keep with next", until it holds FILL, the page before keeping FILL too.

    The PDF moves its page break the same way (pdf._refill_last_page).
    """

    pages = _pages(body, _section_elements(body))
    if len(pages) < 2:
        return
    last = sum(height for _, height in pages[-1])
    before = pages[-2]
    held = sum(height for _, height in before)
    moving: list[Any] = []
    for piece, height in reversed(before):
        if last >= FILL * ROOM_MM or held - height < FILL * ROOM_MM:
            break
        if piece.tag == f"{_W}p" and next(piece.iter(_EXTENT), None) is not None:
            break  # the map keeps to its own page with its heading
        moving.append(piece)
        last, held = last + height, held - height
    if last < FILL * ROOM_MM:
        return
    for piece, _ in pages[-1][:-1]:
        moving.append(piece)
    for piece in moving:
        for paragraph in [piece] if piece.tag == _P else piece.findall(f"{_W}tc/{_W}p"):
            _switch_on(body, paragraph, _KEEP_NEXT)
