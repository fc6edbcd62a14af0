"""FastSentimentAnalyzer scores every input exactly as vaderSentiment 3.3.2 does."""

from __future__ import annotations

import pickle
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SENTIMENT_LADEN_IDIOMS,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
)

from analysis.measures.sentiment import vader_fast
from analysis.measures.sentiment.vader_fast import FastSentimentAnalyzer, assert_vader_version

VADER = SentimentIntensityAnalyzer()
FAST = FastSentimentAnalyzer()


def assert_same_scores(text: str) -> None:
    expected = VADER.polarity_scores(text)
    # repr() compares the exact floats, key order and int/float types.
    assert repr(FAST.polarity_scores(text)) == repr(expected), text
    assert FAST.compound(text) == expected["compound"], text


LONG_SENTENCE = " ".join(
    ["The committee said the deal was very good, but not great, and officials were"] * 40
    + ["hardly happy about it!!!"]
)

RULE_CASES = {
    "plain": [
        "VADER is smart, handsome, and funny.",
        "The book was good.",
        "The plot was dull and the ending was terrible.",
        "Officials met on Tuesday to discuss the schedule.",
    ],
    "negation": [
        "VADER is not smart, handsome, nor funny.",
        "At least it isn't a horrible book.",
        "It wasn't good at all.",
        "Not bad at all",
        "Nothing good came of it.",
        "The talks never really succeeded.",
        "They did not really very much like it.",
        "It isn’t good",  # curly apostrophe: no "n't", so no negation
        "aint good",
        "Without a doubt, excellent idea.",
        "Without doubt an excellent idea.",
        "Without any doubt, excellent idea.",
        "Despite the good news, markets fell.",
        "uh-uh good",
    ],
    "never_so_this": [
        "Sentiment analysis has never been good.",
        "Sentiment analysis has never been this good!",
        "It was never so good.",
        "This is never so very good.",
        "so good",
        "we were this happy",
        "it was so so bad",
        "it is so very much better",
    ],
    "no": [
        "no good",
        "no",
        "no no",
        "No problem at all.",
        "There is no great or good answer.",
        "no fun or nor happy",
        "no way this is fine",
        "no, no, no",
        "He said no.",
        "no doubt",
    ],
    "but": [
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        "Today only kinda sux! But I'll get by, lol",
        "good good but good good",
        "acceptance advantage but fine",  # 2.0 then 1.0: the list.index quirk
        "I love it and like it, but fine",
        "but",
        "but good",
        "good but",
        "bad but bad but bad",
        "BUT it was terrible",
    ],
    "booster": [
        "VADER is very smart, handsome, and funny.",
        "The results were extremely disappointing.",
        "It was somewhat helpful.",
        "The crowd was barely happy.",
        "A hugely successful and deeply troubling year.",
        "very very very good",
        "friggin awesome",
    ],
    "kind_of": [
        "The book was only kind of good.",
        "It was kind of a mess.",
        "What kind of person does that?",
        "It was kind",
        "kind of",
        "sort of nice",
        "kinda nice",
        "just enough good",
        "he is kind of very good",
    ],
    "least": [
        "Roger Dodger is one of the least compelling variations on this theme.",
        "Roger Dodger is at least compelling as a variation on the theme.",
        "least good",
        "the very least good",
        "at least good",
        "least",
    ],
    "caps": [
        "VADER is VERY SMART, handsome, and FUNNY.",
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
        "Today SUX!",
        "THIS IS ALL CAPS AND GREAT",
        "I AM SO HAPPY",
        "NOT good at all",
        "the NATO summit was a SUCCESS",
        "A GOOD day",
    ],
    "punctuation_emphasis": [
        "VADER is smart, handsome, and funny!",
        "Great!!!",
        "Great!!!!!!!!",
        "Terrible!!",
        "Really??",
        "Good???",
        "Bad????????",
        "Good?",
        "Is it good?!?!",
        "good! bad? good!",
    ],
    "special_cases_and_idioms": [
        "With VADER, sentiment analysis is the shit!",
        "On the other hand, VADER is quite bad ass",
        "VADER is such a badass!",
        "Most automated sentiment analysis tools are shit.",
        "That new phone is the bomb",
        "yeah right, great plan",
        "It was the kiss of death for the bill.",
        "a dessert to die for",
        "the beating heart of the city",
        "Wait at the bus stop",
        "He can't cut the mustard.",
        "The company is in the red and under the weather.",
        "They finally got the upper hand.",
    ],
    "emoticons": [
        "Make sure you :) or :D today!",
        ":)",
        ":-(",
        "good :(",
        "<3 it",
        ":'( so sad",
        "(: hi :)",
        "):",
        ";)",
        "xD",
    ],
    "emoji": [
        "Catch utf-8 emoji such as 💘 and 💋 and 😁",
        "😁",
        "😁abc",
        "abc😁",
        "good 😁😁 bad",
        "😁 😁",
        "I ❤ it",
        "☺️ nice",
        "👶🏻 baby",
        "🔛 and 🆙 and ?",
        "The news 😡!!",
        " 😁 ",
        "𝐁𝐨𝐥𝐝 math letters are not emoji 😁",
    ],
    "empty_and_punctuation_only": [
        "",
        " ",
        "\n\t ",
        ".",
        "!!!",
        "???",
        "?!?!",
        "...",
        "-- -- --",
        ",,, ;;; ::",
    ],
    "non_ascii": [
        "Café très bon, naïve but good.",
        "ΣΟΦΟΣ and good",
        "İstanbul is GREAT",
        "Straße ist gut",
        "ǅ good",
        "Это хорошо",
        "これは良いです!",
        "good\u00a0day\u2003bad",
        "a\u2028good\u2029line",
    ],
    "curly_quotes": [
        "\u201cThis is a dark day for our nation,\u201d the minister said.",
        "\u2018Great\u2019 result",
        "\u201cgood\u201d",
        "It\u2019s not good",
        "They \u201cwelcomed\u201d the \u2018deal\u2019 \u2014 reluctantly.",
    ],
    "very_long": [
        LONG_SENTENCE,
        "good " * 300,
        "not " * 50 + "good",
    ],
    # compounds() skips the rules in sentences holding no word a rule looks for,
    # and for lexicon words with no such word in their window.
    "rule_free": [
        "Officials said the plan was good, fair and helpful.",
        "The GOOD news came on Tuesday.",
        "GOOD news and BAD news",
        "GOOD BAD",
        "good BAD.",
        "NATO praised the successful campaign.",
        "The minister praised the successful campaign but warned of danger.",
        "Officials say it's good.",
        "Officials say it isn't good.",
        "It's a good day, but he didn't come.",
        "It did n't look good",  # "n't" negates, and is no NEGATE word
        "They couldn't've been more helpful.",
        "It wasn’t good",  # curly: no "n't"
        "Good. Great! Fine?",
        "The bomb killed the minister.",
        "The minister would die for the cause, officials said.",
        "a great kiss of death",
        "the good bus stop",
        "yeah, right, good",
        "good men of this town",
        "good and this good",
        "a good plan and a very good plan and a good plan",
        "the plan is good enough, just enough",
        "a kind of good and kind people",
        "no one said no good thing",
        "At least 40 good people were not killed.",
        "He was happy. He was not happy. He was so happy.",
    ],
}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"{rule}-{k}")
        for rule, texts in RULE_CASES.items()
        for k, text in enumerate(texts)
    ],
)
def test_rule_cases_score_as_vader(text):
    assert_same_scores(text)


NEWS_PARAGRAPHS = [
    """The NATO summit in Vilnius ended on Wednesday with a joint statement that
    diplomats described as a significant step forward. Ukraine's president welcomed
    the pledge of long-term support, but said the absence of a clear timeline for
    membership was "absurd". Several allies warned that the war could drag on for
    years. Russia condemned the meeting as a provocation!""",
    """Iraqi officials denied reports that the attack on the convoy was planned in
    advance. "We will not stand by and do nothing," the interior minister told
    reporters in Baghdad. Human rights groups said at least 40 civilians were killed
    and dozens more injured in the blast. The government has promised a full and
    transparent investigation, though critics remain deeply sceptical.""",
    """Shares of the company soared 12% after it reported record profits, beating
    analysts' expectations for the third quarter in a row. The chief executive hailed
    the results as "a great success for our amazing team". Not everyone was
    convinced. "It's hardly a sustainable recovery," one fund manager said. Is this
    the end of the slump?? Few are willing to bet on it.""",
    """Protesters clashed with police outside parliament for a second night. Tear gas
    was fired and several people were arrested. The opposition leader called the
    crackdown brutal and unacceptable, while the ruling party blamed "foreign
    agitators" for the violence. Residents said they were tired, angry and afraid.
    Nobody wins a war like this.""",
    """The ceasefire, brokered by Egypt and Qatar, appeared to be holding on
    Saturday. Aid agencies welcomed the pause but warned that the humanitarian crisis
    was far from over. “We are deeply grateful for the support,” a UN spokesperson
    said. Without a doubt, the coming days will be critical. Hope is fragile here.""",
]


def news_sentences() -> list[str]:
    text = " ".join(" ".join(p.split()) for p in NEWS_PARAGRAPHS)
    return re.split(r"(?<=[.!?\"”])\s+(?=[\"“A-Z])", text)


@pytest.mark.parametrize("sentence", news_sentences())
def test_news_sentences_score_as_vader(sentence):
    assert_same_scores(sentence)


def test_news_paragraph_split_yields_many_sentences():
    # Guards the sentence test above against a splitter that silently merges.
    assert len(news_sentences()) >= 20


EMOJI_SAMPLE = sorted(VADER.emojis)[::25]
LEXICON_WORDS = sorted(VADER.lexicon)
RULE_WORDS = sorted(
    {
        *BOOSTER_DICT,
        *NEGATE,
        *(w for phrase in SPECIAL_CASES for w in phrase.split()),
        *(w for phrase in SENTIMENT_LADEN_IDIOMS for w in phrase.split()),
        "but",
        "BUT",
        "least",
        "at",
        "very",
        "never",
        "so",
        "this",
        "without",
        "doubt",
        "no",
        "or",
        "nor",
        "kind",
        "of",
        "n't",
    }
)
PUNCTUATION_TOKENS = [
    "!",
    "!!",
    "!!!!!",
    "?",
    "??",
    "????",
    ".",
    ",",
    "...",
    ":)",
    ":-(",
    ":D",
    "'",
    '"',
    "“",
    "”",
    "’",
    "--",
    "—",
]

word = st.one_of(
    st.sampled_from(LEXICON_WORDS),
    st.sampled_from(RULE_WORDS),
    st.sampled_from(PUNCTUATION_TOKENS),
    st.sampled_from(EMOJI_SAMPLE),
    st.text(max_size=6),
)
cased_word = st.tuples(word, st.sampled_from(["keep", "upper", "title", "lower"])).map(
    lambda pair: {
        "keep": pair[0],
        "upper": pair[0].upper(),
        "title": pair[0].title(),
        "lower": pair[0].lower(),
    }[pair[1]]
)
affixed_word = st.tuples(
    st.sampled_from(["", "", "", '"', "(", "“", "'"]),
    cased_word,
    st.sampled_from(["", "", "", ",", ".", "!", "?", "!!", "”", "'s", ")"]),
).map("".join)
separator = st.sampled_from([" ", " ", " ", "  ", "", "\t", "\n", "\u00a0"])


@st.composite
def fuzzed_text(draw) -> str:
    tokens = draw(st.lists(affixed_word, max_size=25))
    parts = []
    for token in tokens:
        parts.append(token)
        parts.append(draw(separator))
    return "".join(parts)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fuzzed_text())
def test_fuzzed_text_scores_as_vader(text):
    assert_same_scores(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(RULE_WORDS),
            st.sampled_from(RULE_WORDS).map(str.upper),
            st.sampled_from(["good", "bad", "great", "happy", "death", "!", "??"]),
        ),
        min_size=1,
        max_size=9,
    ).map(" ".join)
)
def test_fuzzed_rule_word_runs_score_as_vader(text):
    # Dense runs of boosters, negations, "but", "least" and idiom words.
    assert_same_scores(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_unicode_scores_as_vader(text):
    assert_same_scores(text)


def joined(sentences: list[str], separators: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentences joined by the separators in turn, and each one's span."""
    text, spans = "", []
    for k, sentence in enumerate(sentences):
        if k:
            text += separators[k % len(separators)]
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text, spans


def assert_same_compounds(text: str, spans: list[tuple[int, int]]) -> None:
    expected = [VADER.polarity_scores(text[a:b])["compound"] for a, b in spans]
    assert [repr(c) for c in FAST.compounds(text, spans)] == [repr(c) for c in expected]


@pytest.mark.parametrize("rule", sorted(RULE_CASES))
def test_compounds_score_each_span_as_vader(rule):
    text, spans = joined(RULE_CASES[rule], [" ", "\n\n", "  ", ""])
    assert_same_compounds(text, spans)


def test_compounds_of_news_paragraphs_score_as_vader():
    text, spans = joined(news_sentences(), [" ", "\n\n"])
    assert_same_compounds(text, spans)
    # Spans need not be sentences: overlapping, empty and whole-text spans.
    assert_same_compounds(text, [(0, len(text)), (0, 0), (5, 40), (20, 60), (len(text), len(text))])


def test_compounds_check_emoji_per_sentence_in_non_ascii_text():
    # The emoji rewrite depends on the character before the emoji in the
    # sentence, not in the text.
    text, spans = joined(["good 😁", "😁abc", "Café bon", "plain good"], ["x", " ", "😁"])
    assert_same_compounds(text, spans)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fuzzed_text(), max_size=6), st.lists(separator, min_size=1, max_size=3))
def test_fuzzed_compounds_score_as_vader(sentences, separators):
    text, spans = joined(sentences, separators)
    assert_same_compounds(text, spans)


def test_compounds_rejects_non_string_text():
    with pytest.raises(TypeError, match="expected a str"):
        FAST.compounds(None, [(0, 1)])


def test_token_caches_stop_growing_at_the_limit(monkeypatch):
    monkeypatch.setattr(vader_fast, "CACHE_LIMIT", 3)
    fast = FastSentimentAnalyzer()
    text, spans = joined(news_sentences(), [" "])
    expected = [VADER.polarity_scores(text[a:b])["compound"] for a, b in spans]
    for _ in range(2):  # cold, then with full caches
        assert fast.compounds(text, spans) == expected
        assert len(fast._valences) == 3
        assert len(fast._forms) == 3
    for sentence in RULE_CASES["negation"]:
        assert repr(fast.polarity_scores(sentence)) == repr(VADER.polarity_scores(sentence))


@settings(max_examples=300, deadline=None)
@given(st.lists(affixed_word, min_size=1, max_size=8))
def test_cached_forms_are_vaders_stripped_lower_cased_tokens(words):
    fast = FastSentimentAnalyzer()
    tokens = " ".join(words).split()
    for token in tokens:  # the valence cache fills the form cache on a miss
        fast._valences[token]
    for token in tokens + [t + "!" for t in tokens]:  # a miss of the form cache itself
        expected = SentiText._strip_punc_if_word(token).lower()
        assert fast._forms[token] == vader_fast._form(token) == expected


def test_scores_do_not_depend_on_what_was_scored_before():
    cold = FastSentimentAnalyzer()
    sentences = [t for texts in RULE_CASES.values() for t in texts]
    first = [cold.compound(t) for t in sentences]
    assert [cold.compound(t) for t in reversed(sentences)] == first[::-1]
    assert [FastSentimentAnalyzer().compound(t) for t in sentences[::-7]] == first[::-7]


def test_custom_lexicon_scores_as_vader(tmp_path):
    # A lexicon word of valence 0 still counts: the ALLCAP rule and boosters give
    # it a sentiment, and "no" before it is a negation; "the" and "to" as lexicon
    # words start idioms themselves. (The stock file has no final newline.)
    stock = (Path(vader_fast._VADER_DIR) / "vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text(
        stock.rstrip("\n")
        + "\nzorp\t0.0\t0.0\t[0]\nquux\t0\t0.0\t[0]\nthe\t0.5\t0.0\t[0]\nto\t-0.5\t0.0\t[0]\n",
        encoding="utf-8",
    )
    vader = SentimentIntensityAnalyzer(lexicon_file=str(lexicon))
    fast = FastSentimentAnalyzer(lexicon_file=str(lexicon))
    assert fast.lexicon == vader.lexicon and fast.lexicon["zorp"] == fast.lexicon["quux"] == 0.0
    sentences = [
        "zorp",
        "It was ZORP today",
        "very zorp",
        "It was not zorp",
        "no zorp",
        "zorp but good",
        "a quux, quux day",
        "The plan was somewhat quux",
        "Honestly it was the shit",
        "We had a cake to die for",
        "we said the the bomb",
    ]
    for sentence in sentences:
        expected = vader.polarity_scores(sentence)
        assert repr(fast.polarity_scores(sentence)) == repr(expected), sentence
        assert fast.compound(sentence) == expected["compound"], sentence
    text, spans = joined(sentences, [" "])
    assert fast.compounds(text, spans) == [vader.polarity_scores(t)["compound"] for t in sentences]


def test_compound_equals_polarity_scores_compound():
    text = "The deal was not great, but it was a good start!!"
    assert FAST.compound(text) == FAST.polarity_scores(text)["compound"]


def test_lexicons_are_read_from_the_vader_package():
    assert FAST.lexicon == VADER.lexicon
    assert FAST.emojis == VADER.emojis


def test_analyzer_survives_pickling():
    # Process pools and Dask workers receive the analyzer pickled.
    text = "The deal was not great, but it was a good start 😁"
    FAST.compound(text)  # fills the token caches
    copy = pickle.loads(pickle.dumps(FAST))
    assert copy._valences == {} and copy._forms == {}  # caches travel empty
    assert copy.polarity_scores(text) == VADER.polarity_scores(text)
    assert copy.compounds(text, [(0, 14)]) == [VADER.polarity_scores(text[:14])["compound"]]


def test_non_string_input_raises_type_error():
    with pytest.raises(TypeError, match="expected a str"):
        FAST.polarity_scores(None)


def test_version_check_passes_for_mirrored_version():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert assert_vader_version() is True


def test_version_check_warns_for_other_version(monkeypatch, tmp_path):
    import importlib.metadata

    # No metadata directory of the mirrored version beside the package: the installed
    # version is asked for.
    monkeypatch.setattr(vader_fast, "_VADER_DIR", tmp_path / "vaderSentiment")
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "3.4.0")
    with pytest.warns(RuntimeWarning, match="3.4.0"):
        assert assert_vader_version() is False


def test_compounds_hands_over_each_sentences_tokens_and_sentiments_but_not_of_rewritten_emoji():
    analyzer = FastSentimentAnalyzer()
    text = "A good day. Sad \U0001f622 news."
    split = []
    analyzer.compounds(text, [(0, 11), (12, len(text))], split)
    tokens, sentiments = split[0]
    assert tokens == ["A", "good", "day."]
    assert sentiments[1] == analyzer.lexicon["good"]
    assert split[1] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan is not good at all.",
        "It was a very GOOD day, but the night was awful.",
        "It was kind of nice and hardly bad.",
        "No good deed goes unpunished, never ever.",
        "Plain words and nothing else.",
    ],
)
def test_the_handed_over_sentiments_are_the_rules_per_token_sentiments(sentence):
    analyzer = FastSentimentAnalyzer()
    split = []
    analyzer.compounds(sentence, [(0, len(sentence))], split)
    tokens, sentiments = split[0]
    lower = [analyzer._forms[t] for t in tokens]
    assert [float(x) for x in sentiments] == analyzer._rule_sentiments(tokens, lower)
