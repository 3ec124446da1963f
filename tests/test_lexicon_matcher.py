"""The vocabulary automaton: the matches a word-start regex trie gives, from one scan."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sahel_news.extract  # noqa: F401  (importing the stages declares their tables)
from _word_trie_oracle import WordPattern
from sahel_news.lexicon._matcher import Tail, Vocabulary, VocabularyTable, aligned_lower
from sahel_news.lexicon._shared import _BUILDERS, lowercase, table_hits
from sahel_news.text import fold

_REGEX_TAIL = {
    Tail.WORD_END: r"(?!\w)",
    Tail.NO_HYPHENATED_WORD: r"(?![\w]|-\w)",
    Tail.NO_HYPHEN: r"(?![\w-])",
}
_FORM_CHARS = list("aAbBNn'-é_ ")
_TEXT_CHARS = [*_FORM_CHARS, ".", "\u0130", "\n", "2"]


def _oracle(table: VocabularyTable, text: str) -> list[tuple[int, int]]:
    """What the regex trie of *table* finds in *text* (lowercased for a case-blind table)."""
    pattern = WordPattern.compile(table.forms, _REGEX_TAIL[table.tail])
    read = text if table.case_sensitive else aligned_lower(text)
    return [m.span() for m in pattern.matches(read, hyphen_joins=table.hyphen_joins)]


_tables = st.builds(
    VocabularyTable,
    forms=st.frozensets(
        st.text(alphabet=st.sampled_from(_FORM_CHARS), min_size=1, max_size=4), max_size=6
    ),
    case_sensitive=st.booleans(),
    tail=st.sampled_from(list(Tail)),
    hyphen_joins=st.booleans(),
)


def _case_blind(table: VocabularyTable) -> VocabularyTable:
    if table.case_sensitive:
        return table
    return VocabularyTable(
        frozenset(f.lower() for f in table.forms), False, table.tail, table.hyphen_joins
    )


class TestAgainstRegexTries:
    """One scan gives each table what its own regex trie gives."""

    @settings(max_examples=300)
    @given(
        st.lists(_tables.map(_case_blind), min_size=1, max_size=4),
        st.text(alphabet=st.sampled_from(_TEXT_CHARS), max_size=40),
    )
    def test_every_table_matches_its_regex_trie(self, tables, text):
        """Longest form at a word start, tail checked, no overlaps, hyphen rule: as the regex."""
        found = Vocabulary(tables).scan(text)
        assert found == [_oracle(table, text) for table in tables]

    @given(st.text(alphabet=st.sampled_from(_TEXT_CHARS), max_size=40))
    def test_longest_form_whose_tail_holds_wins(self, text):
        """ "Nigeria" beats "Niger" unless a word character follows "Nigeria"."""
        table = VocabularyTable(frozenset({"Niger", "Nigeria"}), True, Tail.WORD_END)
        assert Vocabulary([table]).scan(text) == [_oracle(table, text)]

    def test_a_form_inside_a_word_is_not_found(self):
        """ "Mali" in "Somalia" is no word of its own."""
        table = VocabularyTable(frozenset({"Mali"}), True, Tail.WORD_END)
        assert Vocabulary([table]).scan("Somalia and Mali") == [[(12, 16)]]

    def test_case_blind_tables_read_the_lowercase(self):
        """A case-blind table finds "MINISTER" and "Minister" alike; a case-true one does not."""
        blind = VocabularyTable(frozenset({"minister"}), False, Tail.NO_HYPHEN)
        true = VocabularyTable(frozenset({"General"}), True, Tail.NO_HYPHEN)
        text = "MINISTER and General, not general"
        assert Vocabulary([blind, true]).scan(text) == [[(0, 8)], [(13, 20)]]

    def test_an_empty_vocabulary_finds_nothing(self):
        """No forms, no matches, and no error."""
        assert Vocabulary([VocabularyTable(frozenset(), True, Tail.WORD_END)]).scan("x") == [[]]


class TestAlignedLower:
    """The lowercase the scan reads keeps every offset of the folded text."""

    @given(st.text())
    def test_same_length_and_lower_wherever_lower_keeps_length(self, text):
        """Characters that lower() would lengthen ("İ") stay as they are."""
        lower = aligned_lower(text)
        assert len(lower) == len(text)
        for char, low in zip(text, lower, strict=True):
            assert low == (char.lower() if len(char.lower()) == 1 else char)


class TestSharedVocabulary:
    """The pipeline's tables, found in one scan, match their own regex tries."""

    @pytest.mark.parametrize("name", sorted(_BUILDERS))
    def test_each_table_matches_its_regex_trie_on_the_seed(self, name, seed_text):
        """Every table of the shared automaton finds on the seed what its regex trie finds."""
        table = _BUILDERS[name]()
        for line in seed_text.splitlines():
            folded = fold(line)
            assert table_hits(name, folded) == _oracle(table, folded)

    def test_the_lowercase_is_the_folded_text_lowered(self):
        """The scan's lowercase is what the rules read as the text's lowercase."""
        folded = fold("İstanbul TALKS with Goïta")
        assert lowercase(folded) == "istanbul talks with goita"
