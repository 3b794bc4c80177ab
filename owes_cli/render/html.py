"""Drawing the web page (layout/web.py) as one self-contained HTML file.

The style sheet, the map (inline SVG) and the script are inside the file:
it opens from a disk or any static host and asks no other address for
anything. Every text from the dataset is escaped; a link is made only of an
http(s) address, so no script and no other scheme from the data can run.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources

from owes_cli.layout import Block, Bullets, Fields, Heading, Inline, Map, Paragraph, Table
from owes_cli.layout.web import CountyEntry, WebPage, day_chosen
from owes_cli.messages import printable, t

# The most county answers one page holds (counties times the runs of days on which no answer
# changes; Directory.web_page refuses more before the work). A page costs about 0.1 ms and 1 KB per
# answer on top of 0.7 s: 10,000 keep the export under 2 s and the page near 10 MB. Lubuskie's
# data holds 112; Poland with seven 3-year periods (242 KB), 3,040.
MAX_ANSWERS = 10_000

# Nothing may be loaded from anywhere: the page's own style and script only.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _asset(name: str) -> str:
    return (resources.files("owes_cli.render") / "web" / name).read_text(encoding="utf-8")


def _e(value: str) -> str:
    return escape(printable(value), quote=True)


def _safe_url(url: str) -> bool:
    return url.lower().startswith(("https://", "http://")) and not any(ch.isspace() for ch in url)


def inline(runs: Inline) -> str:
    out = []
    for run in runs:
        piece = _e(run.text).replace("\n", "<br>")
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        if run.url and _safe_url(run.url):
            piece = f'<a href="{_e(run.url)}" rel="noopener noreferrer">{piece}</a>'
        out.append(piece)
    return "".join(out)


def blocks(items: tuple[Block, ...] | list[Block], top: int, memo: dict[object, str] | None = None) -> str:
    """The blocks as HTML; a level-1 heading becomes <h{top}>, level 2 <h{top + 1}>.

    `memo` keeps each block's HTML (each row's, in a list of fields) for the next call: the
    page's answers repeat a centre's rows and sources for every county it serves, in every step."""
    out = []
    for block in items:
        if memo is None or isinstance(block, Map):
            drawn = _block(block, top, memo)
        else:
            key = (type(block), top, block)  # a record is a tuple: its type tells two alike apart
            drawn = memo.get(key)
            if drawn is None:
                drawn = _block(block, top, memo)
                if drawn is not None:
                    memo[key] = drawn
        if drawn is not None:
            out.append(drawn)
    return "\n".join(out)


def _block(block: Block, top: int, memo: dict[object, str] | None) -> str | None:
    if isinstance(block, Heading):
        level = min(6, top + block.level - 1)
        return f"<h{level}>{_e(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f'<p class="{_e(block.tone)}">{inline(block.runs)}</p>'
    if isinstance(block, Fields):
        return f"<dl>{''.join(_field(label, value, memo) for label, value in block.rows)}</dl>"
    if isinstance(block, Table):
        head = "".join(f'<th scope="col">{_e(h)}</th>' for h in block.header)
        body = "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>" for row in block.rows)
        return f'<div class="table"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Map):
        from owes_cli.render import map_image

        return f"<figure>{map_image.svg_markup(block.drawing, label=block.description)}</figure>"
    return None  # a page break: a page has none


def _field(label: str, value: Inline, memo: dict[object, str] | None) -> str:
    key = ("field", label, value)
    drawn = memo.get(key) if memo is not None else None
    if drawn is None:
        drawn = f"<div><dt>{_e(label) if label != '!' else '&#9888;'}</dt><dd>{inline(value)}</dd></div>"
        if memo is not None:
            memo[key] = drawn
    return drawn


def _bullets(block: Bullets) -> str:
    """Nested lists as HTML wants them: a deeper item's list inside the item before it."""
    if not block.items:
        return ""  # an empty <ul> would close an item it never opened
    out, depth = ["<ul>"], 0
    for n, (level, content) in enumerate(block.items):
        level = min(level, depth + 1) if n else 0
        if n and level <= depth:
            out.append("</li>")
        while depth > level:
            out.append("</ul></li>")
            depth -= 1
        if level > depth:
            out.append("<ul>")
            depth = level
        out.append(f"<li>{inline(content)}")
    out.append("</li>" + "</ul></li>" * depth + "</ul>")
    return "".join(out)


def _json(value: object) -> str:
    # Inside <script>: "</" and "<!--" in a name must not end or bend the element.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _heading(page: WebPage, entry: CountyEntry) -> str:
    return t(page.lang, "web_heading", lead=entry.lead, subject=entry.subject, day=page.day)


def render(page: WebPage) -> bytes:
    from owes_cli import version
    from owes_cli.domain.lookup import MAX_QUERY
    from owes_cli.render import map_image

    lang = page.lang
    # Each distinct answer once, as a template the script shows for the reader's day.
    answers = []
    # Blocks drawn once for the whole page: a centre's rows recur in every county's answer, and
    # a listing may repeat a list (every centre offering the same 300 services).
    memo: dict[object, str] = {}
    for n, entry in enumerate(page.answers):
        answers.append(
            f'<template id="answer-{n}" data-county="{_e(entry.teryt)}" '
            f'data-centre="{_e(entry.centre or "")}" data-centres="{_e(" ".join(entry.centres))}" '
            f'data-coverage="{_e(entry.coverage)}" data-lead="{_e(entry.lead)}" '
            f'data-subject="{_e(entry.subject)}">{blocks(entry.blocks, 2, memo)}</template>'
        )
    # Without JavaScript: every county's answer for the page's own day, each under its own anchor.
    counties = []
    for teryt in page.by_county:
        entry = page.on_day(teryt)
        counties.append(
            f'<article id="county-{_e(teryt)}" aria-labelledby="county-{_e(teryt)}-heading">'
            f'<h3 id="county-{_e(teryt)}-heading">{_e(_heading(page, entry))}</h3>'
            f"{blocks(entry.blocks, 3, memo)}</article>"
        )
    by_centre = "".join(
        f"<li>{_e(label)}: "
        + ", ".join(f'<a href="#county-{_e(code)}">{_e(name)}</a>' for code, name in counties_)
        + "</li>"
        for label, counties_ in page.by_centre
    )
    svg = map_image.svg_markup(page.drawing, label=t(lang, "web_map"), county_link=lambda code: f"#county-{code}")
    made = t(lang, "web_made", when=page.generated.strftime("%Y-%m-%d %H:%M UTC"), version=version())
    data = {
        "day": page.day,
        "steps": page.steps,
        "by_county": page.by_county,
        "alike": page.alike,
        "max_query": MAX_QUERY,
        "search": page.search,
        "texts": page.texts,
    }
    return f"""<!DOCTYPE html>
<html lang="{_e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_POLICY}">
<title>{_e(page.title)}</title>
<style>
{_asset("page.css")}
</style>
</head>
<body>
<header>
<h1>{_e(page.title)}</h1>
<p class="subtitle">{_e(page.subtitle)}</p>
{blocks(page.intro, 2)}
</header>
<main>
<section id="search" aria-labelledby="search-heading">
<h2 id="search-heading">{_e(t(lang, "web_search"))}</h2>
<noscript><p class="notice">{_e(t(lang, "web_no_script", day=page.day))}</p></noscript>
<form id="search-form" role="search" action="#">
<label for="q">{_e(t(lang, "web_search_label"))}</label>
<p id="q-hint" class="small">{_e(t(lang, "web_search_hint"))}</p>
<div class="row"><input id="q" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="q-hint">
<button type="submit">{_e(t(lang, "web_search_button"))}</button></div>
<div class="row day"><label for="day">{_e(t(lang, "web_on_day"))}</label>
<input id="day" name="on" type="date" value="{_e(page.day)}" aria-describedby="day-shown day-hint">
<output id="day-shown" for="day" class="small">{_e(day_chosen(page.day, lang))}</output></div>
<p id="day-hint" class="small">{_e(t(lang, "web_on_day_hint"))}</p>
<div class="row" id="where" hidden>
<button type="button" id="where-am-i" class="secondary" aria-describedby="where-hint">
{_e(t(lang, "web_where_am_i"))}</button>
<p id="where-hint" class="small">{_e(t(lang, "web_where_am_i_hint"))}</p></div>
</form>
<p id="search-note" class="notice" hidden></p>
<div id="answer" role="region" aria-labelledby="answer-heading">
<h2 id="answer-heading" tabindex="-1">{_e(t(lang, "web_answer"))}</h2>
<div id="answer-body" data-status="empty">
<p>{_e(t(lang, "web_answer_empty"))}</p></div>
</div>
</section>
<section id="map" aria-labelledby="map-heading">
<h2 id="map-heading">{_e(t(lang, "web_map"))}</h2>
<p class="small">{_e(t(lang, "web_map_hint"))}</p>
<figure>{svg}</figure>
<h3>{_e(t(lang, "web_by_centre"))}</h3>
<ul id="by-centre">{by_centre}</ul>
</section>
<section id="counties" aria-labelledby="counties-heading">
<h2 id="counties-heading">{_e(t(lang, "web_counties", day=page.day))}</h2>
{"".join(counties)}
</section>
<section id="directory" aria-labelledby="directory-heading">
<h2 id="directory-heading">{_e(t(lang, "web_directory"))}</h2>
{blocks(page.directory, 3, memo)}
</section>
</main>
<footer><p class="small">{_e(made)}</p></footer>
{"".join(answers)}
<script type="application/json" id="owes-data">{_json(data)}</script>
<script>
{_asset("page.js")}
</script>
</body>
</html>
""".encode()
