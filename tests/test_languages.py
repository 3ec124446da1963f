"""The language of a text: its tables, how it is told, and where the Article records it."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sahel_news.data
from sahel_news import Article, Source, parse_article
from sahel_news.data import (
    DataTableError,
    current_language,
    languages,
    month_names,
    table_entries,
    user_data,
    using_language,
    word_set,
)
from sahel_news.data._tables import TABLES
from sahel_news.errors import ValidationError
from sahel_news.text import detect_language
from sahel_news.text._language import language_code
from sahel_news.text._tokens import split_words

ENGLISH_TEXT = (
    "Mali's army said on Monday that it had taken the town after a week of fighting, "
    "and that the wounded were being moved to the capital by road."
)
FRENCH_TEXT = (
    "L'armée malienne a affirmé lundi avoir repris la ville après une semaine de combats, "
    "et que les blessés étaient évacués vers la capitale par la route."
)


class TestLanguageTables:
    def test_french_is_a_language_with_tables(self):
        """The package has tables for English and French."""
        assert languages()[:1] == ("en",)
        assert "fr" in languages()

    def test_a_language_list_stands_in_for_the_english_one(self):
        """Inside using_language('fr'), a list French gives replaces the English list."""
        assert "the" in word_set("function_words")
        with using_language("fr"):
            assert current_language() == "fr"
            assert "les" in word_set("function_words")
            assert "the" not in word_set("function_words")
        assert current_language() == "en"
        assert "les" not in word_set("function_words")

    def test_a_list_the_language_does_not_give_is_read_from_english(self):
        """A list missing from data/fr/words.json is the English one."""
        french_file = Path(sahel_news.data.__file__).parent / "fr" / "words.json"
        given = json.loads(french_file.read_text(encoding="utf-8"))["entries"]
        omitted = next(s.key for s in TABLES["words"] if s.key is not None and s.key not in given)
        with using_language("fr"):
            french = word_set(omitted)
        assert french == word_set(omitted)

    def test_a_table_of_entries_stands_in_whole(self):
        """French month names replace the English ones, none left over."""
        with using_language("fr"):
            names = month_names()
        assert names[0] == "janvier"
        assert "january" not in names
        assert month_names()[0] == "january"

    def test_a_language_without_tables_reads_english(self):
        """A code with no folder of its own reads the English tables."""
        english = word_set("function_words")
        with using_language("wo"):
            assert word_set("function_words") == english
            assert month_names()[0] == "january"

    @pytest.mark.parametrize("code", ["FR", "french", "f", "", "fr-FR", "e1"])
    def test_a_malformed_code_is_refused(self, code):
        """using_language takes two or three lower-case letters only."""
        with pytest.raises(ValueError, match="no language code"), using_language(code):
            pass

    def test_the_choice_holds_for_one_thread_only(self):
        """Another thread reads English while this one reads French."""
        seen: list[str] = []
        with using_language("fr"):
            thread = threading.Thread(target=lambda: seen.append(current_language()))
            thread.start()
            thread.join()
        assert seen == ["en"]

    def test_a_user_language_folder_adds_to_the_language(self, tmp_path):
        """<folder>/fr/words.json adds words to the French lists only."""
        (tmp_path / "fr").mkdir()
        table = {"entries": {"function_words": ["toutefois"]}}
        (tmp_path / "fr" / "words.json").write_text(json.dumps(table), encoding="utf-8")
        with user_data(tmp_path):
            assert "fr" in languages()
            with using_language("fr"):
                assert {"toutefois", "les"} <= word_set("function_words")
            assert "toutefois" not in word_set("function_words")

    def test_a_user_language_folder_may_bring_a_new_language(self, tmp_path):
        """A folder named by a new code is a new language with tables."""
        (tmp_path / "pt").mkdir()
        table = {"entries": {"function_words": ["não", "uma"]}}
        (tmp_path / "pt" / "words.json").write_text(json.dumps(table), encoding="utf-8")
        with user_data(tmp_path):
            assert "pt" in languages()
            with using_language("pt"):
                assert word_set("function_words") == {"não", "uma"}
        assert "pt" not in languages()

    def test_a_shared_table_in_a_language_folder_is_refused(self, tmp_path):
        """Names of countries are one table for all languages: fr/countries.json is an error."""
        (tmp_path / "fr").mkdir()
        (tmp_path / "fr" / "countries.json").write_text('{"entries": {}}', encoding="utf-8")
        with (
            user_data(tmp_path),
            using_language("fr"),
            pytest.raises(DataTableError, match="one table for every language"),
        ):
            table_entries("countries", object)


class TestDetection:
    def test_english_and_french_are_told_apart(self):
        """A sentence of each language is read as that language."""
        assert detect_language(ENGLISH_TEXT).code == "en"
        french = detect_language(FRENCH_TEXT)
        assert french.code == "fr"
        assert french.decided

    def test_too_few_function_words_is_undecided_and_english(self):
        """A text of names only cannot be told, and is read in English."""
        reading = detect_language("Bamako Niamey Ouagadougou")
        assert reading.code == "en"
        assert not reading.decided

    @given(
        st.lists(st.sampled_from(["les", "une", "dans", "avec", "selon"]), min_size=4),
        st.lists(st.sampled_from(["the", "which", "were"]), max_size=1),
    )
    def test_a_text_of_mostly_french_function_words_is_french(self, french, english):
        """Four or more French function words against at most one English one read French."""
        reading = detect_language(" Niger ".join([*french, *english]))
        assert reading.code == "fr"
        assert dict(reading.counts)["fr"] == len(french)

    @given(st.text(max_size=400))
    def test_detection_is_deterministic_and_answers_a_known_language(self, text):
        """Any text gets one of the languages with tables, the same each time."""
        first, second = detect_language(text), detect_language(text)
        assert first == second
        assert first.code in languages()


class TestLanguageCodes:
    @pytest.mark.parametrize(
        ("tag", "code"),
        [
            ("fr", "fr"),
            ("fr-FR", "fr"),
            ("FR", "fr"),
            ("fr_CA", "fr"),
            ("fra", "fr"),
            ("fre", "fr"),
            ("French", "fr"),
            ("en-GB", "en"),
            ("eng", "en"),
            ("ha", "ha"),
            ("xx", None),
            ("zzz", None),
            ("fil", "fil"),
            ("Klingon", "tlh"),
            ("12", None),
            ("", None),
        ],
    )
    def test_a_tag_gives_its_two_letter_code(self, tag, code):
        """BCP 47 tags, ISO 639 codes and English names give the ISO 639-1 code."""
        assert language_code(tag) == code


class TestArticleLanguage:
    def test_the_source_language_is_recorded_without_a_guess(self):
        """A source language is the article's, with no detection diagnostic."""
        article = parse_article(FRENCH_TEXT, source=Source(language="fr-FR"), extract=False)
        assert article.language == "fr"
        assert not [d for d in article.diagnostics if d.code.startswith("language")]

    def test_a_detected_language_says_so(self):
        """Without a source language the words tell it, and a diagnostic says it was guessed."""
        article = parse_article(FRENCH_TEXT, extract=False)
        assert article.language == "fr"
        (note,) = [d for d in article.diagnostics if d.code == "language_detected"]
        assert "French" in note.message

    def test_a_source_language_that_names_no_language_is_detected_instead(self):
        """'elvish' names no ISO 639 language: the text tells, and two diagnostics say so."""
        article = parse_article(ENGLISH_TEXT, source=Source(language="elvish"), extract=False)
        assert article.language == "en"
        codes = {d.code for d in article.diagnostics}
        assert {"language_unknown", "language_detected"} <= codes

    def test_a_language_without_tables_is_kept_and_read_in_english(self):
        """Hausa is recorded as 'ha' and extracted with the English tables, which says so."""
        article = parse_article(ENGLISH_TEXT, source=Source(language="ha"))
        assert article.language == "ha"
        assert "language_without_tables" in {d.code for d in article.diagnostics}
        assert [c.alpha3 for c in article.countries] == ["MLI"]

    def test_a_malformed_language_is_refused_by_the_model(self):
        """Article.language is a lower-case ISO 639 code or None."""
        with pytest.raises(ValidationError, match="language"):
            Article(id="a", headline="H", language="French")


class TestElisions:
    def test_french_elided_words_are_tokens_of_their_own(self):
        """In French "l'Algérie" is "l'" then "algerie", with offsets into the text."""
        text = "L'armée a quitté l'Algérie jusqu'à hier, qu'il dit."
        with using_language("fr"):
            words = split_words(text)
        pieces = [text[a:b] for a, b in zip(words.starts, words.ends, strict=True)]
        assert pieces[:6] == ["L'", "armée", "a", "quitté", "l'", "Algérie"]
        assert words.norms[6:8] == ["jusqu'", "a"]
        assert words.norms[10:12] == ["qu'", "il"]

    def test_english_keeps_apostrophe_words_whole(self):
        """English lists no elisions: "d'Ivoire" stays one word, as before."""
        assert split_words("Côte d'Ivoire's army").norms == ["cote", "d'ivoire", "'s", "army"]

    @given(st.text(alphabet="ld'aéA qu", max_size=40))
    def test_elisions_keep_every_character_of_every_word(self, text):
        """Splitting elisions changes the cuts, never the characters the words cover."""
        english = split_words(text)
        with using_language("fr"):
            french = split_words(text)
        assert "".join(text[a:b] for a, b in zip(french.starts, french.ends, strict=True)) == (
            "".join(text[a:b] for a, b in zip(english.starts, english.ends, strict=True))
        )


class TestPerLanguageCaches:
    def test_a_one_argument_builder_still_takes_its_argument_by_keyword(self):
        """word_set(section=...) works as word_set(...) does, in either language."""
        assert word_set(section="function_words") == word_set("function_words")
        with using_language("fr"):
            assert word_set(section="function_words") == word_set("function_words")
            assert "les" in word_set(section="function_words")

    def test_cache_statistics_are_the_current_languages(self):
        """cache_info() reports the cache of the language in use, as functools does."""
        word_set("function_words")
        assert word_set.cache_info().currsize >= 1

    def test_english_and_french_parsed_side_by_side_in_threads_read_as_alone(self):
        """Threads parsing English and French at once get what each gets alone."""
        from concurrent.futures import ThreadPoolExecutor

        from sahel_news import to_json

        texts = [ENGLISH_TEXT, FRENCH_TEXT] * 6
        alone = [to_json(parse_article(text)) for text in texts]
        with ThreadPoolExecutor(max_workers=4) as pool:
            together = list(pool.map(lambda text: to_json(parse_article(text)), texts))
        assert together == alone


class TestLanguageInUse:
    def test_extract_functions_read_an_article_without_language_in_the_language_in_use(self):
        """An Article with no language, extracted inside using_language('fr'), is read in French."""
        from sahel_news import extract_entities, extract_events

        article = Article(id="a", headline="Le Niger a rappelé son ambassadeur au Bénin")
        assert article.language is None
        assert extract_events(extract_entities(article)).events == ()
        with using_language("fr"):
            found = extract_events(extract_entities(article))
        assert [(e.type.value, e.cameo) for e in found.events] == [("SANCTION", "161")]

    def test_decomposed_accents_are_told_as_their_composed_forms(self):
        """French written with combining accents (NFD) is still told to be French."""
        import unicodedata

        decomposed = unicodedata.normalize("NFD", FRENCH_TEXT)
        assert decomposed != FRENCH_TEXT
        assert detect_language(decomposed).code == "fr"

    def test_detection_refuses_what_is_not_text(self):
        """detect_language names the type it was given when it is not a str."""
        with pytest.raises(TypeError, match="not bytes"):
            detect_language(b"le la les")
