"""--help and Click's usage errors in the user's language.

Click writes its help and its errors in English. Here the commands' and
options' help texts are replaced per language (HELP, PARAM_HELP, METAVARS),
Click's own words around them are translated by a help formatter, and
Click's usage errors are said again in the run's language.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from owes_cli.cli import click_compat
from owes_cli.messages import active_lang, t


def describe_usage_error(err: click_compat.ClickException, lang: str) -> str:
    """A Click usage error in `lang`, with the command's help hint."""
    ctx = getattr(err, "ctx", None)
    if ctx is not None:  # an argument's name in the message is its metavar, in the run's language
        localise_help(ctx.find_root().command, lang)
    command = ""
    if ctx is not None and ctx.parent is not None and ctx.info_name:
        command = ctx.info_name + " "
    return _usage_text(err, ctx, lang) + "\n" + t(lang, "usage_help", command=command)


def _usage_text(err: click_compat.ClickException, ctx: Any, lang: str) -> str:
    message = err.format_message()
    if isinstance(err, click_compat.NoSuchOption):
        return _no_such_option(err, ctx, lang)
    if isinstance(err, click_compat.BadOptionUsage) and "requires an argument" in message:
        return t(lang, "usage_needs_value", name=err.option_name)
    if isinstance(err, click_compat.MissingParameter):
        param = err.param
        name = param.get_error_hint(ctx) if (param is not None and ctx is not None) else "?"
        return t(lang, "usage_missing", name=name.replace("'", ""))
    if message.startswith("No such command"):
        return _no_such_command(message, ctx, lang)
    if message.startswith("Got unexpected extra argument"):
        words = message.rsplit("(", 1)[1].rstrip(")") if "(" in message else message
        return t(lang, "usage_extra_args", words=words)
    return t(lang, "usage_other", detail=message)


def _no_such_option(err: click_compat.NoSuchOption, ctx: Any, lang: str) -> str:
    text = t(lang, "usage_no_option", name=err.option_name)
    meant = _MEANT.get(err.option_name.lower().split("=")[0])
    if meant and ctx is not None and any(meant in p.opts for p in ctx.command.params):
        # By meaning, not spelling: --town is --place, though it is spelt like --at.
        return text + " " + t(lang, "did_you_mean", options=meant)
    if err.possibilities:
        return text + " " + t(lang, "did_you_mean", options=", ".join(sorted(err.possibilities)))
    return text


def _no_such_command(message: str, ctx: Any, lang: str) -> str:
    name = message.split("'")[1] if "'" in message else message
    text = t(lang, "usage_no_command", name=name)
    group = ctx.command if ctx is not None else None
    commands = list(getattr(group, "commands", {}) or {})
    import difflib  # here beside its one use; Typer has imported it already on every run

    guess = difflib.get_close_matches(name, commands, n=3, cutoff=0.5)
    if guess:
        text += " " + t(lang, "did_you_mean", options=", ".join(guess))
    return text


# Options people reach for, by what they mean (English and Polish words).
_MEANT = {
    **dict.fromkeys(
        (
            "--town",
            "--city",
            "--village",
            "--gmina",
            "--commune",
            "--locality",
            "--miasto",
            "--miejscowosc",
            "--miejscowość",
            "--wies",
            "--wieś",
            "--gmina-name",
            "--name",
        ),
        "--place",
    ),
    **dict.fromkeys(("--powiat", "--district", "--region", "--teryt"), "--county"),
    **dict.fromkeys(("--date", "--day", "--when", "--as-of", "--data-dnia", "--dzien", "--dzień", "--year"), "--on"),
    **dict.fromkeys(("--point", "--coords", "--coordinates", "--location", "--gps", "--latlon", "--lat"), "--at"),
    **dict.fromkeys(("--center", "--id", "--owes", "--osrodek", "--ośrodek"), "--centre"),
    **dict.fromkeys(("--language", "--jezyk", "--język"), "--lang"),
    **dict.fromkeys(("--all", "--long", "--verbose", "--details", "--wszystko", "--pelna", "--pełna"), "--full"),
    **dict.fromkeys(("--out", "--file", "--plik"), "--output"),
}

HELP: dict[str, tuple[str, str]] = {
    "owes": (
        "Katalog Ośrodków Wsparcia Ekonomii Społecznej (OWES) województwa lubuskiego: "
        "który ośrodek obsługuje Twój powiat, kto go prowadzi, co oferuje i skąd to wiemy.",
        "Directory of the Social Economy Support Centres (OWES) of Lubuskie: which centre "
        "serves your county, who runs it, what it offers, and where each fact comes from.",
    ),
    "which-centre": (
        "Który ośrodek obsługuje powiat, miejscowość, gminę albo punkt na mapie "
        "(--county żarski, --place Lubsko, --at 51.6417,15.1381).",
        "Which centre serves a county, town, gmina or point (--county żarski, --place Lubsko, --at 51.6417,15.1381).",
    ),
    "places": (
        "Miejscowości i gminy powiatu (albo całego regionu) z kodami TERYT i SIMC.",
        "List the towns, gminas and localities of a county (or of the whole region) with their TERYT and SIMC codes.",
    ),
    "place": (
        "Wszystko, co wiemy o jednej miejscowości lub gminie: gmina, powiat, ośrodek w każdym okresie.",
        "Show everything known about one town, village or gmina: its gmina, county and centre in each period.",
    ),
    "map": (
        "Zapisz mapę powiatów regionu w kolorach obsługujących je ośrodków (SVG albo PNG).",
        "Draw the region's counties coloured by the centre serving them, as SVG or PNG.",
    ),
    "centres": ("Lista ośrodków we wszystkich okresach.", "List the centres of every period."),
    "centre": ("Jeden ośrodek, ze wszystkim, co o nim wiemy.", "Show one centre in full."),
    "counties": (
        "Powiaty regionu i ośrodek każdego z nich w wybranym dniu.",
        "List the region's counties with each one's centre on a given day.",
    ),
    "services": (
        "Usługi ośrodków, opcjonalnie jednego ośrodka.",
        "List the centres' services, optionally of one centre.",
    ),
    "audiences": ("Dla kogo są ośrodki.", "List who the centres are for."),
    "sources": ("Skąd pochodzą dane, z datami.", "List where the data comes from, with dates."),
    "history": (
        "Historia powiatu we wszystkich okresach (--county) albo jednego ośrodka (--centre).",
        "The history of a county across all periods (--county), or of one centre (--centre).",
    ),
    "periods": (
        "Programy i okresy działania ośrodków, ze źródłami.",
        "List the programmes and periods of the centres, with their sources.",
    ),
    "validate": (
        "Sprawdź zbiór danych i zgłoś każdy problem z jego miejscem.",
        "Check a dataset and report every problem with its place.",
    ),
    "export": (
        "Zapisz zestawienie jako dokument PDF lub Word: cały okres, jeden ośrodek (--centre) "
        "albo odpowiedź dla powiatu (--county); albo cały zbiór danych jako arkusz (-o PLIK.xlsx); "
        "albo mapę jako dane GeoJSON (-o PLIK.geojson).",
        "Export a printable PDF or Word document: the whole period, one centre (--centre) "
        "or the answer for one county (--county); or the whole dataset as a spreadsheet (-o FILE.xlsx); "
        "or the map as GeoJSON data (-o FILE.geojson).",
    ),
}

PARAM_HELP: dict[str, tuple[str, str]] = {
    "county": (
        "Powiat: nazwa w dowolnym przypadku, z polskimi znakami lub bez, albo kod TERYT.",
        "County: its name in any case, with or without Polish letters, or its TERYT code.",
    ),
    "on": (
        "Odpowiedz według stanu na ten dzień (RRRR-MM-DD); domyślnie dziś.",
        "Answer as of this day (YYYY-MM-DD); today by default.",
    ),
    "fmt": (
        "Format wyniku: auto (tabela w terminalu, zwykły tekst w potoku), table, plain, json, csv.",
        "Output format: auto (a table on a terminal, plain text when piped), table, plain, json, csv.",
    ),
    "lang": (
        "Język komunikatów: pl albo en (domyślnie OWES_LANG, potem locale).",
        "Language of messages: pl or en (default: OWES_LANG, then the locale).",
    ),
    "data": (
        "Inny plik danych (także zmienna OWES_DATA); domyślnie dane dołączone do programu.",
        "Another dataset file (also the OWES_DATA variable); the bundled data by default.",
    ),
    "place": (
        "Miejscowość albo gmina: nazwa w dowolnej formie („w Żarach”, „Olbrachtow”), "
        "7-cyfrowy kod TERYT lub identyfikator SIMC.",
        "A town, village or gmina: its name in any form (“w Żarach”, “Olbrachtow”), its 7-digit TERYT code or SIMC id.",
    ),
    "at": (
        "Punkt: szerokość, potem długość geograficzna (WGS84, jak w telefonie), np. --at 51.6417,15.1381 dla Żar.",
        "A point: latitude first, then longitude (WGS84, as a phone gives them), e.g. --at 51.6417,15.1381 for Żary.",
    ),
    "name": (
        "Nazwa miejscowości lub gminy albo jej 7-cyfrowy kod TERYT.",
        "The name of a town or gmina, or its 7-digit TERYT code.",
    ),
    # Help for one command's option, where the same name means different things.
    "map.output": (
        "Plik do zapisania (.svg albo .png); „-” wypisuje na standardowe wyjście.",
        "The file to write (.svg or .png); “-” writes to standard output.",
    ),
    "image_format": (
        "svg albo png; domyślnie według rozszerzenia pliku.",
        "svg or png; by default from the file's extension.",
    ),
    "force": ("Zastąp istniejący plik.", "Replace an existing file."),
    "quiet": (
        "Nie mów na standardowym wyjściu błędów, co zapisano.",
        "Do not say on standard error what was written.",
    ),
    "centre_id": (
        "Identyfikator ośrodka, np. zielona-gora-2013 (lista: owes centres).",
        "A centre's id, e.g. zielona-gora-2013 (see owes centres).",
    ),
    "words": (
        "Powiat, miejscowość albo punkt bez opcji: owes próbuje po kolei i mówi, jak odczytał.",
        "A county, place or point without an option: owes tries each in turn and says which it took.",
    ),
    "install_completion": (
        "Zainstaluj dopełnianie w bieżącej powłoce (bash, zsh, fish).",
        "Install completion for the current shell (bash, zsh, fish).",
    ),
    "show_completion": (
        "Pokaż skrypt dopełniania dla bieżącej powłoki, by go skopiować.",
        "Show the completion script for the current shell, to copy it.",
    ),
    "quotes": (
        "Pokaż zapisane cytaty każdego źródła, z których wzięto fakty.",
        "Show each source's stored quotes, the passages the facts were taken from.",
    ),
    "full": (
        "Pełna odpowiedź: ośrodki ze wszystkimi szczegółami, usługi, adresaci i źródła.",
        "The full answer: every centre in detail, services, audiences and sources.",
    ),
    "no_pager": (
        "Nie przekazuj długiego wyniku do przeglądarki (OWES_PAGER, PAGER, less -FRX).",
        "Do not send long output to the pager (OWES_PAGER, PAGER, less -FRX).",
    ),
    "show_version": ("Pokaż wersję i zakończ.", "Show the version and exit."),
    "no_cache": (
        "Sprawdź plik danych od nowa i niczego nie zachowuj w pamięci podręcznej (także zmienna OWES_NO_CACHE).",
        "Read and check the dataset afresh, keeping nothing in the cache (also the OWES_NO_CACHE variable).",
    ),
    "export.output": (
        "Plik wynikowy (.pdf, .docx, .xlsx, .html albo .geojson); „-” wypisuje go na standardowe wyjście, "
        "jeśli nie jest nim terminal.",
        "The file to write (.pdf, .docx, .xlsx, .html or .geojson); “-” writes it to stdout "
        "when that is not a terminal.",
    ),
    "doc_format": (
        "Format: pdf, docx, xlsx, html albo geojson; domyślnie według końcówki pliku.",
        "Format: pdf, docx, xlsx, html or geojson; taken from the file name by default.",
    ),
    "path": (
        "Plik do sprawdzenia; domyślnie --data albo dane dołączone.",
        "The file to check; --data or the bundled data by default.",
    ),
}


METAVARS: dict[str, tuple[str, str]] = {
    "county": ("NAZWA", "NAME"),
    "name": ("NAZWA", "NAME"),
    "path": ("[PLIK]", "[PATH]"),
    "data": ("PLIK", "PATH"),
    "on": ("RRRR-MM-DD", "YYYY-MM-DD"),
    "words": ("[POWIAT|MIEJSCE|SZER,DŁUG]", "[COUNTY|PLACE|LAT,LON]"),
    "place": ("NAZWA", "TEXT"),
    "at": ("SZER,DŁUG", "LAT,LON"),
    "export.output": ("PLIK", "FILE"),
    "map.output": ("PLIK.svg|PLIK.png", "FILE.svg|FILE.png"),
}
# What Click's usage line calls the options, and the group's command and its arguments.
OPTIONS_METAVAR = ("[OPCJE]", "[OPTIONS]")
SUBCOMMAND_METAVAR = ("POLECENIE [ARGUMENTY]...", "COMMAND [ARGS]...")

# The words Click puts in --help around our own texts.
HELP_WORDS: dict[str, tuple[str, str]] = {
    "Usage": ("Użycie", "Usage"),
    "Options": ("Opcje", "Options"),
    "Arguments": ("Argumenty", "Arguments"),
    "Commands": ("Polecenia", "Commands"),
    "[required]": ("[wymagane]", "[required]"),
}


def help_word(word: str) -> str:
    pair = HELP_WORDS.get(word)
    return (pair[0] if active_lang() == "pl" else pair[1]) if pair else word


HELP_OPTION = ("Pokaż tę pomoc i zakończ.", "Show this help and exit.")


class _HelpContext:
    help_option_names = ["-h", "--help"]


# Real examples under each command's --help ("\b" keeps Click from rewrapping them).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "which-centre": (
        "owes which-centre Żary",
        "owes which-centre --county żarski --on 1.06.2014",
        "owes which-centre --at 51.64,15.14 --full",
    ),
    "places": ("owes places --county żarski", "owes places --format csv"),
    "place": ("owes place Olbrachtów", "owes place Nowa Sól --format json"),
    "map": ("owes map -o lubuskie.svg", "owes map -o 2014.png --on 2014-06-01"),
    "centres": ("owes centres", "owes centres --format csv"),
    "centre": ("owes centre gorzow-2024", "owes centre zielona-gora-2013 --format json"),
    "counties": ("owes counties", "owes counties --on 2014-06-01 --format csv"),
    "services": ("owes services", "owes services --centre zielona-gora-2013"),
    "audiences": ("owes audiences",),
    "sources": ("owes sources", "owes sources --quotes"),
    "history": ("owes history --county żarski", "owes history --centre gorzow-2024"),
    "periods": ("owes periods",),
    "validate": ("owes validate", "owes validate --format json"),
    "export": (
        "owes export -o zarski.pdf --county żarski",
        "owes export -o centre.docx --centre gorzow-2024 --lang en",
        "owes export -o owes.xlsx",
    ),
}
EXAMPLES_HEADING = ("Przykłady:", "Examples:")


def with_examples(text: str, name: str, index: int) -> str:
    examples = EXAMPLES.get(name)
    if not examples:
        return text
    lines = "\n".join("  " + example for example in examples)
    return f"{text}\n\n\b\n{EXAMPLES_HEADING[index]}\n{lines}"


def localise_help(group: Any, lang: str) -> None:
    """Put the chosen language's help text on the commands and options (once a run: the
    first help, usage error or completion asks for it; a run that shows none never does)."""
    if getattr(group, "localised_to", None) == lang:
        return
    group.localised_to = lang
    index = 0 if lang == "pl" else 1
    group.help = HELP["owes"][index]
    group.subcommand_metavar = SUBCOMMAND_METAVAR[index]
    for command in [group, *getattr(group, "commands", {}).values()]:
        if command is not group and command.name in HELP:
            command.help = with_examples(HELP[command.name][index], command.name, index)
            command.short_help = HELP[command.name][index]
        # Click builds --help lazily with English text; build it now and translate it.
        help_option = command.get_help_option(_HelpContext())
        if help_option is not None:
            help_option.help = HELP_OPTION[index]
        for param in command.params:
            texts = PARAM_HELP.get(f"{command.name}.{param.name}") or PARAM_HELP.get(param.name or "")
            if texts and hasattr(param, "help"):
                param.help = texts[index]
            metavar = METAVARS.get(f"{command.name}.{param.name}") or METAVARS.get(param.name or "")
            if metavar:
                param.metavar = metavar[index]
        command.options_metavar = OPTIONS_METAVAR[index]


class LocalisedHelpFormatter(click_compat.HelpFormatter):
    """Click's help layout with its own words ("Usage:", "Options") in the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else help_word("Usage") + ": ")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        required = help_word("[required]")
        super().write_dl([(term, text.replace("[required]", required)) for term, text in rows], col_max, col_spacing)

    @contextlib.contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(help_word(name)):
            yield


def formatter_for(ctx: click_compat.ClickContext) -> LocalisedHelpFormatter:
    """The formatter for help or usage shown in `ctx`, its texts first put into the run's language."""
    localise_help(ctx.find_root().command, active_lang())
    return LocalisedHelpFormatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
