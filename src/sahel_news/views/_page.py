"""render_html: one self-contained HTML page of an article with its entities highlighted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from html import escape
from urllib.parse import urlsplit

from sahel_news.models import (
    Actor,
    ActorKind,
    Article,
    Country,
    DateRange,
    Event,
    Part,
    Participant,
    ParticipantRole,
    Place,
    Span,
)
from sahel_news.views._marks import Highlight, marked_html

__all__ = ["KINDS", "render_html"]

# kind -> (label, colour); the colours are displaCy's where it has the kind
KINDS: dict[str, tuple[str, str]] = {
    "event": ("EVENT", "#ff9561"),
    "country": ("COUNTRY", "#feca74"),
    "org": ("ORG", "#7aecec"),
    "person": ("PERSON", "#aa9cfc"),
    "place": ("PLACE", "#c887fb"),
    "time": ("TIME", "#bfe1d9"),
}
_ORDER = {kind: rank for rank, kind in enumerate(KINDS)}

_CSS = """
body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       margin: 0; background: #fafafa; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff; }
.meta { color: #666; font-size: 0.85rem; margin: 0 0 0.5rem; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: 0.25rem 0 1rem; }
.standfirst { font-size: 1.1rem; color: #444; font-style: italic; }
.related { border-left: 3px solid #ccc; padding-left: 0.75rem; color: #555;
           font-size: 0.9rem; margin: 1rem 0; }
.ent { padding: 0.1em 0.3em; margin: 0 0.1em; border-radius: 0.3em; line-height: 1;
       box-decoration-break: clone; -webkit-box-decoration-break: clone; color: inherit; }
.ent::after { content: attr(data-label); font-size: 0.55em; font-weight: bold;
              vertical-align: middle; margin-left: 0.35em; text-transform: uppercase; }
.ent .ent { padding: 0 0.15em; }
%KIND_CSS%
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #ddd; }
.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.45rem; text-align: left;
         vertical-align: top; }
th { background: #f0f0f0; }
td.evidence { color: #555; font-style: italic; }
"""


def _kind_css() -> str:
    return "\n".join(
        f".ent-{kind}, .chip-{kind} {{ background: {colour}; }}"
        for kind, (_, colour) in KINDS.items()
    )


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _actor_kind(actor: Actor) -> str:
    return "person" if actor.kind is ActorKind.PERSON else "org"


def _describe_actor(actor: Actor) -> str:
    lines = [f"{actor.name} ({actor.kind.value})", f"id: {actor.id}"]
    if actor.country is not None:
        lines.append(f"country: {actor.country}")
    if actor.roles:
        lines.append("role: " + "; ".join(actor.roles))
    return "\n".join(lines)


def _describe_country(country: Country) -> str:
    return f"{country.name} (country)\nid: {country.alpha3}"


def _describe_place(place: Place) -> str:
    lines = [f"{place.name} ({place.kind.value})"]
    if place.country is not None:
        lines.append(f"country: {place.country}")
    return "\n".join(lines)


def _range_text(when: DateRange) -> str:
    if when.is_single_day:
        return when.earliest.isoformat()
    return f"{when.earliest.isoformat()} to {when.latest.isoformat()}"


class _Names:
    """What each actor id and country code of an article is called."""

    def __init__(self, article: Article) -> None:
        self.names = {c.alpha3: f"{c.name} ({c.alpha3})" for c in article.countries}
        self.names |= {a.id: f"{a.name} [{a.id}]" for a in article.actors}

    def of(self, participant: Participant) -> str:
        return self.names.get(participant.ref, participant.ref)

    def playing(self, event: Event, role: ParticipantRole) -> list[str]:
        return [self.of(p) for p in event.participants if p.role is role]


def _describe_event(event: Event, names: _Names) -> str:
    lines = [f"event {event.id}: {event.type.value} ({event.status.value})"]
    for role in ParticipantRole:
        players = names.playing(event, role)
        if players:
            lines.append(f"{role.value}: " + "; ".join(players))
    if event.when is not None:
        lines.append(f"when: {_range_text(event.when)} ({event.when.precision.value})")
    if event.where is not None:
        lines.append(f"where: {event.where.name}")
    return "\n".join(lines)


def _highlights(article: Article) -> dict[tuple[Part, int], list[Highlight]]:
    found: dict[tuple[Part, int], list[Highlight]] = {}

    def add(span: Span, kind: str, title: str) -> None:
        label = KINDS[kind][0]
        found.setdefault((span.part, span.index), []).append(
            Highlight(span.start, span.end, kind, label, title)
        )

    names = _Names(article)
    for country in article.countries:
        for mention in country.mentions:
            add(mention.span, "country", _describe_country(country))
    for actor in article.actors:
        for mention in actor.mentions:
            add(mention.span, _actor_kind(actor), _describe_actor(actor))
    for event in article.events:
        add(event.trigger.span, "event", _describe_event(event, names))
        if event.where is not None and event.where.mention is not None:
            add(event.where.mention.span, "place", _describe_place(event.where))
    for (part, index), text in _texts(article):
        for start, end, title in _times(text, _anchor(article)):
            found.setdefault((part, index), []).append(
                Highlight(start, end, "time", KINDS["time"][0], title)
            )
    return found


def _anchor(article: Article) -> date | None:
    if article.published is not None:
        return article.published.date()
    return article.page_date


def _times(text: str, anchor: date | None) -> Iterator[tuple[int, int, str]]:
    """The time expressions of *text*, resolved against *anchor*, with their hovers."""
    from sahel_news.extract.time import find_times  # noqa: PLC0415 - the extractors are heavy

    for found in find_times(text, anchor=anchor):
        if found.range is not None:
            when = found.range
            title = f"time: {found.text}\n{_range_text(when)} ({when.precision.value})"
        else:
            title = f"time: {found.text}\nnot resolved: {found.problem}"
        yield found.start, found.end, title


def _texts(article: Article) -> Iterator[tuple[tuple[Part, int], str]]:
    yield (Part.HEADLINE, 0), article.headline
    if article.standfirst is not None:
        yield (Part.STANDFIRST, 0), article.standfirst
    for index, paragraph in enumerate(article.paragraphs):
        yield (Part.PARAGRAPH, index), paragraph
    for index, link in enumerate(article.related):
        yield (Part.RELATED, index), link.title


def _meta_line(article: Article) -> str:
    bits: list[str] = []
    source = article.source
    if source.outlet:
        bits.append(_e(source.outlet))
    if article.published is not None:
        assumed = " (zone assumed)" if article.published_zone_assumed else ""
        bits.append(f"published {_e(article.published.isoformat())}{assumed}")
    elif article.page_date is not None:
        bits.append(f"page date {_e(article.page_date.isoformat())}")
    if source.url:
        if urlsplit(source.url).scheme in {"http", "https"}:
            bits.append(f'<a href="{_e(source.url)}">{_e(source.url)}</a>')
        else:
            bits.append(_e(source.url))
    bits.append(f"id {_e(article.id)}")
    return f'<p class="meta">{" · ".join(bits)}</p>'


def _article_html(article: Article) -> list[str]:
    marks = _highlights(article)

    def marked(part: Part, index: int, text: str) -> str:
        return marked_html(text, marks.get((part, index), ()), _ORDER)

    out = ["<article>", f"<h1>{marked(Part.HEADLINE, 0, article.headline)}</h1>"]
    if article.standfirst is not None:
        out.append(f'<p class="standfirst">{marked(Part.STANDFIRST, 0, article.standfirst)}</p>')

    def links_after(count: int) -> None:
        for index, link in enumerate(article.related):
            if link.after_paragraph == count:
                title = marked(Part.RELATED, index, link.title)
                out.append(f'<aside class="related">Read more: <span>{title}</span></aside>')

    for index, paragraph in enumerate(article.paragraphs):
        links_after(index)
        out.append(f'<p class="para">{marked(Part.PARAGRAPH, index, paragraph)}</p>')
    links_after(len(article.paragraphs))
    out.append("</article>")
    return out


def _header_row(*names: str) -> str:
    return "<thead><tr>" + "".join(f"<th>{name}</th>" for name in names) + "</tr></thead>"


def _legend_html(article: Article) -> list[str]:
    out = ['<section class="legend">', "<h2>Legend</h2>", "<ul>"]
    out += [
        f'<li><mark class="ent chip-{kind}" data-label="">{label.lower()}</mark></li>'
        for kind, (label, _) in KINDS.items()
    ]
    out.append("</ul>")
    if article.countries or article.actors:
        out += [
            '<table class="entities">',
            _header_row("Kind", "Name", "Id", "Country", "Role", "Mentions"),
            "<tbody>",
        ]
        for country in article.countries:
            out.append(
                f'<tr><td class="chip-country">country</td><td>{_e(country.name)}</td>'
                f"<td>{_e(country.alpha3)}</td><td>{_e(country.alpha3)}</td><td></td>"
                f"<td>{len(country.mentions)}</td></tr>"
            )
        for actor in article.actors:
            kind = _actor_kind(actor)
            out.append(
                f'<tr><td class="chip-{kind}">{_e(actor.kind.value)}</td><td>{_e(actor.name)}</td>'
                f"<td>{_e(actor.id)}</td><td>{_e(actor.country or '')}</td>"
                f"<td>{_e('; '.join(actor.roles))}</td><td>{len(actor.mentions)}</td></tr>"
            )
        out += ["</tbody>", "</table>"]
    out.append("</section>")
    return out


def _evidence(article: Article, event: Event) -> tuple[str, str]:
    """The evidence sentence holding the trigger (else the first), and every one, for the hover."""
    quoted: list[str] = []
    main: str | None = None
    trigger = event.trigger.span
    for span in event.evidence:
        text = article.text_of(span.part, span.index)
        if text is None:
            continue
        quoted.append(text[span.start : span.end])
        holds_trigger = (span.part, span.index) == (trigger.part, trigger.index) and (
            span.start <= trigger.start and trigger.end <= span.end
        )
        if main is None and holds_trigger:
            main = quoted[-1]
    shown = main if main is not None else (quoted[0] if quoted else "")
    more = len(quoted) - 1
    if more > 0:
        shown += f" (+{more} more)"
    return shown, "\n\n".join(quoted)


def _events_html(article: Article) -> list[str]:
    out = ['<section class="events">', f"<h2>Events ({len(article.events)})</h2>"]
    if not article.events:
        out += ["<p>No events were found.</p>", "</section>"]
        return out
    names = _Names(article)
    out += [
        "<table>",
        _header_row(
            "Id", "Type", "Status", "Trigger", "Source", "Target", "When", "Where", "Evidence"
        ),
        "<tbody>",
    ]
    for event in article.events:
        when = ""
        if event.when is not None:
            when = f"{_range_text(event.when)} ({event.when.precision.value})"
        where = "" if event.where is None else event.where.name
        sources = "; ".join(names.playing(event, ParticipantRole.SOURCE))
        targets = "; ".join(
            names.playing(event, ParticipantRole.TARGET)
            + names.playing(event, ParticipantRole.OTHER)
        )
        mode = f" / {event.mode}" if event.mode else ""
        shown, every = _evidence(article, event)
        out.append(
            f'<tr id="event-{_e(event.id)}"><td>{_e(event.id)}</td>'
            f"<td>{_e(event.type.value)}{_e(mode)}</td><td>{_e(event.status.value)}</td>"
            f'<td><mark class="ent ent-event" data-label="">{_e(event.trigger.text)}</mark></td>'
            f"<td>{_e(sources)}</td><td>{_e(targets)}</td><td>{_e(when)}</td>"
            f'<td>{_e(where)}</td><td class="evidence" title="{_e(every)}">{_e(shown)}</td></tr>'
        )
    out += ["</tbody>", "</table>", "</section>"]
    return out


def render_html(article: Article) -> str:
    """One self-contained HTML page of *article*, its entities highlighted by kind.

    Countries, people, organisations, places, event triggers and time expressions are each
    a ``<mark class="ent ent-KIND">`` whose hover (``title``) names the entity's id, country
    and role; a legend lists the kinds and entities, and a table lists the events. The page
    needs no network and no script; every text of the article is escaped.

    Args:
        article: a parsed Article.

    Returns:
        The page, as text (write it as UTF-8).
    """
    language = article.source.language or "en"
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(article.headline)}</title>",
        "<style>" + _CSS.replace("%KIND_CSS%", _kind_css()) + "</style>",
        "</head>",
        "<body>",
        "<main>",
        _meta_line(article),
    ]
    tail = ["</main>", "</body>", "</html>", ""]
    return "\n".join(
        head + _article_html(article) + _legend_html(article) + _events_html(article) + tail
    )
