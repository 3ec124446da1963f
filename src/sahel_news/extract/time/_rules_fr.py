"""The French surface of time expressions: the rules the scanner runs on French text.

The same rule names and group names as the English rules (``_patterns.RULES``), so the
same readers resolve them; what a French word means for a reader comes from the
``reading`` words of ``data/fr/time_words.json`` ("dernier" -> "last"). The text is
scanned folded (``text.fold``: "février" reads "fevrier", "aujourd’hui" reads
"aujourd'hui", same offsets), so the rules are written without accents and with the
straight apostrophe. French word order puts the relational word after the noun ("lundi
dernier", "la semaine prochaine"): such rules hold it in a group of their own (``rel`` or
``rel2``) that the reader prefers. Like the English rules, each is a chain of literal
alternations and single quantifiers over disjoint classes: matching stays linear.
"""

from __future__ import annotations

import re

from sahel_news.extract.time._ruleset import RuleSet

__all__ = ["FRENCH", "RULES", "WINDOWS"]

_DAY = r"[0-3]?\d(?:er)?"
_YEAR = r"1[89]\d\d|20\d\d"
# Before a date: "le 13 juin", "depuis le", "d'ici au", "jusqu'au", "avant le", "dès le".
_PREP = (
    r"depuis\s+le|depuis|d'ici\s+au|d'ici\s+le|d'ici|jusqu'au|jusqu'a|avant\s+le|avant"
    r"|apres\s+le|apres|des\s+le|a\s+partir\s+du|du|au|le|ce|en|pour"
)
# Before a month or a year: "en juin", "depuis juillet 2023", "d'ici à la mi-septembre".
_MONTH_PREP = (
    r"plus\s+tot\s+en|plus\s+tard\s+en|dans\s+le\s+courant\s+de|au\s+cours\s+de"
    r"|a\s+partir\s+de|d'ici\s+a\s+la|d'ici\s+a|d'ici\s+la|d'ici|jusqu'a\s+la|jusqu'a|jusqu'en"
    r"|jusqu'au|depuis\s+la|depuis|pendant|durant|courant|avant\s+la|avant|apres\s+la|apres|des"
    r"|pour\s+la|pour|vers\s+la|vers|en|a\s+la"
    r"|au|de|d'"
)
# Before a year alone: as before a month, but not "de", "d'" or "dès"/"des" ("plus de 2000
# soldats", "des 2000 soldats" are counts).
_YEAR_PREP = (
    r"plus\s+tot\s+en|plus\s+tard\s+en|dans\s+le\s+courant\s+de|au\s+cours\s+de"
    r"|a\s+partir\s+de|d'ici\s+a|d'ici|jusqu'a|jusqu'en|depuis|pendant|durant|courant|avant"
    r"|apres|pour|vers|en|au"
)
# After a month, a weekday, a season, a unit: "juin dernier", "lundi prochain".
_REL_AFTER = r"derniere|dernier|passee|passe|prochaine|prochain|a\s+venir"
_UNITS = r"semaine|mois|annee|an|week-end|weekend|decennie"
_COUNT_UNITS = r"jours|jour|semaines|semaine|mois|annees|annee|ans|an|decennies|decennie"
_PLURAL_UNITS = r"jours|semaines|mois|annees|ans|decennies"
# Between a part and what it is part of: "fin juin", "mi-mai", "fin de juin", "début d'avril".
_PART_LINK = r"(?:-|\s+(?:du\s+mois\s+de\s+|du\s+mois\s+d'|de\s+|d')?)"
_MONTH_OF = r"(?:(?:le\s+)?mois\s+(?:de\s+|d'))?"  # "au mois de juin", "le mois d'août"
_TO = r"\s*(?:-|–|—|\bau\b|\ba\b|\bet\b|\bjusqu'au\b|\bjusqu'a\b)\s*"
_ON_DAY = r"(?:(?:avant-hier|apres-demain|hier|aujourd'hui|demain),?\s+)?"  # "hier lundi 3 mars"
# After "avant"/"après" (and "la veille", "le lendemain"): "de"/"du" name an event; so
# does a noun, but no conjunction, preposition or pronoun.
_EVENT_NOUN_AFTER = re.compile(
    r"\s+(?:de\b|du\b|des\b|d'|(?!(?:et|ou|mais|quand|lorsque|alors|puis|a|au|aux|dans|en|avec"
    r"|pour|par|sur|selon|il|elle|ils|elles|on)\b)[\w“\"'‘«])",
    re.IGNORECASE,
)

# (rule name, template); <M>, <WD>, <N>, <PART>, <SEASON>, <VAGUE> are filled from the vocabulary.
RULES: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b(?:(?P<prep>{_PREP})\s+)?(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d)\b"),
    (
        "day_month",
        (
            rf"\b(?:(?P<prep>{_PREP})\s+)?{_ON_DAY}(?:(?:le|ce)\s+)?(?:(?P<wd><WD>),?\s+)?"
            rf"(?P<day>{_DAY})\s+(?P<month><M>)\b(?:\.?,?\s+(?P<year>{_YEAR})\b)?"
            rf"(?:\s+(?P<rel>{_REL_AFTER})\b)?"
        ),
    ),
    (
        "day_range",
        (
            rf"\b(?:(?P<prep>entre|du)\s+)?(?:le\s+)?(?P<day1>{_DAY}){_TO}(?:le\s+)?"
            rf"(?P<day2>{_DAY})\s+(?P<month><M>)\b(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
    ),
    (
        "month_range",
        (
            rf"\b(?:(?P<prep>entre\s+|de\s+|d'))?{_MONTH_OF}(?P<month><M>){_TO}(?P<month2><M>)\b"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
    ),
    (
        "year_range",
        (
            rf"\b(?:(?P<prep>entre|de|depuis|en)\s+)?(?P<year>{_YEAR})"
            rf"\s*(?:-|–|—|/|\ba\b|\bau\b|\bet\b)\s*(?P<year2>{_YEAR}|\d\d)\b(?![-/]\d)"
        ),
    ),
    (
        "month_year",
        (
            rf"\b(?:(?P<prep>{_MONTH_PREP})(?:\s+|(?<=')))?(?:(?P<part><PART>){_PART_LINK})?"
            rf"{_MONTH_OF}(?P<month><M>)\b,?\s+(?P<year>{_YEAR})\b"
        ),
    ),
    (
        "part_month",
        (
            rf"\b(?:(?P<prep>{_MONTH_PREP})(?:\s+|(?<=')))?(?P<part><PART>){_PART_LINK}"
            rf"{_MONTH_OF}(?P<month><M>)\b(?:\s+(?P<rel>{_REL_AFTER})\b)?"
        ),
    ),
    (
        "month",
        (
            rf"\b(?:(?P<prep>{_MONTH_PREP})(?:\s+|(?<=')))?{_MONTH_OF}(?P<month><M>)\b"
            rf"(?:\s+(?P<rel>{_REL_AFTER})\b)?"
        ),
    ),
    (
        "year",
        (
            rf"\b(?:(?P<prep>{_YEAR_PREP})\s+)?(?:(?P<part><PART>)"
            rf"(?:-|\s+(?:de\s+l'annee\s+|d')?)|(?:le\s+)?(?P<edge>premier\s+semestre"
            rf"|second\s+semestre|deuxieme\s+semestre|premier\s+trimestre|deuxieme\s+trimestre"
            rf"|second\s+trimestre|troisieme\s+trimestre|quatrieme\s+trimestre"
            rf"|dernier\s+trimestre)\s+(?:de\s+l'annee\s+)?)?(?:l'annee\s+)?(?P<year>{_YEAR})\b"
            rf"(?!\s*%|[.,]\d)"
        ),
    ),
    (
        "quarter",
        rf"\b(?:(?P<prep>{_YEAR_PREP})\s+)?[QT](?P<q>[1-4])\s+(?P<year>{_YEAR})\b",
    ),
    (
        "decade",
        (
            rf"\b(?:(?P<prep>{_YEAR_PREP})\s+)?(?:(?:les|des)\s+)?"
            rf"(?:(?P<part><PART>)\s+(?:des\s+)?)?annees\s+(?P<decade>1[89]\d0|20\d0)\b"
        ),
    ),
    (
        "weekday",
        (
            r"\b(?:(?P<mod>dans\s+la\s+nuit\s+de|dans\s+la\s+nuit\s+du)\s+)?(?:(?P<prep>depuis"
            r"|d'ici|jusqu'a|jusqu'au|avant|apres|des|du|au|ce|le|de|a)\s+)?(?P<wd><WD>)\b"
            rf"(?:\s+(?P<rel>{_REL_AFTER})\b)?(?:\s+(?P<tod>matin|apres-midi|soir|nuit))?"
        ),
    ),
    (
        "relative_day",
        (
            r"\b(?:(?P<pre>plus\s+tot|plus\s+tard|tard|tot)\s+)?(?P<word>avant-hier|apres-demain"
            r"|hier|aujourd'hui|demain|ce\s+matin|cet\s+apres-midi|ce\s+soir|cette\s+nuit"
            r"|la\s+nuit\s+derniere|la\s+nuit\s+passee)\b(?:,?\s+(?:<WD>)\b)?"
            r"(?:\s+(?P<tod>matin|apres-midi|soir|nuit))?"
        ),
    ),
    (
        "unit",
        (
            r"\b(?:(?P<prep>au\s+cours\s+de|au\s+cours|a\s+partir\s+de|d'ici\s+a|d'ici|jusqu'a"
            r"|jusqu'au|jusqu'en"
            r"|depuis|pendant|durant|courant|avant|apres|pour|dans|des|en|au|a)(?:\s+|(?<=')))?"
            r"(?:(?P<pre>plus\s+tot|plus\s+tard)\s+)?(?:(?:la\s+|le\s+)?(?P<edge>fin|debut|milieu"
            r"|mi)(?:\s+|-))?(?P<rel>de\s+la|de\s+l'|de\s+ce|de\s+cette|de\s+cet|la\s+meme"
            r"|le\s+meme|du|ce|cette|cet|la|le|l'|de|d')(?:\s+|(?<='))"
            rf"(?P<unit>{_UNITS})\b(?P<rel2>-ci\b|-la\b|\s+(?:{_REL_AFTER}|precedente|precedent"
            r"|suivante|suivant|en\s+cours|ecoulee|ecoule)\b)?"
        ),
    ),
    (
        "count",
        (
            rf"\b(?P<n><N>)\s+(?P<unit>{_COUNT_UNITS})\s+(?P<dir>plus\s+tot|plus\s+tard"
            r"|auparavant|avant|apres)\b"
        ),
    ),
    (
        # "il y a deux semaines": the direction before the count (read as "count")
        "ago",
        (
            r"\b(?P<dir>il\s+y\s+a)\s+(?:(?:plus\s+de|pres\s+de|environ|moins\s+de)\s+)?"
            rf"(?P<n><N>)\s+(?P<unit>{_COUNT_UNITS})\b"
        ),
    ),
    (
        "in_count",
        (
            r"\b(?P<prep>dans|d'ici|sous)\s+(?:(?:les|un\s+delai\s+de)\s+)?(?P<n><N>)\s+"
            rf"(?P<unit>{_COUNT_UNITS})\b"
        ),
    ),
    (
        "past_count",
        (
            r"\b(?:(?P<prep>au\s+cours\s+des|pendant\s+les|durant\s+les|dans\s+les|sur\s+les"
            r"|les)\s+)(?:(?P<n><N>)\s+)?(?P<rel>dernieres|derniers|prochaines|prochains"
            rf"|precedentes|precedents|suivantes|suivants)\s+(?P<unit>{_PLURAL_UNITS})\b"
        ),
    ),
    (
        # "depuis trois ans": the past three years (read as "past_count")
        "since_count",
        (
            r"\b(?P<prep>depuis)\s+(?:(?:plus\s+de|pres\s+de|environ|moins\s+de)\s+)?"
            rf"(?P<n><N>)\s+(?P<unit>{_COUNT_UNITS})\b"
        ),
    ),
    (
        "previous",
        (
            r"\b(?P<phrase>la\s+veille\s+au\s+soir|la\s+veille|le\s+lendemain\s+matin"
            r"|le\s+lendemain\s+soir|le\s+lendemain|au\s+lendemain|le\s+jour\s+meme"
            r"|le\s+meme\s+jour|ce\s+jour-la|la\s+nuit\s+precedente|la\s+nuit\s+suivante"
            r"|le\s+jour\s+precedent|le\s+jour\s+suivant)\b"
        ),
    ),
    (
        "season",
        (
            r"\b(?:(?P<prep>au\s+cours\s+de|au\s+cours|pendant|durant|depuis|avant|apres|pour"
            r"|d'ici\s+a|d'ici|jusqu'a|en|de|des|au)\s+)?(?:(?P<rel>cette|cet|ce|la|le|l')(?:\s+|(?<=')))?"
            rf"(?P<season><SEASON>)\b(?:\s+(?P<rel2>{_REL_AFTER})\b)?"
            rf"(?:\s+(?P<year>{_YEAR})\b)?"
        ),
    ),
    ("vague", r"\b(?P<phrase><VAGUE>)\b"),
    (
        "ordinal_day",
        (
            # "le 13": a day of the month the story is in (or the one before, or the next
            # for a plan); never "le 13 juin" (day_month), "le 13e", "le 13 000", "le 13 %"
            r"\b(?P<prep>depuis\s+le|d'ici\s+le|d'ici\s+au|jusqu'au|avant\s+le|apres\s+le"
            r"|des\s+le|a\s+partir\s+du|le)\s+(?P<day>3[01]|[12][0-9]|[1-9])(?:er)?\b"
            r"(?!\s*(?:%|\d)|[/.,:-]\d|\s+(?:de\s+)?(?:<M>)\b|[\s-]+(?!(?:a|au|et|dans|lors|pour"
            r"|avec|par)\b)[A-Za-z])"
        ),
    ),
)

# Where each rule's matches can start (see ``_patterns.WINDOWS``): the core word every
# match holds whole, and the most words a match can hold before it.
WINDOWS: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "iso": ("four_digits", 3, ()),  # a partir du | 2024-06-05
    "day_month": ("month", 7, ("weekday",)),  # a partir du | hier, | le | lundi | 1er | juin
    "day_range": ("month", 8, ()),  # entre le 3 et le 5 | juin
    "month_range": ("month", 6, ()),  # entre le mois de mars et | mai
    "year_range": ("year", 1, ()),  # entre | 2019
    "month_year": ("month", 8, ("part",)),  # d'ici a la | mi - | mois de | juin
    "part_month": ("month", 8, ("part",)),  # d'ici a la | mi - | mois de | juin
    "month": ("month", 6, ()),  # dans le courant de | le mois de | juin
    "year": ("year", 9, ("part",)),  # au cours de | le premier trimestre de l'annee | 2024
    "quarter": ("year", 5, ()),  # au cours de | T1 | 2024
    "decade": ("year", 8, ("part",)),  # au cours de | les | debut des | annees | 1990
    "weekday": ("weekday", 6, ()),  # dans la nuit de | jusqu'au | samedi
    "relative_day": ("relative_day", 5, ()),  # plus tard | cet apres-midi
    "unit": ("unit", 11, ()),  # au cours de | plus tot | la fin | de la | semaine
    "count": ("count_unit", 1, ("number",)),  # une dizaine de / 12 | jours
    "ago": ("count_unit", 6, ("number",)),  # il y a plus de | une dizaine de | jours
    "in_count": ("count_unit", 5, ("number",)),  # d'ici un delai de | deux | semaines
    "past_count": ("plural_unit", 5, ("number",)),  # au cours des | deux | dernieres | semaines
    "since_count": ("count_unit", 4, ("number",)),  # depuis plus de | une dizaine de | jours
    "previous": ("previous", 3, ()),  # la veille au | soir; le jour | meme
    "season": ("season", 5, ()),  # au cours de | la | saison (des pluies)
    "vague": ("vague", 0, ()),  # (the words of the phrase before its core)
    "ordinal_day": ("ordinal_prep", 2, ()),  # a partir | du 13
}

FIXED_CORES = {
    # Every match holds one of these whole ("avant-hier" holds "hier", "aujourd'hui" "aujourd").
    "relative_day": frozenset(["hier", "demain", "aujourd", "matin", "midi", "soir", "nuit"]),
    "unit": frozenset(["semaine", "mois", "annee", "an", "week", "weekend", "decennie"]),
    "count_unit": frozenset(
        [
            "jour",
            "jours",
            "semaine",
            "semaines",
            "mois",
            "an",
            "ans",
            "annee",
            "annees",
            "decennie",
            "decennies",
        ]
    ),
    "plural_unit": frozenset(["jours", "semaines", "mois", "ans", "annees", "decennies"]),
    "previous": frozenset(["veille", "lendemain", "meme", "jour", "precedente", "suivante"]),
    "ordinal_prep": frozenset(["le", "au", "du"]),
}

# Future-tense verb forms (futur simple: "se tiendra", "participeront"), lower case only
# so that names ("Ankara", "Sahara") stay out, and nouns of the same endings excluded.
_FUTURE_FORMS = (
    r"(?<!\w)(?-i:(?!(?:camera|cholera|opera|front|affront|era|ira|extra)\b)[a-z]{2,}"
    r"(?:eront|iront|dront|ront|era|ira|dra|ra))\b"
)

FRENCH = RuleSet(
    rules=RULES,
    windows=WINDOWS,
    fixed_cores=FIXED_CORES,
    fold=True,
    names_capitalised=False,
    event_noun_after=_EVENT_NOUN_AFTER,
    range_start=re.compile(r"(?:du|de|d'|entre|dans\s+la\s+nuit\s+d[eu])\s*", re.IGNORECASE),
    range_opener=re.compile(r"\b(?:du|de|d'|entre)\s*$", re.IGNORECASE),
    range_link_word=re.compile(r"(?:au|a|jusqu'au|jusqu'a)\s", re.IGNORECASE),
    range_link=re.compile(r"\s*(?:-|–|—|au|a|et|jusqu'au|jusqu'a)\s*", re.IGNORECASE),
    past_perfect=re.compile(r"\b(?:avait|avaient)\b", re.IGNORECASE),
    past_perfect_words=frozenset([b"avait", b"avaient"]),
    # "deux mois plus tôt que prévu": a comparison, not a date
    compared=re.compile(r"\s+qu(?:e\s+|')(?:prevu|initialement|annonce|attendu)\b", re.IGNORECASE),
    comparing=re.compile(r"\b(?:que|qu'|comme)\s*$", re.IGNORECASE),
    future_forms=_FUTURE_FORMS,
)
