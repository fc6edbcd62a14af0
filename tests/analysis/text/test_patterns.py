"""Specification of the lexicon pattern syntax (docs/ARCHITECTURE.md, "Lexicon pattern syntax")."""

import pickle

import pytest

from analysis.text import split_sentences, tokenize
from analysis.text.patterns import PatternError, PatternSet, compile_pattern


def hits(patterns, text, by_sentence=False):
    matcher = PatternSet(patterns)
    tokens = tokenize(text)
    sentence_of = None
    if by_sentence:
        spans = split_sentences(text)
        sentence_of = [next(i for i, (a, b) in enumerate(spans) if a <= t[0] < b) for t in tokens]
    return [text[m.start : m.end] for m in matcher.find(tokens, text, sentence_of)]


def test_a_gap_matches_up_to_four_words():
    text = "a breach of the Arab country\u2019s sovereignty"
    assert hits(["breach* of * sovereignty"], text) == [
        "breach of the Arab country\u2019s sovereignty"
    ]


def test_a_gap_matches_zero_words():
    assert hits(["breach* of * sovereignty"], "a breach of sovereignty") == [
        "breach of sovereignty"
    ]


def test_a_gap_does_not_match_five_words():
    assert hits(["breach of * sovereignty"], "breach of one two three four five sovereignty") == []


def test_a_trailing_star_matches_any_ending():
    assert hits(["assassinat*"], "The assassination and assassinated leaders") == [
        "assassination",
        "assassinated",
    ]


def test_prefixes_of_any_length_match_alongside_each_other():
    patterns = ["k*", "kil*", "killing", "massacr*"]
    text = "Killers, a kiln, killing and massacres; not skill"
    assert hits(patterns, text) == ["Killers", "kiln", "killing", "massacres"]
    assert hits(["kil*"], text) == ["Killers", "kiln", "killing"]


def test_a_word_beginning_in_second_place_matches_only_after_the_first_word():
    patterns = ["border jumper*", "border crisis", "foreign agent*"]
    text = "Border jumpers, a border crisis, border guards, a foreign agent and foreign aid"
    assert hits(patterns, text) == ["Border jumpers", "border crisis", "foreign agent"]


def test_a_pattern_set_pickled_after_use_finds_the_same_matches():
    # Its memoised plans travel with it (pool and Dask workers get pickled analyzers).
    matcher = PatternSet(["border jumper*", "border crisis", "regime"])
    text = "Border jumpers, a border crisis and the regime"
    found = matcher.find(tokenize(text), text)
    again = pickle.loads(pickle.dumps(matcher))
    assert again.find(tokenize(text), text) == found
    assert [text[m.start : m.end] for m in found] == ["Border jumpers", "border crisis", "regime"]


def test_matching_ignores_case():
    assert hits(["regime"], "The REGIME and the Regime") == ["REGIME", "Regime"]


def test_matching_respects_word_boundaries():
    assert hits(["regime"], "regimental regimes") == []


def test_short_all_caps_words_match_only_in_capitals():
    assert hits(["US"], "US troops told us") == ["US"]


def test_curly_and_straight_apostrophes_match_each_other():
    assert hits(["country's sovereignty"], "the country\u2019s sovereignty") == [
        "country\u2019s sovereignty"
    ]


def test_hyphenated_patterns_match_hyphenated_words():
    assert hits(["so-called"], "the So-called council") == ["So-called"]


def test_overlapping_matches_resolve_to_the_longest():
    text = "occupying forces entered"
    assert hits(["occupying", "occupying force*"], text) == ["occupying forces"]


def test_a_gap_takes_the_nearest_completion():
    assert hits(["war * crime*"], "war crimes and war on crime") == ["war crimes", "war on crime"]


def test_matches_do_not_cross_sentence_boundaries():
    text = "It was a breach. Of national sovereignty we speak."
    assert hits(["breach * sovereignty"], text, by_sentence=True) == []


def test_a_pattern_cannot_start_with_a_gap():
    with pytest.raises(PatternError):
        compile_pattern("* sovereignty")


def test_a_star_inside_a_word_is_refused():
    with pytest.raises(PatternError):
        compile_pattern("assas*nation")


def test_hundreds_of_patterns_match_like_one():
    patterns = [f"term{i}" for i in range(500)] + ["regime"]
    assert hits(patterns, "the regime said term42") == ["regime", "term42"]


def test_patterns_sharing_first_words_each_match_and_the_longest_wins():
    patterns = ["it is", "it is said", "it is thought", "foreign agent*", "occupation force*"]
    text = "It is said foreign agents and occupation forces, it is thought. It is"
    assert hits(patterns, text) == [
        "It is said",
        "foreign agents",
        "occupation forces",
        "it is thought",
        "It is",
    ]


def _greedy(matches):
    """resolve_overlaps as specified: longest, then earliest, then lowest id, first."""
    chosen, taken = [], set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start, m.pattern_id)):
        span = set(range(m.first, m.last + 1))
        if not span & taken:
            taken |= span
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def test_resolving_overlaps_keeps_what_the_greedy_rule_keeps():
    import random

    from analysis.text.patterns import Match, resolve_overlaps

    rnd = random.Random(7)
    for _ in range(3000):
        matches = []
        for pattern_id in range(rnd.randint(0, 9)):
            first = rnd.randint(0, 12)
            last = first + rnd.choice([0, 0, 0, 1, 2, 3])
            matches.append(Match(pattern_id % 4, first, last, first * 5, last * 5 + 4))
        if rnd.random() < 0.8:  # the order find produces; any order is allowed
            matches.sort(key=lambda m: m.first)
        assert resolve_overlaps(list(matches)) == _greedy(matches)


def test_a_pattern_with_more_than_three_gaps_is_refused():
    with pytest.raises(PatternError, match="more than 3 gaps"):
        compile_pattern("a * b * c * d * e")


def test_a_gap_pattern_on_repeated_words_visits_each_state_once(monkeypatch):
    # Issue 17: 8 gaps on 2,000 repetitions of one word took 388 s (every way of
    # filling the gaps was tried from every start). Each (step, position) is now
    # visited once, so the checks stay under starts x steps x reachable positions.
    from analysis.text import patterns as module

    calls = []
    original = module.PatternSet._step_matches

    def counting(step, token, text):
        calls.append(1)
        return original(step, token, text)

    monkeypatch.setattr(module.PatternSet, "_step_matches", staticmethod(counting))
    text = "war " * 200
    assert module.PatternSet(["war * war * war * peace"]).find(tokenize(text), text) == []
    steps, reach = 7, 1 + 3 * module.MAX_GAP
    assert len(calls) <= 200 * steps * reach
