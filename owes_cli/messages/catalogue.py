"""The pl/en catalogue of every message and label, and `t()` that renders one.

Data names (centres, counties, organisations) stay in Polish in both
languages; everything the tool itself says follows `--lang`. A count in a
message names its forms, "{centres:# ośrodek|# ośrodki|# ośrodków}", and
`t()` picks the one the number needs (see `plural`).
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from owes_cli.domain.names import county_case, is_city_county  # a leaf: Polish names, nothing of ours
from owes_cli.safe_text import shown

if TYPE_CHECKING:
    from owes_cli.errors import Problem

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors -----------------------------------------------------------
    "query_empty": (
        "Podaj nazwę {what}; pusty tekst niczego nie wskazuje.",
        "Give the name {what}; empty text names nothing.",
    ),
    "query_too_long": (
        "Nazwa {what} jest za długa: najwyżej {limit:# znak|# znaki|# znaków}.",
        "The name {what} is too long: at most {limit:# character|# characters}.",
    ),
    "county_not_found": ("Nie znaleziono powiatu „{query}”.", "No county matches “{query}”."),
    "county_code_unknown": (
        "Kod TERYT „{query}” nie jest kodem żadnego powiatu w rejestrze TERYT.",
        "“{query}” is not the TERYT code of any county in the register.",
    ),
    "county_outside_coverage": (
        "„{query}” leży poza zasięgiem tych danych ({coverage}):",
        "“{query}” lies outside this dataset's coverage ({coverage}):",
    ),
    "county_ambiguous": (
        "„{query}” pasuje do kilku powiatów; wybierz jeden:",
        "“{query}” fits several counties; choose one:",
    ),
    "centre_not_found": ("Nie ma ośrodka o identyfikatorze „{query}”.", "There is no centre with the id “{query}”."),
    "centre_ambiguous": (
        "„{query}” pasuje do kilku ośrodków; wybierz jeden:",
        "“{query}” fits several centres; choose one:",
    ),
    "bad_date": (
        "Niepoprawna data „{value}”: użyj formatu RRRR-MM-DD, np. 2014-06-01.",
        "Invalid date “{value}”: use YYYY-MM-DD, e.g. 2014-06-01.",
    ),
    "bad_lang": ("Nieznany język „{value}”: wybierz pl albo en.", "Unknown language “{value}”: choose pl or en."),
    "bad_format": (
        "Format „{value}” nie pasuje do tego polecenia: wybierz {choices}.",
        "The format “{value}” does not fit this command: choose {choices}.",
    ),
    "dataset_invalid": (
        "Zbiór danych {path} jest błędny ({count:# problem|# problemy|# problemów}):",
        "The dataset {path} is invalid ({count:# problem|# problems}):",
    ),
    "interrupted": ("Przerwano.", "Interrupted."),
    "installation_damaged": (
        "Instalacja owes jest uszkodzona: plik danych {file} {damage}. "
        "Zainstaluj owes ponownie (pip install --force-reinstall owes).",
        "The installation is damaged: the data file {file} {damage}. "
        "Reinstall owes (pip install --force-reinstall owes).",
    ),
    "damage_missing": ("nie istnieje", "is missing"),
    "damage_unreadable": ("nie daje się odczytać", "cannot be read"),
    "damage_malformed": ("nie jest plikiem, który zbudowano", "is not the file that was built"),
    "output_exists": (
        "Plik {path} już istnieje; dodaj --force, aby go zastąpić.",
        "{path} already exists; add --force to replace it.",
    ),
    "output_not_regular": (
        "{path} nie jest zwykłym plikiem (urządzenie, potok?); zapisujemy tylko do plików.",
        "{path} is not a regular file (a device, a pipe?); we write only to files.",
    ),
    "output_is_dir": ("{path} to katalog; podaj nazwę pliku.", "{path} is a directory; give a file name."),
    "output_symlink": (
        "{path} to dowiązanie symboliczne; nie zapisujemy przez dowiązania.",
        "{path} is a symbolic link; we do not write through links.",
    ),
    "output_no_dir": (
        "Nie można zapisać {path}: katalog {dir} nie istnieje.",
        "Cannot write {path}: the directory {dir} does not exist.",
    ),
    "output_not_writable": (
        "Nie można zapisać {path}: brak uprawnień do katalogu {dir}.",
        "Cannot write {path}: no permission to write in {dir}.",
    ),
    "output_failed": (
        "Nie udało się zapisać {path}: {detail}. Poprzedni plik pozostał bez zmian.",
        "Could not write {path}: {detail}. Any previous file is unchanged.",
    ),
    "stdout_failed": ("Nie udało się wypisać wyniku: {detail}.", "Could not write the output: {detail}."),
    "output_tty": (
        "Nie wypisujemy pliku binarnego na terminal; przekieruj wynik (-o - > plik) albo podaj -o PLIK.",
        "We do not print a binary file to a terminal; redirect it (-o - > file) or give -o FILE.",
    ),
    # --- exported documents (owes export) ---------------------------------
    "doc_directory": ("Zestawienie ośrodków: {period}", "Directory of centres: {period}"),
    "doc_centre": ("Karta ośrodka", "Centre profile"),
    "doc_county": ("Który ośrodek obsługuje powiat {county}", "Which centre serves powiat {county}"),
    "doc_generated": ("Wygenerowano", "Generated"),
    "doc_data_as_of": ("Dane według stanu na", "Data as of"),
    "doc_answer_on": ("Odpowiedź na dzień", "Answer for"),
    "doc_page_of": ("Strona {page} z {pages}", "Page {page} of {pages}"),
    "doc_historical": ("Dokument historyczny", "Historical document"),
    "doc_overview": ("Powiaty i ich ośrodki", "Counties and their centres"),
    "doc_map": ("Mapa: który ośrodek obsługuje który powiat", "Map: which centre serves each county"),
    "doc_centre_counties_unknown": (
        "Nasze źródła nie podają, które powiaty obsługuje ten ośrodek.",
        "Our sources do not say which counties this centre serves.",
    ),
    "doc_about_sources": (
        "Każda informacja w tym dokumencie pochodzi z wymienionych źródeł. Czego źródła "
        "nie podają, oznaczono jako „brak w naszych źródłach”; niczego nie uzupełniamy "
        "domysłami.",
        "Every statement in this document comes from the sources listed. What the sources "
        "do not give is marked “not in our sources”; nothing is filled in by guesswork.",
    ),
    "doc_subject": (
        "Ośrodki Wsparcia Ekonomii Społecznej (OWES) w województwie lubuskim",
        "Social Economy Support Centres (OWES) in Lubuskie",
    ),
    "doc_keywords": ("OWES, ekonomia społeczna, lubuskie", "OWES, social economy, Lubuskie"),
    "service": ("Usługa", "Service"),
    "export_needs_output": (
        "Podaj, dokąd zapisać dokument: -o PLIK.pdf, -o PLIK.docx albo -o - --format pdf.",
        "Say where to write the document: -o FILE.pdf, -o FILE.docx or -o - --format pdf.",
    ),
    "output_empty": (
        "Podaj nazwę pliku w -o (albo -o -, aby pisać na standardowe wyjście).",
        "Give a file name with -o (or -o - to write to standard output).",
    ),
    "output_unknown_suffix": (
        "Nie wiem, jaki format ma mieć {path}: użyj końcówki {suffixes} albo podaj --format {choices}.",
        "Cannot tell the format of {path}: end it with {suffixes}, or give --format {choices}.",
    ),
    "output_suffix_mismatch": (
        "Końcówka pliku {path} nie pasuje do --format {format}.",
        "The file name {path} does not match --format {format}.",
    ),
    "export_one_subject": (
        "Podaj --centre albo miejsce (--county, --place, --at), nie oba.",
        "Give --centre or a place (--county, --place, --at), not both.",
    ),
    "which_centre_needs_place": (
        "Podaj, o jakie miejsce pytasz: --county POWIAT, --place MIEJSCOWOŚĆ albo "
        "--at SZER,DŁUG (np. --county żarski, --place Lubsko, "
        "--at 51.6417,15.1381).",
        "Say which place you mean: --county COUNTY, --place TOWN or --at LAT,LON "
        "(e.g. --county żarski, --place Lubsko, --at 51.6417,15.1381).",
    ),
    "which_centre_one_place": (
        "Podaj tylko jedno z --county, --place i --at (podano: {given}).",
        "Give only one of --county, --place and --at (given: {given}).",
    ),
    "place_not_found": (
        "Nie znaleziono miejscowości ani gminy „{query}”.",
        "No town, village or gmina matches “{query}”.",
    ),
    "place_code_unknown": (
        "„{query}” nie jest 7-cyfrowym kodem TERYT gminy ani miasta, ani identyfikatorem SIMC miejscowości.",
        "“{query}” is neither the 7-digit TERYT code of a gmina or town nor the SIMC id of a locality.",
    ),
    "place_outside_coverage": (
        "„{query}” leży poza zasięgiem tych danych ({coverage}):",
        "“{query}” lies outside this dataset's coverage ({coverage}):",
    ),
    "place_ambiguous": (
        "„{query}” pasuje do miejsc w kilku powiatach; wybierz jedno:",
        "“{query}” fits places in several counties; choose one:",
    ),
    "place_match": (
        "  {name} ({teryt}, {kind_label}), powiat {county}, województwo {voivodeship}",
        "  {name} ({teryt}, {kind_label}), powiat {county}, województwo {voivodeship}",
    ),
    "try_place": ("Spróbuj: owes which-centre --place {code}", "Try: owes which-centre --place {code}"),
    "list_places": (
        "Miejscowości i gminy powiatu: owes places --county POWIAT",
        "A county's towns and gminas: owes places --county COUNTY",
    ),
    "bad_coordinates": (
        "Nie rozumiem współrzędnych „{value}”: podaj szerokość, potem długość geograficzną, "
        "np. --at 51.6417,15.1381 (Żary).",
        "Cannot read the coordinates “{value}”: give latitude, then longitude, e.g. --at 51.6417,15.1381 (Żary).",
    ),
    "latitude_out_of_range": (
        "Szerokość geograficzna {lat} jest poza zakresem −90…90 (najpierw szerokość, "
        "potem długość, np. --at 51.6417,15.1381).",
        "The latitude {lat} is outside −90…90 (latitude comes first, then longitude, e.g. --at 51.6417,15.1381).",
    ),
    "longitude_out_of_range": (
        "Długość geograficzna {lon} jest poza zakresem −180…180.",
        "The longitude {lon} is outside −180…180.",
    ),
    "point_outside_coverage": (
        "Punkt {at} leży w województwie {voivodeship}, poza zasięgiem tych danych ({coverage}).",
        "The point {at} lies in województwo {voivodeship}, outside this dataset's coverage ({coverage}).",
    ),
    "point_outside_poland": (
        "Punkt {at} leży poza Polską; te dane obejmują {coverage}.",
        "The point {at} lies outside Poland; this dataset covers {coverage}.",
    ),
    "point_on_border": (
        "Punkt {at} leży na granicy gmin województwa {region}; podaj punkt wewnątrz gminy albo użyj --place.",
        "The point {at} lies on a boundary of województwo {region}'s gminas; give a point "
        "inside a gmina, or use --place.",
    ),
    "point_swapped": (
        "Czy chodziło o --at {swapped}? Najpierw szerokość, potem długość geograficzna.",
        "Did you mean --at {swapped}? Latitude comes first, then longitude.",
    ),
    "argument_too_long": (
        "Argument nr {position} jest za długi ({length:# znak|# znaki|# znaków}; najwyżej {limit}).",
        "Argument {position} is too long ({length:# character|# characters}; at most {limit}).",
    ),
    "usage_no_command": ("Nie ma polecenia „{name}”.", "There is no command “{name}”."),
    "usage_no_option": ("Nieznana opcja {name}.", "Unknown option {name}."),
    "usage_missing": ("Brakuje {name}.", "{name} is missing."),
    "usage_needs_value": ("Opcja {name} wymaga wartości.", "The option {name} needs a value."),
    "usage_other": ("Błąd wywołania: {detail}", "Usage error: {detail}"),
    "usage_extra_args": (
        'Nadmiarowe słowa: {words}. Nazwę z kilku słów ujmij w cudzysłów, np. --place "Nowa Sól".',
        'Unexpected extra words: {words}. Put a name of several words in quotes, e.g. --place "Nowa Sól".',
    ),
    "usage_help": ("Pomoc: owes {command}--help", "Help: owes {command}--help"),
    "did_you_mean": ("Czy chodziło o: {options}?", "Did you mean: {options}?"),
    "try_county": ("Spróbuj: owes which-centre --county {code}", "Try: owes which-centre --county {code}"),
    "list_counties": ("Lista powiatów: owes counties", "All counties: owes counties"),
    "list_centres": ("Lista ośrodków: owes centres", "All centres: owes centres"),
    "outside_match": ("  {name} ({teryt}), województwo {voivodeship}", "  {name} ({teryt}), województwo {voivodeship}"),
    # --- notes shown with an answer ----------------------------------------
    "county_also_outside": (
        "Uwaga: „{name}” ({teryt}) to także powiat w województwie {voivodeship}, poza zasięgiem tych danych.",
        "Note: “{name}” ({teryt}) is also a county in województwo {voivodeship}, outside this dataset's coverage.",
    ),
    # Both lie in one county, so the answer below holds for both (whatever it says).
    "place_same_name_in_county": (
        "Uwaga: „{name}” to także {kind_label} ({teryt}) w tym samym powiecie; odpowiedź dotyczy obu.",
        "Note: “{name}” is also the name of the {kind_label} {teryt} in the same county; the answer holds for both.",
    ),
    "place_also_outside": (
        "Uwaga: „{name}” to także {kind_label} ({teryt}) w powiecie {county:loc}, "
        "województwo {voivodeship}, poza zasięgiem tych danych.",
        "Note: “{name}” is also the name of the {kind_label} {teryt} in powiat {county}, "
        "województwo {voivodeship}, outside this dataset's coverage.",
    ),
    "place_more_outside": (
        "Uwaga: {count:pasuje też # inne miejsce|pasują też # inne miejsca|pasuje też # innych miejsc} "
        "poza zasięgiem tych danych.",
        "Note: {count:# more place|# more places} outside this dataset's coverage {count:fits|fit} too.",
    ),
    "county_city_separate": (
        "Uwaga: miasto {city} to osobny powiat grodzki ({teryt}).",
        "Note: the city of {city} is a separate county with county rights ({teryt}).",
    ),
    # --- answer wording ---------------------------------------------------
    "status_current": ("aktualne na {on}", "current on {on}"),
    "status_historical": (
        "dane historyczne: ten okres zakończył się {end}; nowszych danych nie mamy",
        "historical: this period ended on {end}; we have no later data",
    ),
    "status_historical_unstated": (
        "dane historyczne: końca tego okresu nie ma w naszych źródłach; następny okres zaczął się {next}",
        "historical: the end of this period is not in our sources; the next period began on {next}",
    ),
    "map_before_next": (
        "Stan przed {next} (początkiem następnego okresu)",
        "Before {next} (when the next period began)",
    ),
    "status_historical_open": ("dane historyczne: nowszych danych nie mamy", "historical: we have no later data"),
    "status_before_first": (
        "nie znamy jeszcze żadnego ośrodka: pierwszy znany okres zaczyna się {start}",
        "no centre is known yet: the first known period starts on {start}",
    ),
    "status_between": (
        "{period} zakończył się {end}; następny okres zaczyna się {next}",
        "the {period} had ended on {end}; the next period begins {next}",
    ),
    "in_year": ("w {date} r.", "in {date}"),
    "on_date": ("{date}", "on {date}"),
    "coverage_unknown": (
        "Źródła nie podają, który z tych ośrodków obsługuje powiat {county}.",
        "Our sources do not say which of these centres serves powiat {county}.",
    ),
    "coverage_none": (
        "W tym okresie żaden ośrodek nie obsługiwał powiatu {county:gen}.",
        "In this period no centre served powiat {county}.",
    ),
    "not_in_sources": ("brak w naszych źródłach", "not in our sources"),
    "today": ("Dziś", "Today"),
    "last_confirmed": ("Ostatnio potwierdzone", "Last confirmed"),
    "no_confirmed": (
        "Żadne źródło nie wskazuje ośrodka dla tego powiatu.",
        "No source names a centre for this county.",
    ),
    # --- labels -----------------------------------------------------------
    "county": ("Powiat", "County"),
    "teryt": ("TERYT", "TERYT"),
    "kind": ("Rodzaj", "Kind"),
    "kind_land": ("powiat ziemski", "land county"),
    "kind_city": ("miasto na prawach powiatu", "city with county rights"),
    "kind_urban": ("gmina miejska", "urban gmina"),
    "kind_rural": ("gmina wiejska", "rural gmina"),
    "kind_urban-rural": ("gmina miejsko-wiejska", "urban-rural gmina"),
    "kind_town": ("miasto", "town"),
    "place": ("Miejsce", "Place"),
    "places": ("Miejscowości i gminy", "Towns and gminas"),
    "gmina": ("Gmina", "Gmina"),
    "town": ("Miasto", "Town"),
    "voivodeship": ("Województwo", "Voivodeship"),
    "at": ("Punkt", "Point"),
    "no_town": ("gmina wiejska: bez miasta", "a rural gmina: no town"),
    "interior_point": ("Punkt wewnątrz gminy", "A point inside the gmina"),
    "same_name": ("Ta sama nazwa", "Same name"),
    "centre_by_period": ("Ośrodek w kolejnych okresach", "Centre in each period"),
    "register": ("Rejestr", "Register"),
    "boundaries": ("Granice", "Boundaries"),
    "map_title": (
        "Ośrodki Wsparcia Ekonomii Społecznej, województwo lubuskie",
        "Social Economy Support Centres (OWES), Lubuskie",
    ),
    "map_on": ("Stan na {on}", "As of {on}"),
    "map_seat": ("siedziba ośrodka", "seat of a centre"),
    "map_unknown": ("który ośrodek: brak w naszych źródłach", "which centre: not in our sources"),
    "map_none": ("żaden ośrodek", "no centre"),
    "map_all_unknown": (
        "Na ten dzień nasze źródła nie podają, który ośrodek obsługuje który powiat.",
        "For this day our sources do not say which centre serves which county.",
    ),
    "map_emphasised": ("{county}: powiat, o który pytano", "{county}: the county asked about"),
    "map_alt": (
        "Mapa powiatów województwa lubuskiego w kolorach obsługujących je ośrodków",
        "Map of the counties of Lubuskie in the colours of the centres that serve them",
    ),
    "map_credits": (
        "Granice: {boundaries} ({boundaries_as_of}). Powiaty: TERYT, GUS ({teryt_as_of}).",
        "Boundaries: {boundaries} ({boundaries_as_of}). Counties: TERYT, GUS ({teryt_as_of}).",
    ),
    "map_written": ("Zapisano mapę: {path}", "Map written: {path}"),
    "pdf_written": ("Zapisano dokument PDF: {path}", "PDF written: {path}"),
    "docx_written": ("Zapisano dokument Word: {path}", "Word document written: {path}"),
    "xlsx_written": ("Zapisano arkusz kalkulacyjny: {path}", "Spreadsheet written: {path}"),
    "html_written": ("Zapisano stronę WWW: {path}", "Web page written: {path}"),
    "geojson_written": ("Zapisano plik GeoJSON: {path}", "GeoJSON written: {path}"),
    "readings_same_answer": (
        "Uwaga: „{query}” to także {readings}; odpowiedź jest dla nich ta sama.",
        "Note: “{query}” also names {readings}; the answer holds for them too.",
    ),
    "reading_named_unit": ("{name} ({kind_label}, powiat {county})", "{name} ({kind_label}, powiat {county})"),
    "reading_named_locality": (
        "{name} ({kind_label}, gmina {gmina}, powiat {county})",
        "{name} ({kind_label}, gmina {gmina}, powiat {county})",
    ),
    "on_not_a_date": (
        "on= przyjmuje datę (datetime.date) albo tekst, np. „2014-06-01”, „2014-06” lub „2014”; podano {value}.",
        "on= takes a date (datetime.date) or text such as “2014-06-01”, “2014-06” or “2014”; got {value}.",
    ),
    "centre": ("Ośrodek", "Centre"),
    "centres": ("Ośrodki", "Centres"),
    "from": ("Od", "From"),
    "to": ("Do", "To"),
    "id": ("Id", "Id"),
    "name": ("Nazwa", "Name"),
    "subregion": ("Subregion", "Subregion"),
    "seat": ("Siedziba", "Seat"),
    "period": ("Okres", "Period"),
    "status": ("Stan", "Status"),
    "programme": ("Program", "Programme"),
    "measure": ("Działanie", "Measure"),
    "lead": ("Lider projektu", "Project lead"),
    "operators": ("Prowadzi", "Run by"),
    "run_by": ("Prowadzi", "Run by"),
    "role_lead": ("lider", "lead"),
    "role_partner": ("partner", "partner"),
    "role_consortium member": ("członek konsorcjum", "consortium member"),
    "role_project lead": ("lider projektu", "project lead"),
    "website_of_period": ("strona okresu", "the period's website"),
    "aim": ("Cel", "Aim"),
    "website": ("Strona", "Website"),
    "address": ("Adres", "Address"),
    "contact": ("Telefon, e-mail", "Phone, e-mail"),
    "undated": ("bez daty", "undated"),
    "milestone_period-start": ("początek okresu: {period}", "the period starts: {period}"),
    "milestone_period-end": ("koniec okresu: {period}", "the period ends: {period}"),
    "milestone_centre_start": ("ośrodek zaczyna działać (jego własna data)", "the centre starts (its own date)"),
    "milestone_centre_end": ("ośrodek kończy działanie (jego własna data)", "the centre ends (its own date)"),
    "milestone_address": ("adres: {address}", "address: {address}"),
    "milestone_reported": ("(data publikacji) {text}", "(date reported) {text}"),
    "periods": ("Okresy", "Periods"),
    "history": ("Historia", "History"),
    "what": ("Co", "What"),
    "period_centres": ("Ośrodki okresu", "Centres of the period"),
    "history_needs_one": (
        "Podaj dokładnie jedno: --county NAZWA albo --centre ID.",
        "Give exactly one of --county NAME or --centre ID.",
    ),
    "as_of": ("stan na", "as of"),
    "counties": ("Powiaty", "Counties"),
    "services": ("Usługi", "Services"),
    "audiences": ("Dla kogo", "Audiences"),
    "group": ("Grupa", "Group"),
    "group_advice": ("doradztwo", "advice"),
    "group_specialist": ("wsparcie specjalistyczne", "specialist support"),
    "group_promotion": ("szkolenia i promocja", "training and promotion"),
    "group_funding": ("finansowanie", "funding"),
    "group_primary": ("główni adresaci", "primary"),
    "group_wider": ("także", "wider"),
    "part_of": ("W ramach", "Part of"),
    "sources": ("Źródła", "Sources"),
    "doc_continued": ("{heading} (cd.)", "{heading} (continued)"),
    "sources_cited": ("Źródła: {numbers} (lista na końcu dokumentu)", "Sources: {numbers} (listed at the end)"),
    "source": ("Źródło", "Source"),
    "title": ("Tytuł", "Title"),
    "publisher": ("Wydawca", "Publisher"),
    "url": ("Adres WWW", "Address (URL)"),
    "date": ("Data", "Date"),
    "documents": ("Dokumenty", "Documents"),
    "events": ("Wydarzenia", "Events"),
    "facts": ("Fakty", "Facts"),
    "reported": ("opisane", "reported"),
    "coverage": ("Zasięg", "Coverage"),
    "coverage_confirmed": ("potwierdzony", "confirmed"),
    "coverage_label_unknown": ("nieznany", "unknown"),
    "coverage_label_none": ("brak", "none"),
    "valid": (
        "Zbiór danych {path} jest poprawny: {centres:# ośrodek|# ośrodki|# ośrodków}, "
        "{counties:# powiat|# powiaty|# powiatów}, {sources:# źródło|# źródła|# źródeł}.",
        "The dataset {path} is valid: {centres:# centre|# centres}, {counties:# county|# counties}, "
        "{sources:# source|# sources}.",
    ),
    # --- every fact with its evidence (issue 21) ------------------------------
    "valid_unquoted": (
        "Bez cytatu ze źródła (nasze streszczenie): {count:# fakt|# fakty|# faktów}.",
        "Without a quote from their source (our summary): {count:# fact|# facts}.",
    ),
    "unquoted_line": ("  {where} ({record}; źródła: {sources})", "  {where} ({record}; sources: {sources})"),
    "derived": ("Daty wyprowadzone", "Dates derived"),
    "our_summary": ("według {source} (nasze streszczenie)", "according to {source} (our summary)"),
    "open_to": ("Dla kogo", "For whom"),
    "open_to_region": (
        "Projekt ośrodka {where} jest otwarty dla organizacji i osób z całego województwa (źródło {source}).",
        "The {seat} centre's project is open to organisations and people from the whole voivodeship (source {source}).",
    ),
    # --- villages and other localities (issue 11; helper "villages") ------
    "place_postal_code": (
        "„{query}” wygląda na kod pocztowy. Kodów pocztowych nie ma w naszych danych, bo nie istnieje "
        "otwarty i kompletny ich rejestr; podaj nazwę miejscowości, np. --place Olbrachtów.",
        "“{query}” looks like a postal code. Postal codes are not in our data, because no open and "
        "complete register of them exists; give the town or village instead, e.g. --place Olbrachtów.",
    ),
    "place_not_in_gmina": (
        "W gminie „{gmina}” nie ma miejscowości „{query}”.",
        "No locality “{query}” lies in gmina “{gmina}”.",
    ),
    "place_same_name_locality": (
        "Uwaga: „{name}” to także {kind_label} (SIMC {simc}) w gminie {gmina} w tym samym powiecie; "
        "odpowiedź dotyczy obu.",
        "Note: “{name}” is also the name of a {kind_label} (SIMC {simc}) in gmina {gmina} in the same county; "
        "the answer holds for both.",
    ),
    "place_also_outside_locality": (
        "Uwaga: „{name}” to także {kind_label} (SIMC {simc}) w gminie {gmina}, powiat {county}, "
        "województwo {voivodeship}, poza zasięgiem tych danych.",
        "Note: “{name}” is also the name of a {kind_label} (SIMC {simc}) in gmina {gmina}, powiat {county}, "
        "województwo {voivodeship}, outside this dataset's coverage.",
    ),
    "places_more": ("  … i {count} innych", "  … and {count} more"),
    "locality_match": (
        "  {name} (SIMC {simc}, {kind_label}), gmina {gmina}, powiat {county}, województwo {voivodeship}",
        "  {name} (SIMC {simc}, {kind_label}), gmina {gmina}, powiat {county}, województwo {voivodeship}",
    ),
    "try_locality": (
        "Wybierz identyfikatorem SIMC albo nazwą z gminą: owes which-centre --place {simc} "
        'albo --place "{name}, gmina {gmina}" (także "{name} gm. {gmina}")',
        "Choose one by its SIMC id, or by its name with its gmina: owes which-centre --place {simc} "
        'or --place "{name}, gmina {gmina}" (also "{name} gm. {gmina}")',
    ),
    "kind_village": ("wieś", "village"),
    "kind_colony": ("kolonia", "colony"),
    "kind_hamlet": ("przysiółek", "hamlet"),
    "kind_settlement": ("osada", "settlement"),
    "kind_forest-settlement": ("osada leśna", "forest settlement"),
    "kind_housing-estate": ("osiedle", "housing estate"),
    "kind_tourist-hostel": ("schronisko turystyczne", "tourist hostel"),
    "kind_part-of-village": ("część miejscowości", "part of a village"),
    "kind_part-of-town": ("część miasta", "part of a town"),
    # With the place it is part of: "część miasta Zielona Góra", "part of the city of Zielona Góra".
    "part_of_village": ("część miejscowości {parent}", "part of {parent}"),
    "part_of_town": ("część miasta {parent}", "part of the town of {parent}"),
    "part_of_city": ("część miasta {parent}", "part of the city of {parent}"),
    "simc": ("SIMC", "SIMC"),
    "locality_register": ("Rejestr miejscowości", "Register of localities"),
    # hostile (issue 14): bounded errors
    "more_problems": (
        "…i {count} więcej: owes validate {path}",
        "…and {count} more: owes validate {path}",
    ),
    "date_out_of_range": (
        "Data „{value}” jest poza obsługiwanym zakresem: od {first} do {last}.",
        "The date “{value}” is outside the supported range: {first} to {last}.",
    ),
    "terminated": ("Przerwano (sygnał {signal}).", "Stopped (signal {signal})."),
    "point_outside_gminas": (
        "Punkt {at} leży poza wszystkimi gminami województwa {region} ({distance} m od najbliższej); "
        "podaj punkt wewnątrz gminy albo użyj --place.",
        "The point {at} lies outside every gmina of województwo {region} ({distance} m from the nearest); "
        "give a point inside a gmina, or use --place.",
    ),
    "point_no_gminas": (
        "Nie mamy granic gmin województwa {region}, więc punktu {at} nie da się przypisać do gminy; "
        "użyj --place albo --county.",
        "We have no gmina boundaries for województwo {region}, so the point {at} cannot be placed in a gmina; "
        "use --place or --county.",
    ),
    "output_trailing_slash": (
        "{path} kończy się ukośnikiem, więc nazywa katalog; podaj nazwę pliku.",
        "{path} ends in a slash, so it names a directory; give a file name.",
    ),
    # The spreadsheet export (helper "map"): sheet names and column headers, and its one usage error.
    "xlsx_counties_by_period": ("Powiaty w okresach", "Counties by period"),
    "xlsx_from": ("Od", "From"),
    "xlsx_to": ("Do", "To"),
    "xlsx_phones": ("Telefon", "Phone"),
    "xlsx_emails": ("E-mail", "E-mail"),
    "xlsx_county": ("Powiat", "County"),
    "xlsx_teryt": ("TERYT", "TERYT"),
    "xlsx_kind": ("Rodzaj", "Kind"),
    "xlsx_centre_or_candidates": ("Ośrodek (albo ośrodki okresu)", "Centre (or the period's centres)"),
    "xlsx_audience": ("Adresaci", "Audience"),
    "xlsx_quotes": ("Cytaty", "Quotes"),
    "xlsx_whole_dataset": (
        "Arkusz obejmuje cały zbiór danych: pomiń --centre, --county i --on albo wybierz PDF lub Word.",
        "A spreadsheet holds the whole dataset: leave out --centre, --county and --on, or choose PDF or Word.",
    ),
    "geojson_whole_region": (
        "Plik GeoJSON obejmuje wszystkie powiaty regionu: pomiń --centre, --county, --place i --at.",
        "A GeoJSON file holds every county of the region: leave out --centre, --county, --place and --at.",
    ),
    # The web page (owes export -o FILE.html); the web_* texts with {…} are filled in by its script.
    "html_whole_directory": (
        "Strona WWW obejmuje cały katalog i odpowiada na każde wyszukiwanie: pomiń --centre i --county.",
        "The web page holds the whole directory and answers any search: leave out --centre and --county.",
    ),
    "web_intro": (
        "Który Ośrodek Wsparcia Ekonomii Społecznej (OWES) obsługuje Twój powiat, gminę lub miejscowość, "
        "kto go prowadzi i skąd to wiemy. Strona działa bez internetu.",
        "Which Social Economy Support Centre (OWES) serves your county, gmina or town, who runs it "
        "and where each fact comes from. The page works offline.",
    ),
    "web_subtitle": ("Katalog OWES: {region}", "OWES directory: {region}"),
    "web_search": ("Szukaj", "Search"),
    "web_search_label": (
        "Powiat, miasto, gmina, miejscowość lub kod TERYT",
        "County, town, gmina, village or TERYT code",
    ),
    "web_search_hint": (
        "Np. żarski, w powiecie żarskim, Żary, Zary, Bledzew, 0811 albo punkt: 51.6417,15.1381. "
        "Polskie litery nie są konieczne.",
        "E.g. żarski, w powiecie żarskim, Żary, Zary, Bledzew, 0811, or a point: 51.6417,15.1381. "
        "Polish letters are optional.",
    ),
    "web_search_button": ("Pokaż ośrodek", "Show the centre"),
    "web_answer": ("Odpowiedź", "Answer"),
    "web_answer_empty": (
        "Wpisz nazwę powyżej albo wybierz powiat na mapie.",
        "Type a name above or choose a county on the map.",
    ),
    "web_map": ("Mapa: ośrodki według powiatów", "Map: centres by county"),
    "web_map_hint": (
        "Każdy powiat na mapie jest odnośnikiem do jego odpowiedzi.",
        "Each county on the map is a link to its answer.",
    ),
    "web_by_centre": ("Powiaty według ośrodka", "Counties by centre"),
    "web_directory": ("Ośrodki", "Centres"),
    "web_made": ("Strona utworzona {when} przez owes {version}.", "Page made {when} by owes {version}."),
    "web_answer_for": ("Odpowiedź dla: „{query}”", "Answer for “{query}”"),
    "web_ambiguous": (
        "„{query}” pasuje do miejsc w kilku powiatach; wybierz jedno:",
        "“{query}” fits places in several counties; choose one:",
    ),
    "web_outside": (
        "„{query}” leży poza obszarem katalogu ({region}):",
        "“{query}” is outside this directory's region ({region}):",
    ),
    "web_not_found": (
        "„{query}” nie ma w rejestrze miejsc regionu ({region}) ani wśród powiatów, miast i gmin Polski, "
        "które zna ta strona.",
        "“{query}” is not in the register of the region's places ({region}), nor among the counties, "
        "towns and gminas of Poland this page knows.",
    ),
    "web_in_region": ("W regionie:", "In the region:"),
    "web_suggestions": ("Czy chodziło o:", "Did you mean:"),
    "web_empty": ("Wpisz nazwę lub kod.", "Type a name or a code."),
    "web_postal_code": (
        "„{query}” wygląda na kod pocztowy; kodów pocztowych nie ma w naszych danych. Wpisz nazwę miejscowości.",
        "“{query}” looks like a postal code; postal codes are not in our data. Type the town's name.",
    ),
    # The page answers for the reader's day (issue 23): the heading leads with the centre, then says the day once.
    "web_heading": ("{lead} — {subject}, na dzień {day}", "{lead} — {subject}, on {day}"),
    "web_heading_past": (
        "{lead} — {subject}, na dzień {day} (stan historyczny)",
        "{lead} — {subject}, for {day} (historical)",
    ),
    "web_lead_candidates": ("{names} (nie wiadomo który)", "{names} (not known which)"),
    "web_lead_none": ("Żaden znany ośrodek", "No known centre"),
    "web_or": (" lub ", " or "),
    "web_subject": ("powiat {name}", "{name} county"),
    "web_on_day": ("na dzień", "on the day"),
    # The browser writes the date field in its own locale's order (01/31/2026 in an English
    # Chromium, whatever the page's language): the day chosen is said beside it in the page's.
    "web_day_chosen": ("wybrany dzień: {day}", "day chosen: {day}"),
    "web_day_format": ("{d}.{m}.{y}", "{y}-{m}-{d}"),
    "web_on_day_hint": (
        "Dziś według zegara tego urządzenia; wybierz inny dzień, by zapytać o niego.",
        "Today by this device's clock; choose another day to ask about it.",
    ),
    "web_query_cut": (
        "Zapytanie jest dłuższe niż {limit} znaków; szukam jego początku.",
        "The query is longer than {limit} characters; searching for its beginning.",
    ),
    "web_bad_address": (
        "Adres strony nie jest poprawnym zapytaniem; wpisz nazwę lub kod.",
        "The page's address is not a valid query; type a name or a code.",
    ),
    "web_no_script": (
        "Wyszukiwanie wymaga JavaScriptu. Bez niego poniżej jest odpowiedź dla każdego powiatu na dzień {day}.",
        "The search needs JavaScript. Without it, below is every county's answer for {day}.",
    ),
    "web_counties": ("Odpowiedź dla każdego powiatu na dzień {day}", "Every county's answer for {day}"),
    "web_point": ("Punkt {at}", "The point {at}"),
    "web_point_outside": (
        "Punkt {at} nie leży w żadnej gminie ({region}): jest poza regionem albo na granicy gmin.",
        "The point {at} is in no gmina of {region}: it lies outside the region or on a boundary of its gminas.",
    ),
    "web_point_swapped": (
        "Czytane odwrotnie, {swapped} leży w regionie; najpierw szerokość, potem długość geograficzna:",
        "Read the other way round, {swapped} lies in the region; latitude comes first:",
    ),
    "web_point_range": (
        "„{query}”: szerokość geograficzna musi leżeć między -90 a 90, długość między -180 a 180.",
        "“{query}”: the latitude must lie between -90 and 90, the longitude between -180 and 180.",
    ),
    "web_outside_namesakes": (
        "Poza regionem: {count:# miejsce|# miejsca|# miejsc} o tej nazwie.",
        "Outside the region: {count:# place|# places} of this name.",
    ),
    "web_where_am_i": ("Gdzie jestem?", "Where am I?"),
    "web_where_am_i_hint": (
        "Pyta przeglądarkę o położenie tego urządzenia dopiero po kliknięciu; nigdzie go nie wysyła.",
        "Asks the browser for this device's position only when clicked; sends it nowhere.",
    ),
    "web_position_failed": ("Nie udało się ustalić położenia: {reason}", "The position is not known: {reason}"),
    # --- speed (issue 13): datasets of several voivodeships ---
    "place_same_name_town_first": (
        "Uwaga: „{name}” to także {kind_label} (SIMC {simc}) w gminie {gmina}, powiat {county}, "
        "województwo {voivodeship}; odpowiedź dotyczy miasta. Tę miejscowość wskaże --place {simc}.",
        "Note: “{name}” is also the name of a {kind_label} (SIMC {simc}) in gmina {gmina}, powiat {county}, "
        "województwo {voivodeship}; the answer is for the town. --place {simc} asks about that one.",
    ),
    "map_counties_without_boundaries": (
        "Mapa pokazuje {shown} z {total} powiatów tych danych: granice powiatów mamy tylko dla województwa "
        "lubuskiego, więc pozostałych powiatów ani ich ośrodków nie ma na mapie.",
        "The map shows {shown} of this dataset's {total} counties: we have county boundaries only for "
        "Lubuskie, so the other counties and their centres are not on it.",
    ),
    "xlsx_too_many_rows": (
        "Arkusz „{sheet}” miałby {rows} wierszy, a Excel otwiera najwyżej {limit}: nie zapisano pliku. "
        "Zapisz je jako PDF lub HTML.",
        'The sheet "{sheet}" would have {rows} rows and Excel opens at most {limit}: nothing was written. '
        "Save it as PDF or HTML instead.",
    ),
    "map_nothing_to_draw": (
        "Nie da się narysować mapy: granice powiatów mamy tylko dla województwa lubuskiego, "
        "a żaden z {total} powiatów tych danych w nim nie leży.",
        "No map can be drawn: we have county boundaries only for Lubuskie, and none of this dataset's "
        "{total} counties lies there.",
    ),
    # --- documents: the county fact sheet, dates, missing fields ---------
    "sheet_question": ("Który OWES obsługuje {where}?", "Which OWES serves {where}?"),
    "sheet_question_gmina": ("Który OWES obsługuje gminę {name}?", "Which OWES serves gmina {name}?"),
    "sheet_question_locality": ("Który OWES obsługuje miejscowość {name}?", "Which OWES serves {name}?"),
    "sheet_land_county": ("powiat {name}", "powiat {name}"),
    "sheet_city_county": ("miasto {name}", "the city of {name}"),
    "sheet_in_land_county": ("w powiecie {name}", "in powiat {name}"),
    "sheet_in_city_county": ("w mieście {name}", "in the city of {name}"),
    "sheet_subtitle": ("Odpowiedź na dzień {on}", "Answer for {on}"),
    "sheet_period": ("{name}: {span}", "{name}: {span}"),
    "sheet_place": ("{place} leży {where}.", "{place} lies {where}."),
    "sheet_confirmed": (
        "Pewne: {count:wskazuje go źródło|wskazują go źródła|wskazują go źródła} nr {refs}.",
        "Certain: {count:source|sources} {refs} {count:names|name} this centre for {county}.",
    ),
    "sheet_unknown": (
        "Nasze źródła nie podają, który z tych {number} ośrodków działa {where}.",
        "Our sources do not say which of these {number} centres serves {county}.",
    ),
    "sheet_unknown_one": (
        "Nasze źródła nie podają, czy ten ośrodek działa {where}.",
        "Our sources do not say whether this centre serves {county}.",
    ),
    "sheet_last_confirmed": (
        "W przeszłości — ostatnio potwierdzony ({span}):",
        "In the past — last confirmed ({span}):",
    ),
    "sheet_no_confirmed": (
        "Żadne źródło nie wskazuje ośrodka {where}.",
        "No source names a centre for {county}.",
    ),
    "sheet_reach": (
        "{count:Jak dotrzeć do ośrodka|Jak dotrzeć do ośrodków|Jak dotrzeć do ośrodków}",
        "{count:How to reach the centre|How to reach the centres}",
    ),
    "sheet_described_at": ("Opisany na stronie", "Described at"),
    "sheet_colophon": (
        "Wygenerowano {generated} programem owes {version} ze zbioru „{dataset}”. {dates}. {register}",
        "Generated {generated} by owes {version} from “{dataset}”. {dates}. {register}",
    ),
    "sheet_sources": ("Źródła", "Sources"),
    "sheet_register": (
        "Rejestr powiatów: {register}, {publisher}, stan na {as_of}.",
        "County register: {register}, {publisher}, as of {as_of}.",
    ),
    "missing_fields": ("Brak w naszych źródłach: {fields}", "Not in our sources: {fields}"),
    "not_in_sources_label": ("Brak w naszych źródłach", "Not in our sources"),
    "field_phone": ("telefon", "phone"),
    "field_email": ("e-mail", "e-mail"),
    "field_address": ("adres", "address"),
    "field_website": ("strona internetowa", "website"),
    "doc_sources_undated": ("źródła nie podają dat", "the sources give none"),
    "doc_some_undated": ("{dates}, część bez daty", "{dates}, some undated"),
    "sheet_dates": ("Daty źródeł: {years}", "Dates of the sources: {years}"),
    "doc_register_as_of": ("Rejestr powiatów (TERYT) według stanu na", "County register (TERYT) as of"),
    "doc_sources_label": ("Daty źródeł", "Dates of the sources"),
    "sheet_centre_dates": ("Daty ośrodka", "Centre's dates"),
    # --- issue 10: the short answer, the day asked, any form typed ---------
    "short_title": ("{day}: który ośrodek, {subject}", "{day}: which centre, {subject}"),
    "short_how_sure": ("Pewność", "How sure"),
    "on_day": ("W dniu {on}", "On {on}"),
    # A day before today, in a heading: an answer for the past never reads like today's (issue 18).
    "on_day_past": ("W dniu {on} (stan historyczny)", "On {on} (historical)"),
    "historical_word": ("stan historyczny", "historical"),
    "for_day_past": ("na dzień {on} (stan historyczny)", "for {on} (historical)"),
    "sheet_subtitle_past": ("Odpowiedź na dzień {on} (stan historyczny)", "Answer for {on} (historical)"),
    "centre_dates": ("działa", "runs"),
    "web_page": ("Opis", "Web page"),
    "short_earlier": ("Wcześniej", "Earlier"),
    "short_last_confirmed": ("ostatnio potwierdzony: {centre} ({dates})", "last confirmed: {centre} ({dates})"),
    "short_confirmed_by": ("potwierdza: {sources}", "confirmed by {sources}"),
    "period_status": ("Stan", "Status"),
    "period_status_current": ("aktualny", "current"),
    "period_status_historical": ("historyczny", "historical"),
    "period_status_between": ("między okresami", "between periods"),
    "period_status_before-first": ("przed pierwszym okresem", "before the first period"),
    "centre_name": ("Ośrodek", "Centre"),
    "candidates": ("Jeden z ośrodków", "One of"),
    "alternatives_or": (" lub ", " or "),  # the last of names one of which is meant: "A, B or C"
    "names_and": (" i ", " and "),  # the last of names all meant: "A, B and C"
    "period_name": ("Okres", "Period"),
    "last_confirmed_name": ("Ostatnio potwierdzony", "Last confirmed"),
    "period_centre_names": ("Ośrodki okresu", "The period's centres"),
    "readings_disagree": (
        "„{query}” można odczytać na kilka sposobów, prowadzących do różnych powiatów:",
        "“{query}” can be read in several ways that lead to different counties:",
    ),
    "reading_line": (
        '  owes which-centre {option} "{query}"   (powiat {county})',
        '  owes which-centre {option} "{query}"   (powiat {county})',
    ),
    "no_reading": (
        "„{query}” nie jest nazwą powiatu, miejscowości ani punktem. Lista powiatów: owes counties",
        "“{query}” is no county, place or point we know. All counties: owes counties",
    ),
    "read_as": (
        'Odczytano „{query}” jako {what}: {option} "{query}"',
        'Read “{query}” as {what}: {option} "{query}"',
    ),
    "read_as_county": ("powiat", "a county"),
    "read_as_place": ("miejscowość lub gminę", "a place"),
    "read_as_point": ("punkt", "a point"),
    "county_is_a_place": (
        "„{query}” to nie powiat: {place} to {kind_label} w powiecie {county:loc}.",
        "“{query}” is not a county: {place} ({kind_label}) lies in powiat {county}.",
    ),
    "county_is_a_place_try": ('owes which-centre --place "{place}"', 'owes which-centre --place "{place}"'),
    "at_two_words": (
        "Punkt to jedno słowo, szerokość i długość po przecinku: owes which-centre --at {lat},{lon}",
        "A point is one word, latitude and longitude with a comma between: owes which-centre --at {lat},{lon}",
    ),
    "overview": (
        "owes: katalog Ośrodków Wsparcia Ekonomii Społecznej (OWES) województwa lubuskiego.\n"
        "\n"
        "  owes which-centre Żary                   który ośrodek obsługuje miejscowość, powiat lub punkt\n"
        "  owes which-centre żarski --on 1.06.2014  to samo w wybranym dniu\n"
        "  owes counties                            powiaty i ich ośrodki\n"
        "  owes centres                             ośrodki wszystkich okresów\n"
        "  owes export -o zarski.pdf --county żarski  odpowiedź jako dokument do druku\n"
        "\n"
        "Wszystkie polecenia: owes --help",
        "owes: a directory of the Social Economy Support Centres (OWES) of Lubuskie.\n"
        "\n"
        "  owes which-centre Żary                   which centre serves a town, county or point\n"
        "  owes which-centre żarski --on 1.06.2014  the same on a given day\n"
        "  owes counties                            the counties and their centres\n"
        "  owes centres                             the centres of every period\n"
        "  owes export -o zarski.pdf --county żarski  the answer as a printable document\n"
        "\n"
        "All commands: owes --help",
    ),
    "services_one_subject": (
        "Podaj --centre albo jedno z --county, --place, --at, nie oba.",
        "Give --centre or one of --county, --place, --at, not both.",
    ),
    "centre_own_dates": ("Działa (własne daty)", "Runs (its own dates)"),
    "no_quotes": ("(brak zapisanych cytatów)", "(no quotes stored)"),
    "quote_texts": ("Cytaty", "Quotes"),
    "during_needs_option": (
        "Dla całego miesiąca lub roku podaj --county, --place albo --at.",
        "For a whole month or year give --county, --place or --at.",
    ),
    "during_title": ("{asked}: które ośrodki, {subject}", "{asked}: which centres, {subject}"),
    "during_dates": ("Działał", "Ran"),
    "during_none": ("W tym czasie nie znamy żadnego ośrodka.", "We know of no centre at that time."),
    "no_such_day": ("Nie ma takiego dnia: {day}.", "No such day: {day}."),
    "short_none_ran": ("Tego dnia nie działał żaden znany ośrodek.", "No known centre ran on this day."),
    "short_no_centre_known": ("Nie znamy ośrodka na ten dzień.", "No centre is known for this day."),
    "short_unknown_one": (
        "Źródła nie podają, czy ten ośrodek obsługuje powiat {county}.",
        "Our sources do not say whether this centre serves powiat {county}.",
    ),
    # How many centres, in words, for "short_unknown_among" (a larger number is written in digits).
    "among_2": ("dwóch", "two"),
    "among_3": ("trzech", "three"),
    "among_4": ("czterech", "four"),
    "short_unknown_among": (
        "Źródła nie podają, który z tych {among} ośrodków obsługuje powiat {county}.",
        "Our sources do not say which of these {among} serves powiat {county}.",
    ),
    "short_and_more_sources": (
        "i {count:# inne źródło|# inne źródła|# innych źródeł}",
        "and {count:# more source|# more sources}",
    ),
    # Who runs a centre (answers.run_by_line): the lead by name, then the others grouped by role.
    "run_by_role_partner": ("{count:partner|partnerzy|partnerzy}: {names}", "{count:partner|partners}: {names}"),
    "run_by_role_consortium member": (
        "{count:członek konsorcjum|członkowie konsorcjum|członkowie konsorcjum}: {names}",
        "{count:consortium member|consortium members}: {names}",
    ),
    "short_outside_namesakes": (
        "{count:# miejsce|# miejsca|# miejsc} o tej nazwie poza regionem: --full",
        "{count:# place|# places} of this name outside the region: --full",
    ),
    "short_more_notes": (
        "{count:# uwaga więcej|# uwagi więcej|# uwag więcej}: --full",
        "{count:# more note|# more notes}: --full",
    ),
}

PROBLEMS: dict[str, tuple[str, str]] = {
    "no_such_file": ("plik nie istnieje", "the file does not exist"),
    "is_directory": ("to katalog, a nie plik", "this is a directory, not a file"),
    "unreadable": ("brak uprawnień do odczytu", "permission denied"),
    "not_regular": (
        "to nie jest zwykły plik (urządzenie, potok lub gniazdo)",
        "this is not a regular file (a device, pipe or socket)",
    ),
    "bad_path": ("ścieżka zawiera znak NUL", "the path contains a NUL character"),
    "too_deep": ("zbyt głęboko zagnieżdżone tablice lub tabele", "arrays or tables nested too deeply"),
    "os_error": ("nie można odczytać pliku: {detail}", "the file cannot be read: {detail}"),
    "too_large": (
        "plik ma {size:# bajt|# bajty|# bajtów}; limit to {limit}",
        "the file has {size:# byte|# bytes}; the limit is {limit}",
    ),
    "bom": (
        "plik zaczyna się znacznikiem BOM; zapisz go jako UTF-8 bez BOM",
        "the file starts with a byte-order mark; save it as UTF-8 without BOM",
    ),
    "binary": (
        "plik zawiera bajt NUL; to nie jest plik tekstowy TOML",
        "the file contains NUL bytes; it is not a TOML text file",
    ),
    "not_utf8": (
        "plik nie jest zapisany w UTF-8 (może w ISO-8859-2 lub Windows-1250?)",
        "the file is not UTF-8 (perhaps ISO-8859-2 or Windows-1250?)",
    ),
    "empty": ("plik jest pusty", "the file is empty"),
    "toml_syntax": ("błąd składni TOML: {detail}", "TOML syntax error: {detail}"),
    "wrong_type": ("oczekiwano typu {expected}, jest {got}", "expected {expected}, found {got}"),
    "unknown_key": ("nieznany klucz „{key}”", "unknown key “{key}”"),
    "missing_key": ("brak wymaganego klucza „{key}”", "the required key “{key}” is missing"),
    "schema_version": (
        "wersja schematu {got} nie jest obsługiwana (obsługiwana: {expected})",
        "schema version {got} is not supported (supported: {expected})",
    ),
    "empty_string": ("pusty tekst", "empty text"),
    "control_character": (
        "znak sterujący {code} na pozycji {at}; dane mają być zwykłym tekstem",
        "the control character {code} at position {at}; data must be plain text",
    ),
    "empty_list": ("pusta lista", "empty list"),
    "bad_choice": ("„{got}” nie jest jedną z wartości: {choices}", "“{got}” is not one of: {choices}"),
    "bad_url": ("„{got}” nie jest adresem http(s)", "“{got}” is not an http(s) address"),
    "bad_date": (
        "„{got}” nie jest datą RRRR, RRRR-MM ani RRRR-MM-DD",
        "“{got}” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "bad_teryt": ("„{got}” nie jest kodem TERYT", "“{got}” is not a TERYT code"),
    "no_sources": (
        "fakt bez źródła: podaj co najmniej jedno źródło",
        "a fact with no source: give at least one source",
    ),
    "duplicate_id": ("identyfikator „{id}” powtarza się", "the id “{id}” is used twice"),
    "unknown_ref": ("„{id}” nie istnieje w tabeli {table}", "“{id}” does not exist in {table}"),
    "county_outside_region": ("powiat {code} nie leży w regionie {region}", "county {code} is not in region {region}"),
    "region_unknown": (
        "„{got}” nie jest kodem żadnego województwa w rejestrze TERYT",
        "“{got}” is no voivodeship's code in the TERYT register",
    ),
    "region_twice": ("województwo {code} jest na liście dwa razy", "the voivodeship {code} is listed twice"),
    "region_without_counties": (
        "żaden powiat województwa {code} nie jest w tabeli counties",
        "no county of voivodeship {code} is in the counties table",
    ),
    "bad_id": (
        "„{got}” nie może być identyfikatorem: użyj małych liter a–z, cyfr, „-”, „_” i „.”, "
        "zaczynając od litery lub cyfry",
        "“{got}” cannot be an id: use lowercase letters a–z, digits, “-”, “_” and “.”, starting with a letter or digit",
    ),
    "region_empty": ("lista województw jest pusta", "the list of voivodeships is empty"),
    "county_not_in_teryt": ("kodu {code} nie ma w rejestrze TERYT", "the code {code} is not in the TERYT register"),
    "county_name_mismatch": (
        "w rejestrze TERYT powiat {code} nazywa się „{expected}”, nie „{got}”",
        "in the TERYT register county {code} is called “{expected}”, not “{got}”",
    ),
    "unknown_county": ("powiatu {code} nie ma w tabeli counties", "county {code} is not in the counties table"),
    "county_two_centres": (
        "powiat {code} ma dwa ośrodki w tym samym czasie: {centre} i {other}",
        "county {code} has two centres at the same time: {centre} and {other}",
    ),
    "end_before_start": ("koniec {end} jest przed początkiem {start}", "the end {end} is before the start {start}"),
    "event_undated": ("wydarzenie bez daty: podaj date lub reported", "an event with no date: give date or reported"),
    "quote_not_in_sources": (
        "cytatu „{quote}” nie ma wśród cytatów zapisanych przy źródłach tego wpisu",
        "the quote “{quote}” is not among the quotes stored with this entry's sources",
    ),
    # hostile (issue 14): limits and refused characters
    "separator_character": (
        "niewidoczny znak końca wiersza {code} na pozycji {at}; dane mają być zwykłym tekstem (użyj \\n)",
        "the invisible line break {code} at position {at}; data must be plain text (use \\n)",
    ),
    "key_too_deep": (
        "klucz z kropkami ma więcej niż {limit} części",
        "a dotted key has more than {limit} parts",
    ),
    "region_not_voivodeship": (
        "„{got}” nie jest kodem województwa (dwie cyfry TERYT, np. 08)",
        "“{got}” is not a voivodeship's code (two TERYT digits, e.g. 08)",
    ),
    "too_many_problems": (
        "sprawdzanie przerwane po {limit} problemach",
        "the check stopped after {limit} problems",
    ),
}

# Why a file could not be written, by errno name, for the {detail} of output_failed.
REASONS: dict[str, tuple[str, str]] = {
    "ENOSPC": ("brak miejsca na dysku", "no space left on device"),
    "EDQUOT": ("przekroczony limit miejsca na dysku", "disk quota exceeded"),
    "EACCES": ("brak uprawnień", "permission denied"),
    "EPERM": ("operacja niedozwolona", "operation not permitted"),
    "EROFS": ("system plików tylko do odczytu", "read-only file system"),
    "EIO": ("błąd wejścia/wyjścia", "input/output error"),
    "ENAMETOOLONG": ("za długa nazwa pliku", "file name too long"),
    "closed": ("standardowe wyjście jest zamknięte", "stdout is closed"),
    "empty_path": ("pusta ścieżka", "empty path"),
    "nul_in_path": ("ścieżka zawiera znak NUL", "the path contains a NUL character"),
    "unencodable_path": (
        "nazwy pliku nie da się zapisać w kodowaniu systemu plików",
        "the file name cannot be encoded for the file system",
    ),
}

# What a query names, for "give a name (…)".
WHAT: dict[str, tuple[str, str]] = {
    "county": ("powiatu", "of a county"),
    "centre": ("ośrodka", "of a centre"),
    "place": ("miejscowości lub gminy", "of a town or gmina"),
}

_SUGGEST = ("czy chodziło o „{suggestion}”?", "did you mean “{suggestion}”?")


# Which form of a counted noun a number takes, by language.
def _polish_form(n: int) -> int:
    """0 one, 1 few, 2 many: 1 ośrodek; 2, 3, 4, 22 ośrodki; 0, 5, 12–14, 25 ośrodków."""
    n = abs(n)
    if n == 1:
        return 0
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return 1
    return 2


def _english_form(n: int) -> int:
    return 0 if n == 1 else 1


def plural(lang: str, count: int, forms: Sequence[str]) -> str:
    """The form of `forms` (pl: one|few|many, en: one|other) that `count` needs,
    with "#" replaced by the number: plural("pl", 5, ["# ośrodek", "# ośrodki", "# ośrodków"])."""
    wanted = (3, _polish_form) if lang == "pl" else (2, _english_form)
    if len(forms) != wanted[0]:
        raise ValueError(f"{lang} needs {wanted[0]} plural forms, got {list(forms)}")
    return forms[wanted[1](count)].replace("#", str(count))


class _Formatter(string.Formatter):
    """str.format, plus "{n:# plik|# pliki|# plików}": a count with its noun in the right form."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec and isinstance(value, int):
            return plural(self.lang, value, format_spec.split("|"))
        if format_spec in ("loc", "gen") and isinstance(value, str):
            return county_case(value, format_spec) if self.lang == "pl" else value
        return str(super().format_field(value, format_spec))


_FORMATTERS = {lang: _Formatter(lang) for lang in ("pl", "en")}


def _shown(params: Mapping[str, Any]) -> dict[str, Any]:
    # Values come from the user or a dataset: a 1 MB query or an escape
    # sequence is echoed shortened and inert, never as it came.
    return {k: shown(v) if isinstance(v, str) else v for k, v in params.items()}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "pl" else pair[1]


def render(lang: str, template: str, params: Mapping[str, Any]) -> str:
    """`template` filled with `params`, counts in the plural form `lang` needs."""
    return _FORMATTERS["pl" if lang == "pl" else "en"].vformat(template, (), _shown(params))


def t(lang: str, message_id: str, **params: Any) -> str:
    """The message `message_id` in `lang` ("pl" or "en"), filled with `params`."""
    template = _pick(MESSAGES[message_id], lang)
    if not params and "{" not in template and "}" not in template:
        return template  # nothing to fill: a large export asks for the same labels thousands of times
    return render(lang, template, params)


def problem_text(problem: Problem, lang: str) -> str:
    """One dataset problem as a phrase, with its suggestion if it has one."""
    params = _shown(problem.params)
    text = render(lang, _pick(PROBLEMS[problem.code], lang), params)
    if params.get("suggestion"):
        text += "; " + render(lang, _pick(_SUGGEST, lang), params)
    return text


def reason_text(reason: str, lang: str) -> str | None:
    """Why a file could not be written (an errno name, see REASONS), or None if we have no words for it."""
    pair = REASONS.get(reason)
    return _pick(pair, lang) if pair else None


VOIVODESHIPS_IN_POLAND = 16


def coverage_text(names: Sequence[str], lang: str) -> str:
    """What a dataset covers, from its voivodeships' names: "województwo lubuskie",
    "województwa lubuskie i wielkopolskie", "cała Polska"."""
    if len(names) >= VOIVODESHIPS_IN_POLAND:
        return "cała Polska" if lang == "pl" else "all of Poland"
    if len(names) == 1:
        return f"województwo {names[0]}"
    joined = ", ".join(names[:-1]) + (" i " if lang == "pl" else " and ") + names[-1]
    return f"województwa {joined}"


def what_text(what: str, lang: str) -> str | None:
    """What a query names ("of a county"), see WHAT."""
    pair = WHAT.get(what)
    return _pick(pair, lang) if pair else None


def note_text(note: Mapping[str, Any], lang: str) -> str:
    """A note carried by an answer view, as a sentence."""
    params = {k: v for k, v in note.items() if k != "id"}
    if "kind" in params:
        params["kind_label"] = kind_label(params, lang)
    if isinstance(params.get("readings"), list):  # the other places a name reads as, one after another
        params["readings"] = "; ".join(
            t(
                lang,
                "reading_named_locality" if "simc" in place else "reading_named_unit",
                kind_label=kind_label(place, lang),
                **place,
            )
            for place in params["readings"]
        )
    return t(lang, note["id"], **params)


def kind_label(place: Mapping[str, Any], lang: str) -> str:
    """ "village", or for a part of a place "part of the city of Zielona Góra".

    `place` is a place's view or match: a `part_of` mapping (or name and
    `part_of_teryt`) names the place it is part of.
    """
    parent = place.get("part_of")
    if not parent or place["kind"] not in ("part-of-village", "part-of-town"):  # a hamlet of a village
        return t(lang, "kind_" + place["kind"])
    name, teryt = (parent["name"], parent["teryt"]) if isinstance(parent, dict) else (parent, place["part_of_teryt"])
    if place["kind"] != "part-of-town":
        return t(lang, "part_of_village", parent=name)
    return t(lang, "part_of_city" if is_city_county(teryt) else "part_of_town", parent=name)
