"""Source types: who an attribution gives a voice to (sentences written for these tests)."""

from __future__ import annotations

import pytest

from analysis.measures.attribution.finder import AttributionFinder
from analysis.measures.attribution.source_types import SOURCE_TYPES, load_source_types
from analysis.text import split_sentences
from analysis.text.lexicons import LexiconError, load_lexicons


@pytest.fixture(scope="module")
def finder():
    return AttributionFinder(load_lexicons().cues)


def types(finder, text):
    return [e.source_type for e in finder.find(text, split_sentences(text), "a1")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Professor Lena Ostrova said the model was flawed.", "expert"),
        ("The ministry said the fares would rise.", "official"),
        ("Senator Alma Reyes said the bridge would be rebuilt.", "politician"),
        ("The Harbour Board said the quay would reopen.", "organisation"),
        ("A study from Harwick University found that commuting times doubled.", "document"),
        ("Two voters in Lowport said they would stay home.", "ordinary"),
        ("Officials said the road would stay closed.", "anonymous"),
        ("Mira Dovan said the toll was unfair.", "named_person"),
    ],
)
def test_each_source_type_from_the_sources_words(finder, text, expected):
    assert types(finder, text) == [expected]


def test_a_role_in_the_apposition_sets_the_type_of_a_named_source(finder):
    text = "Tomas Brenner, a senator from Lowport, said the crossings were unsafe."
    assert types(finder, text) == ["politician"]


def test_a_pronoun_takes_its_antecedents_type(finder):
    text = "Senator Alma Reyes said the bridge would be rebuilt. She added that funds were ready."
    assert types(finder, text) == ["politician", "politician"]


def test_a_one_word_name_with_no_role_is_unknown(finder):
    # "Dravenia said": a person, a country or a club; the type stays empty.
    assert types(finder, "Dravenia said the border would stay open.") == [""]


def test_the_bundled_types_are_the_documented_ones():
    assert set(load_source_types().values()) <= set(SOURCE_TYPES)


def test_a_bad_type_names_the_file_line_and_the_choices(tmp_path):
    path = tmp_path / "source_types.csv"
    path.write_text("word,source_type,note\nsheriff,police,why\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"source_types.csv, line 2: .*official"):
        load_source_types(path)
