"""Speakers: who a source is, linked to the people named before it.

Linking stays linear in the number of named sources in an article: counted in executed
Python lines (``sys.settrace``), not in time, the count is the same on every machine and
every run.
"""

from __future__ import annotations

import re
import string
import sys

import pytest

from analysis.measures.attribution import speakers
from analysis.measures.attribution.article import _Article, _fold
from analysis.measures.attribution.finder import AttributionFinder
from analysis.measures.attribution.speakers import (
    _CAP_RUN,
    _mentions_anonymity,
    _mentions_anonymity_in,
    _Speakers,
    _Spoken,
)
from analysis.text import split_sentences, tokenize


def _surname(i: int) -> str:
    letters = string.ascii_lowercase
    return "Vel" + letters[i % 26] + letters[i // 26 % 26] + letters[i // 676 % 26]


def _article(speakers: int) -> str:
    # Each named person speaks, then a pronoun speaks: every pronoun is linked while
    # all the people named before it are candidates for a bare-surname mention.
    return " ".join(
        f"Dana {_surname(i)} said the quay was safe. She said the repairs were done."
        for i in range(speakers)
    )


def _lines_executed(text: str) -> int:
    finder = AttributionFinder({"said": "neutral"})
    sentences = split_sentences(text)
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        found = finder.find(text, sentences, "a1")
    finally:
        sys.settrace(None)
    assert len(found) == 2 * text.count("Dana ")
    return count


def test_pronouns_link_to_the_latest_person_named():
    text = _article(3)
    found = AttributionFinder({"said": "neutral"}).find(text, split_sentences(text), "a1")
    assert [e.speaker for e in found] == [f"Dana {_surname(i)}" for i in range(3) for _ in range(2)]


def test_work_grows_linearly_with_the_number_of_named_speakers():
    _lines_executed(_article(30))  # first use: regular expressions compiled, caches filled
    small = _lines_executed(_article(150))
    large = _lines_executed(_article(600))
    # Four times the speakers: about four times the work (sixteen if it were quadratic).
    assert large < 6 * small


def _article_state(text: str) -> _Article:
    """An article's state as the finder makes it, its ``_Speakers`` beside it."""
    tokens = tokenize(text)
    art = _Article(text, _fold(text), split_sentences(text), tokens, None, [t[0] for t in tokens])
    art.speakers = _Speakers(art)
    return art


def _speakers(text: str) -> _Speakers:
    return _article_state(text).speakers


def test_capitalised_runs_are_unchanged_by_possessive_words():
    backtracking = re.compile(_CAP_RUN.pattern.replace("*+", "*"))
    assert backtracking.pattern != _CAP_RUN.pattern
    text = (
        "Foreign Minister J. Smith met Abu Bakr al-Baghdadi and O’Brien-Lee. "
        "Then Ludwig van Beethoven, and the Crown Prince Mohammed bin Salman spoke. É Ø x A"
    )
    assert [m.span() for m in _CAP_RUN.finditer(text)] == [
        m.span() for m in backtracking.finditer(text)
    ]


def test_full_names_are_found_as_when_every_sentence_with_the_surname_is_read(monkeypatch):
    # full_name_before skips a sentence where no name can end in the surname ("said
    # Lee"); reading every sentence that holds " Lee" is the reference.
    text = (
        "Ann Lee met Ludwig van Beethoven and J. Lee. Then said Lee, in Lee, "
        "O’Brien-Lee and  Tom  Lee spoke. Dr. Ilsa Maren-Lee and al-Lee came; "
        "iPhone Lee, _Bo Lee, É. Lee and Ana de Lee said Beethoven left. Lee did. "
        "Later came K. Lee. Lee spoke."
    )
    surnames = ["Lee", "Beethoven", "Maren-Lee", "Bo"]
    people = _speakers(text)
    fast = {(s, p): people.full_name_before(s, p) for s in surnames for p in range(len(text))}
    monkeypatch.setattr(speakers, "_may_join_a_run", lambda text, space, start: True)
    reference = _speakers(text)
    slow = {(s, p): reference.full_name_before(s, p) for s in surnames for p in range(len(text))}
    assert fast == slow
    assert set(fast.values()) > {None, "Ann Lee", "Ludwig van Beethoven"}


@pytest.mark.parametrize("people", [3, 40])  # a few surnames found one by one; many by index
def test_a_recorded_surname_is_found_where_it_stands_alone(people):
    names = [f"Ann Vel{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(people)]
    text = " ".join(f"{name} spoke. Later {name.split()[1]}'s aide left." for name in names)
    seen = _speakers(text)
    for name in names:
        seen.add_spoken(_Spoken(text.index(name), name, "person", False, ""))
    for name in names:
        surname = name.split()[1]
        alone = text.index(f"Later {surname}") + len("Later ")
        assert seen.latest_surname(text.index(name), alone + 1) == (alone, name)


@pytest.mark.parametrize(
    "text",
    [
        "A diplomat, who asked not to be named, said the unnamed official was not identified.",
        "Officials not authorized to speak said so. Aides said it, speaking anonymously.",
        "The named successor said nothing. Nobody else did.",
    ],
)
def test_anonymity_looked_up_in_the_article_is_anonymity_in_the_slice(text):
    art = _article_state(text)
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 7):
            assert _mentions_anonymity_in(art, start, end) == _mentions_anonymity(
                text[start:end]
            ), (start, end)
