"""Which language a text is written in: given by its source, or told by its function words."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import Any

import attrs

from sahel_news.data import (
    DEFAULT_LANGUAGE,
    languages,
    register_cache,
    using_language,
    word_set,
)
from sahel_news.models import Article, Diagnostic
from sahel_news.models._unchecked import evolved

__all__ = ["LanguageReading", "detect_language", "language_code", "with_language"]


# Words, cut at apostrophes as the lists write them ("l'armée": "l'", "armée").
_WORD = re.compile(r"[^\W\d_]+['’]?")
# Enough text to tell: the first two hundred words decide as well as all of them do.
_SAMPLE = 1200
# Fewer function words than this, or a lead smaller than this share of them, is no answer.
_FEWEST_WORDS = 4
_LEAD = 2.0


@attrs.frozen
class LanguageReading:
    """The language a text was read as, and the function-word counts that told it.

    ``counts`` maps each language with tables (`sahel_news.data.languages`) to how many
    words of the sample are function words of that language alone. ``decided`` is False
    when the counts were too few or too close to tell, and the default language was taken.
    """

    code: str
    counts: tuple[tuple[str, int], ...]
    decided: bool


@register_cache
@functools.cache
def _own_function_words() -> frozenset[str]:
    return word_set("function_words")


@register_cache
@functools.cache
def _exclusive_words(codes: tuple[str, ...]) -> dict[str, str]:
    """word -> language, for the function words that only one language lists."""
    owners: dict[str, set[str]] = {}
    for code in codes:
        with using_language(code):
            for word in _own_function_words():
                owners.setdefault(word, set()).add(code)
    return {word: next(iter(langs)) for word, langs in owners.items() if len(langs) == 1}


def detect_language(text: str) -> LanguageReading:
    """The language of *text*, told by the words each language lists as ``function_words``.

    Deterministic: the language with the most of its own function words in the first
    1,200 characters wins when it has at least four and twice as many as the next;
    otherwise the text is read in English and the reading says it was not decided.
    """
    if not isinstance(text, str):
        raise TypeError(f"detect_language reads a str, not {type(text).__name__}")
    codes = languages()
    owner = _exclusive_words(codes)
    counts = dict.fromkeys(codes, 0)
    # decomposed accents ("e" + U+0301) are composed first: the lists write "été"
    sample = unicodedata.normalize("NFC", text[:_SAMPLE]).lower()
    counts.update(Counter(filter(None, map(owner.get, _WORD.findall(sample)))))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], codes.index(item[0])))
    best, best_count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    decided = best_count >= _FEWEST_WORDS and best_count >= _LEAD * runner_up
    return LanguageReading(
        best if decided else DEFAULT_LANGUAGE, tuple(sorted(counts.items())), decided
    )


_TAG = re.compile(r"[A-Za-z]{2,8}")


def language_code(tag: str) -> str | None:
    """The ISO 639 code of a language tag (``"fr-FR"``, ``"FR"``, ``"fra"``), else None.

    The two-letter ISO 639-1 code where the language has one, else its three-letter code.

    The primary subtag of a BCP 47 tag is read; three-letter ISO 639 codes and English
    names are looked up in ISO 639 (pycountry).
    """
    primary = re.split(r"[-_\s]", tag.strip(), maxsplit=1)[0]
    if _TAG.fullmatch(primary) is None:
        return None
    return _iso639(primary.lower())


def _name(code: str) -> str:
    """The English name of a language code ("French"), from ISO 639, else the code."""
    record = _record(code)
    return str(record.name) if record is not None else code


def _iso639(name: str) -> str | None:
    record = _record(name)
    if record is None:
        return None
    # the two-letter code where ISO 639-1 has one, else the three-letter one ("fil")
    code = getattr(record, "alpha_2", None) or getattr(record, "alpha_3", None)
    return code if isinstance(code, str) else None


@functools.cache
def _record(name: str) -> Any:
    """The ISO 639 record a code or an English name names (pycountry), or None."""
    import pycountry  # noqa: PLC0415 - loaded on first use to keep `import sahel_news` light

    languages = pycountry.languages
    record = (
        languages.get(alpha_2=name)
        if len(name) == 2
        else languages.get(alpha_3=name) or languages.get(bibliographic=name)
    )
    if record is None:
        try:
            record = languages.lookup(name)
        except LookupError:
            return None
    return record


def with_language(article: Article) -> Article:
    """*article* with its ``language``: its source's, else the one its words tell.

    A diagnostic says when the language was detected (``language_detected``), could not be
    told (``language_undetermined``), was given in a form that names no language
    (``language_unknown``), or has no tables of its own (``language_without_tables``, read
    with the English ones).
    """
    notes: list[Diagnostic] = []
    given = article.source.language
    if given is not None:
        code = language_code(given)
        if code is not None:
            if code not in languages():
                notes.append(
                    Diagnostic(
                        "language_without_tables",
                        f"no tables for language {code!r}: read with the English ones",
                    )
                )
            return _recorded(article, code, notes)
        notes.append(
            Diagnostic(
                "language_unknown",
                f"source language {given!r} names no ISO 639 language; told from the text",
            )
        )
    sample = [article.headline, article.standfirst or ""]
    for paragraph in article.paragraphs:
        if sum(map(len, sample)) >= _SAMPLE:
            break
        sample.append(paragraph)
    reading = detect_language("\n".join(sample))
    counts = ", ".join(f"{_name(code)} {count}" for code, count in reading.counts)
    if reading.decided:
        name = _name(reading.code)
        message = f"read as {name}, told by its function words ({counts})"
        notes.append(Diagnostic("language_detected", message))
    else:
        message = f"too few or too even function words to tell ({counts}): read as English"
        notes.append(Diagnostic("language_undetermined", message))
    return _recorded(article, reading.code, notes)


def _recorded(article: Article, code: str, notes: list[Diagnostic]) -> Article:
    return evolved(article, language=code, diagnostics=(*article.diagnostics, *notes))
