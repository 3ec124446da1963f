"""Hypothesis strategies for the capture layout: layout-only Articles and capture texts.

`layout_articles` draws Articles that `render_capture` can write and `parse_layout` reads
back to the same layout fields; `captures` draws their rendered texts, optionally with the
noise real captures carry (CRLF, a BOM, no-break and zero-width spaces, trailing spaces,
extra blank lines). Articles are English or French (French sentences and headlines, page
dates and timestamps such as ``jeudi 20 juin 2024`` and ``Publié le 5 juin 2024 à 19h49``,
datelines such as ``BAMAKO, 1er juin (AFP) -``, and the French phrases of the boilerplate
table). The round trip's domain is documented in docs/capture-format.md; the strategies
keep inside it (every paragraph ends a sentence, a standfirst never does, no
paragraph reads as a chrome line on its own, ...).
"""

from __future__ import annotations

import email.utils
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

from dateutil import tz
from hypothesis import strategies as st

from sahel_news.capture._boilerplate import PhraseKind, boilerplate
from sahel_news.capture._lines import LineKind, classify, ends_sentence
from sahel_news.capture._timestamps import (
    format_feed_timestamp,
    format_page_date,
    french_names,
)
from sahel_news.capture.parse import MAX_HEADLINE, MAX_STANDFIRST
from sahel_news.capture.render import render_capture
from sahel_news.models import (
    Article,
    Chrome,
    ChromeKind,
    ChromeLine,
    Dateline,
    Part,
    RelatedLink,
    Span,
)

__all__ = ["captures", "layout_articles"]

_SUBJECTS = (
    "Mali's junta",
    "Niger's military government",
    "The Burkinabe army",
    "ECOWAS",
    "The African Union",
    "Russia's defence ministry",
    "Assimi Goita",
    "Abdourahamane Tchiani",
    "Ibrahim Traore",
    "The UN mission",
    "Chad's transitional council",
    "Mauritania's foreign minister",
    "Local officials in Menaka",
    "Jihadist fighters",
    "France",
    "The United States",
)
_VERBS = (
    "met with",
    "accused",
    "signed a security pact with",
    "withdrew its ambassador from",
    "condemned",
    "held talks with",
    "expelled",
    "sent food aid to",
    "deployed troops near",
    "warned",
    "welcomed",
    "rejected a proposal from",
)
_OBJECTS = (
    "officials in Bamako",
    "French diplomats",
    "the regional bloc",
    "Russian military instructors",
    "the mining ministry",
    "villagers near Menaka",
    "a delegation from Moscow",
    "its Sahel neighbours",
    "the Alliance of Sahel States",
    "aid agencies in Niamey",
    "protesters in Ouagadougou",
)
_TAILS = (
    "",
    " on Monday",
    " last week",
    " in a statement",
    " according to state television",
    " after months of tension",
    " in the capital",
    " for the first time since the coup",
)
_SPEAKERS = ("a government spokesman", "the minister", "a regional analyst", "a resident")
# French sentences are drawn from these as English ones are from the lists above.
_SUBJECTS_FR = (
    "La junte malienne",
    "Le gouvernement nigérien",
    "L'armée burkinabè",
    "La CEDEAO",
    "L'Union africaine",
    "Le colonel Assimi Goïta",
    "Le général Abdourahamane Tiani",
    "Le capitaine Ibrahim Traoré",
    "Le ministre des Affaires étrangères",
    "Des habitants de Ménaka",
)
_VERBS_FR = (
    "a rencontré",
    "a accusé",
    "a signé un accord de sécurité avec",
    "a rappelé son ambassadeur auprès de",
    "a condamné",
    "s'est entretenu avec",
    "a expulsé",
    "a reçu",
    "a mis en garde",
)
_OBJECTS_FR = (
    "les autorités de Bamako",
    "des diplomates français",
    "l'organisation régionale",
    "des instructeurs militaires russes",
    "une délégation venue de Moscou",
    "ses voisins du Sahel",
    "l'Alliance des États du Sahel",
    "des humanitaires à Niamey",
)
_TAILS_FR = (
    "",
    " lundi",
    " la semaine dernière",
    " dans un communiqué",
    " selon la télévision nationale",
    " dans la capitale",
)
_SPEAKERS_FR = ("a déclaré un porte-parole", "a indiqué le ministre", "a affirmé un habitant")
_WORD_ALPHABET = "abcdefghijklmnopqrstuvwxyzéèàçôï’'"
_PLACES = (
    "BAMAKO",
    "NIAMEY",
    "OUAGADOUGOU",
    "N'DJAMENA",
    "NOUAKCHOTT",
    "DAKAR",
    "GAO",
    "TIMBUKTU",
    "AGADEZ",
    "MOSCOW",
    "ABUJA",
)
_AGENCIES = ("Reuters", "AFP", "AP", "Xinhua", "APS", "AIP", "ANP", "AIB", "AMAP")
_DASHES = ("-", "–", "—", "--")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MOIS, _JOURS = french_names()
_SITE_NAMES = (
    "Sahel Daily",
    "The Bamako Observer",
    "Niamey Tribune",
    "Le Sahélien",
    "L'Écho du Sahel",
)
_BYLINES = (
    "By Moussa Traoré",
    "By Aïssata Diallo and John Smith",
    "By Staff Reporter",
    "BY AFP",
    "Par Salif Ouédraogo",
    "Par Aminata Sanogo et Ali Cissé",
)
_CAPTIONS = (
    "Photo: Soldiers patrol a street in Gao",
    "FILE PHOTO: Supporters of the junta rally in Niamey",
    "Soldiers at a checkpoint near Mopti. © AFP / Staff",
    "Delegates arrive in Bamako (Photo: Reuters)",
    "Légende : des soldats patrouillent à Gao",
    "Des délégués arrivent à Bamako. © AFP",
)
_DECORATIONS = ("* * *", "———", "###")
_POPULAR = (
    "Junta extends transition by five years",
    "Gold output rises in western Mali",
    "Drought hits herders in northern Niger",
    "La junte prolonge la transition de cinq ans",
    "Sécheresse : les éleveurs du nord du Niger inquiets",
)
_FIRST_DAY = date(2000, 1, 1)
_LAST_DAY = date(2035, 12, 31)


def _phrases(kind: PhraseKind) -> list[str]:
    table = boilerplate()
    return sorted(
        {
            # Phrases are stored case-folded; capitalise them as a site would.
            key[:1].upper() + key[1:]
            for key, found in table.whole_lines.items()
            if found is kind
        }
    )


def _is_text(line: str) -> bool:
    return classify(line).kind is LineKind.TEXT


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 4)) == 0:
        words = draw(
            st.lists(st.text(_WORD_ALPHABET, min_size=1, max_size=9), min_size=3, max_size=14)
        )
        text = " ".join(words)
        return text[:1].upper() + text[1:] + draw(st.sampled_from(".!?"))
    if draw(st.integers(0, 2)) == 0:
        core = (
            f"{draw(st.sampled_from(_SUBJECTS_FR))} {draw(st.sampled_from(_VERBS_FR))} "
            f"{draw(st.sampled_from(_OBJECTS_FR))}{draw(st.sampled_from(_TAILS_FR))}"
        )
        if draw(st.booleans()):
            return f"{core}."
        return f"« {core} », {draw(st.sampled_from(_SPEAKERS_FR))}."
    core = (
        f"{draw(st.sampled_from(_SUBJECTS))} {draw(st.sampled_from(_VERBS))} "
        f"{draw(st.sampled_from(_OBJECTS))}{draw(st.sampled_from(_TAILS))}"
    )
    if draw(st.booleans()):
        return f"{core}."
    return f"“{core},” {draw(st.sampled_from(_SPEAKERS))} said."


def _paragraph() -> st.SearchStrategy[str]:
    return (
        st.lists(_sentence(), min_size=1, max_size=4)
        .map(" ".join)
        .filter(lambda p: _is_text(p) and ends_sentence(p))
    )


def _title() -> st.SearchStrategy[str]:
    """A headline-like line: no closing full stop, not chrome on its own."""
    phrase = st.builds(
        lambda s, v, o: f"{s} {v} {o}",
        st.sampled_from(_SUBJECTS),
        st.sampled_from(_VERBS),
        st.sampled_from(_OBJECTS),
    )
    french = st.builds(
        lambda s, v, o: f"{s} {v} {o}",
        st.sampled_from(_SUBJECTS_FR),
        st.sampled_from(_VERBS_FR),
        st.sampled_from(_OBJECTS_FR),
    )
    free = st.lists(st.text(_WORD_ALPHABET, min_size=1, max_size=10), min_size=2, max_size=12).map(
        lambda words: " ".join(words).capitalize()
    )
    return st.one_of(phrase, french, free).filter(
        lambda t: _is_text(t) and not ends_sentence(t) and len(t) <= MAX_HEADLINE
    )


def _day() -> st.SearchStrategy[date]:
    return st.dates(min_value=_FIRST_DAY, max_value=_LAST_DAY)


@st.composite
def _timestamp(draw: st.DrawFn) -> tuple[str, datetime, bool]:
    """A timestamp line, the instant it names and whether its zone is assumed (UTC)."""
    day = draw(_day())
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    second = draw(st.sampled_from((0, draw(st.integers(0, 59)))))
    naive = datetime(day.year, day.month, day.day, hour, minute)  # noqa: DTZ001 - zone set below
    form = draw(
        st.sampled_from(
            ("feed", "iso_z", "iso_offset", "rfc2822", "gmt", "naive", "fr", "fr_gmt", "figures")
        )
    )
    if form == "fr":
        # "5 juin 2024 à 19h49", maybe labelled and with the weekday ("Publié le jeudi ...").
        label = draw(st.sampled_from(("", "Publié le ", "Mis à jour le ", "Le ")))
        weekday = f"{_JOURS[day.weekday()]} " if draw(st.booleans()) else ""
        hours = draw(st.sampled_from((f"{hour:02d}h{minute:02d}", f"{hour}h{minute:02d}")))
        stamp = f"{label}{weekday}{_french_day(day)} {_MOIS[day.month - 1]} {day.year} à {hours}"
        return stamp, naive.replace(tzinfo=tz.UTC), True
    if form == "fr_gmt":
        stamp = f"{day.day} {_MOIS[day.month - 1]} {day.year} {hour:02d}:{minute:02d} GMT"
        return stamp, naive.replace(tzinfo=tz.UTC), False
    if form == "figures":
        return naive.strftime("%d/%m/%Y %H:%M"), naive.replace(tzinfo=tz.UTC), True
    if form == "feed":
        return format_feed_timestamp(naive), naive.replace(tzinfo=tz.UTC), True
    if form == "naive":
        return naive.strftime("%Y-%m-%d %H:%M"), naive.replace(tzinfo=tz.UTC), True
    if form == "gmt":
        stamp = f"{day.day} {_MONTHS[day.month - 1]} {day.year} {hour:02d}:{minute:02d} GMT"
        return stamp, naive.replace(tzinfo=tz.UTC), False
    exact = naive.replace(second=second)
    if form == "iso_z":
        return exact.strftime("%Y-%m-%dT%H:%M:%SZ"), exact.replace(tzinfo=tz.UTC), False
    if form == "rfc2822":
        aware = exact.replace(tzinfo=UTC)
        return email.utils.format_datetime(aware), aware, False
    minutes = draw(st.sampled_from((-300, -240, 0, 60, 120, 180, 330)))
    aware = exact.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    return aware.isoformat(), aware, False


def _french_day(day: date) -> str:
    """The day of the month as French writes it: ``1er`` for the first, else the number."""
    return "1er" if day.day == 1 else str(day.day)


@st.composite
def _page_date(draw: st.DrawFn) -> tuple[str, date]:
    day = draw(_day())
    month = _MONTHS[day.month - 1]
    mois = _MOIS[day.month - 1]
    text = draw(
        st.sampled_from(
            (
                format_page_date(day),
                f"{day.day} {month} {day.year}",
                f"{month} {day.day}, {day.year}",
                day.isoformat(),
                f"{_JOURS[day.weekday()]} {_french_day(day)} {mois} {day.year}",
                f"{_french_day(day)} {mois} {day.year}",
                day.strftime("%d/%m/%Y"),
            )
        )
    )
    return text, day


@st.composite
def _temperature(draw: st.DrawFn) -> tuple[str, float]:
    if draw(st.booleans()):
        # Mostly tenths as sites write them; any decimal reads, so some have more places.
        places = draw(st.sampled_from((1, 1, 1, 0, 2, 3, 6)))
        units = draw(st.integers(-15 * 10**places, 50 * 10**places))
        text = format(Decimal(units).scaleb(-places).normalize(), "f")
        return f"{text}{draw(st.sampled_from((' C', '°C', ' °C')))}", float(text)
    fahrenheit = draw(st.integers(0, 125))
    sign = draw(st.sampled_from((" F", "°F")))
    return f"{fahrenheit}{sign}", round((fahrenheit - 32) * 5 / 9, 1)


@st.composite
def _dateline(draw: st.DrawFn, anchor: date | None) -> tuple[str, str, date | None, str]:
    """A dateline's text, place, resolved date and agency."""
    place = draw(st.sampled_from(_PLACES))
    agency = draw(st.sampled_from(_AGENCIES))
    day = anchor - timedelta(days=draw(st.integers(0, 5))) if anchor else draw(_day())
    month = _MONTHS[day.month - 1]
    style = draw(st.sampled_from(("wire", "tass", "undated", "day_first", "fr", "fr_year")))
    resolved = day if anchor else None
    dash = draw(st.sampled_from(_DASHES))
    if style == "fr":  # "BAMAKO, 5 juin (AFP) -", "OUAGADOUGOU, 1er juin (AIB) -"
        text = f"{place}, {_french_day(day)} {_MOIS[day.month - 1]} ({agency}) {dash}"
        return text, place, resolved, agency
    if style == "fr_year":  # "Niamey, 14 mars 2024 (ANP) –": the year makes the date whole
        town = place.title()
        text = f"{town}, {_french_day(day)} {_MOIS[day.month - 1]} {day.year} ({agency}) {dash}"
        return text, town, day, agency
    if style == "tass":
        return f"{place}, {month} {day.day}. /TASS/.", place, resolved, "TASS"
    if style == "undated":
        return f"{place} ({agency}) {dash}", place, None, agency
    if style == "day_first":
        return f"{place}, {day.day} {month} ({agency}) {dash}", place, resolved, agency
    return f"{place}, {month} {day.day} ({agency}) {dash}", place, resolved, agency


def _positions(count: int) -> st.SearchStrategy[int]:
    return st.integers(0, count)


@st.composite
def _body_chrome(draw: st.DrawFn, count: int, headline: str) -> list[ChromeLine]:
    share = _phrases(PhraseKind.SHARE)
    clutter = _phrases(PhraseKind.BOILERPLATE)
    line = st.one_of(
        st.builds(
            ChromeLine, st.sampled_from(_BYLINES), st.just(ChromeKind.BYLINE), _positions(count)
        ),
        st.builds(
            ChromeLine, st.sampled_from(_CAPTIONS), st.just(ChromeKind.CAPTION), _positions(count)
        ),
        st.builds(ChromeLine, st.sampled_from(share), st.just(ChromeKind.SHARE), _positions(count)),
        st.builds(
            ChromeLine, st.sampled_from(clutter), st.just(ChromeKind.BOILERPLATE), _positions(count)
        ),
        st.builds(
            ChromeLine, st.sampled_from(_DECORATIONS), st.just(ChromeKind.OTHER), _positions(count)
        ),
    )
    lines = draw(st.lists(line, max_size=4))
    if draw(st.booleans()):
        lines.append(ChromeLine(headline, ChromeKind.REPEATED_HEADLINE, 0))
    return sorted(lines, key=lambda c: c.after_paragraph)


@st.composite
def _header(draw: st.DrawFn, page_date: str | None, temperature: str | None) -> list[ChromeLine]:
    recognised = [
        ChromeLine(p, ChromeKind.OTHER)
        for p in draw(st.lists(st.sampled_from(_phrases(PhraseKind.HEADER)), max_size=2))
    ]
    if temperature is not None:
        recognised.append(ChromeLine(temperature, ChromeKind.TEMPERATURE))
    if page_date is not None:
        recognised.append(ChromeLine(page_date, ChromeKind.PAGE_DATE))
    ordered = draw(st.permutations(recognised)) if recognised else []
    anchored = page_date is not None or temperature is not None
    if not anchored:
        return list(ordered)
    # Site names may sit above the temperature or page date, in the same block.
    last_anchor = max(
        i for i, c in enumerate(ordered) if c.kind in (ChromeKind.TEMPERATURE, ChromeKind.PAGE_DATE)
    )
    names = draw(st.lists(st.sampled_from(_SITE_NAMES), max_size=2, unique=True))
    above = [ChromeLine(n, ChromeKind.OTHER) for n in names]
    return [*ordered[:last_anchor], *above, *ordered[last_anchor:]]


@st.composite
def _footer(draw: st.DrawFn, stamp: str | None) -> list[ChromeLine]:
    footers = _phrases(PhraseKind.FOOTER)
    start = (
        ChromeLine(stamp, ChromeKind.TIMESTAMP)
        if stamp is not None
        else ChromeLine(draw(st.sampled_from(footers)), ChromeKind.FOOTER)
    )
    rest = draw(
        st.lists(
            st.one_of(
                st.sampled_from(footers).map(lambda p: ChromeLine(p, ChromeKind.FOOTER)),
                st.sampled_from(_POPULAR).map(lambda p: ChromeLine(p, ChromeKind.OTHER)),
                st.sampled_from(_phrases(PhraseKind.SHARE)).map(
                    lambda p: ChromeLine(p, ChromeKind.SHARE)
                ),
            ),
            max_size=4,
        )
    )
    return [start, *rest]


@st.composite
def layout_articles(draw: st.DrawFn) -> Article:
    """Layout-only Articles that render to a capture which reads back to the same layout.

    Realistic Sahel headlines and paragraphs (with some free text), an optional standfirst,
    "Read more" links, a dateline, a publication timestamp in the feed, ISO 8601, RFC 2822
    or "GMT" form, a page date, a temperature and chrome lines in header, body and footer.
    """
    headline = draw(_title())
    paragraphs = draw(st.lists(_paragraph(), max_size=8))
    paragraphs = [p for p in paragraphs if p.casefold() != headline.casefold()]
    count = len(paragraphs)
    standfirst = None
    if count and draw(st.booleans()):
        standfirst = draw(
            _title().filter(
                lambda t: len(t) <= MAX_STANDFIRST and t.casefold() != headline.casefold()
            )
        )
    related = [
        RelatedLink(title, position)
        for title, position in draw(st.lists(st.tuples(_title(), _positions(count)), max_size=3))
    ]
    related.sort(key=lambda r: r.after_paragraph)

    stamp = draw(st.none() | _timestamp())
    page = draw(st.none() | _page_date())
    temperature = draw(st.none() | _temperature())
    published, assumed = (stamp[1], stamp[2]) if stamp else (None, False)
    stamp_in_header = stamp is not None and (count == 0 or draw(st.booleans()))
    header = draw(_header(page[0] if page else None, temperature[0] if temperature else None))
    if stamp is not None and stamp_in_header:
        header.append(ChromeLine(stamp[0], ChromeKind.TIMESTAMP))
    footer: list[ChromeLine] = []
    if count and (draw(st.booleans()) or (stamp is not None and not stamp_in_header)):
        footer = draw(_footer(None if stamp is None or stamp_in_header else stamp[0]))

    dateline = None
    if count and draw(st.booleans()):
        anchor = published.date() if published else (page[1] if page else None)
        text, place, when, agency = draw(_dateline(anchor))
        paragraphs[0] = f"{text} {paragraphs[0]}"
        dateline = Dateline(text, Span(Part.PARAGRAPH, 0, 0, len(text)), place, when, agency)

    article_hash = draw(st.integers(0, 2**64 - 1))
    return Article(
        id=f"a-{article_hash:016x}",
        headline=headline,
        standfirst=standfirst,
        paragraphs=tuple(paragraphs),
        related=tuple(related),
        published=published,
        published_zone_assumed=assumed,
        page_date=page[1] if page else None,
        dateline=dateline,
        chrome=Chrome(
            header=tuple(header),
            body=tuple(draw(_body_chrome(count, headline))),
            footer=tuple(footer),
            temperature_celsius=temperature[1] if temperature else None,
        ),
    )


@st.composite
def _noisy(draw: st.DrawFn, text: str) -> str:
    random = draw(st.randoms(use_true_random=False))
    if draw(st.booleans()):
        # No-break and zero-width spaces where a site or an editor leaves them.
        text = "".join(
            "\u00a0" if c == " " and random.random() < 0.05 else c for c in text
        ).replace("ou", "o\u200bu" if random.random() < 0.5 else "ou")
    lines = text.split("\n")
    if draw(st.booleans()):
        lines = [line + " " * random.randint(0, 3) for line in lines]
    if draw(st.booleans()):
        # Only blank lines get company: a blank line inside the header block would move
        # a site name out of it.
        lines = [line if line.strip() else "\n" * random.randint(0, 2) for line in lines]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text += "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


def captures(*, noise: bool = True) -> st.SearchStrategy[str]:
    """Capture texts: rendered `layout_articles`, with the noise real captures carry.

    Args:
        noise: add CRLF line ends, a BOM, no-break and zero-width spaces, trailing spaces,
            extra blank lines and a final newline (each drawn independently).
    """
    texts = layout_articles().map(render_capture)
    return texts.flatmap(_noisy) if noise else texts
