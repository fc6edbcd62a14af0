"""The attribution rules' word lists are data: read from a CSV, each list with a note."""

from __future__ import annotations

import csv

import pytest

from analysis.measures.attribution import vocabulary
from analysis.text.lexicons import LexiconError


def test_every_bundled_list_has_words_and_a_note():
    with vocabulary.WORDS_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["words"].split() and row["note"].strip() for row in rows)


def test_the_lists_are_loaded_as_word_sets():
    assert "said" in vocabulary.SAY and "he" in vocabulary.PRONOUNS


def test_a_list_named_twice_is_reported_with_its_line(tmp_path):
    path = tmp_path / "attribution_words.csv"
    path.write_text("list,words,note\naux,has,a\naux,had,b\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"line 3: list 'aux' appears twice"):
        vocabulary.load_word_lists(path)


def test_a_row_without_words_is_reported_with_its_line(tmp_path):
    path = tmp_path / "attribution_words.csv"
    path.write_text("list,words,note\naux,,a\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"line 2: empty list name or words"):
        vocabulary.load_word_lists(path)
