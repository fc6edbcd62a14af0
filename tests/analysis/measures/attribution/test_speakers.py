"""Speaker linking stays linear in the number of named sources in an article.

Counted in executed Python lines (``sys.settrace``), not in time: the count is the same
on every machine and every run.
"""

from __future__ import annotations

import string
import sys

from analysis.measures.attribution.finder import AttributionFinder
from analysis.text import split_sentences


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
