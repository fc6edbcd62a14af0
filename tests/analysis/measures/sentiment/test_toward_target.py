"""Sentiment toward a target: scoped VADER features, the shipped model, its explanations."""

import json

import pytest

from analysis.measures.sentiment import toward_target
from analysis.measures.sentiment.toward_target import (
    MODEL_FILE,
    MODEL_FORMAT,
    TargetSentiment,
    TargetSentimentModel,
    load_model,
    model_hash,
    stem,
)


@pytest.fixture(scope="module")
def scorer():
    return TargetSentiment()


def mention(text, name):
    start = text.index(name)
    return text, (0, len(text)), (start, start + len(name))


def test_of_two_people_in_one_sentence_the_one_nearer_the_negative_words_scores_lower(scorer):
    text = "Critics accused Smith of lying, but Jones praised the plan."
    smith = scorer.score(*mention(text, "Smith"))
    jones = scorer.score(*mention(text, "Jones"))
    assert smith.score < jones.score


def test_a_quote_by_someone_else_is_not_the_writers_own_sentiment(scorer):
    features, _ = scorer.features(*mention('Brown said: "This is a terrible disaster."', "Brown"))
    assert features["others_quote"] < 0
    assert features["distance_weighted"] == 0


def test_the_speaker_of_a_cue_verb_is_marked(scorer):
    features, _ = scorer.features(*mention("Smith said the talks would resume.", "Smith"))
    assert features["speaker"] == 1.0


def test_sentiment_after_the_subject_counts_as_its_predicate(scorer):
    features, _ = scorer.features(*mention("Smith praised the brave workers.", "Smith"))
    assert features["subject"] == 1.0
    assert features["subject_of_sentiment"] > 0


def test_a_clause_ends_at_a_comma(scorer):
    features, _ = scorer.features(*mention("After a terrible week, Smith spoke.", "Smith"))
    assert features["left_negative"] == 0


def test_words_next_to_the_mention_are_features_with_their_surface_form(scorer):
    features, surface = scorer.features(*mention("Smith accused the mayor.", "Smith"))
    assert features["next:accus"] == 1.0
    assert surface["next:accus"] == "accused"


def test_a_score_is_explained_by_words_pushing_its_way(scorer):
    result = scorer.score(*mention("Smith was accused of corruption and fraud.", "Smith"))
    assert result.label == "negative"
    assert result.because and all(reason.endswith("(-)") for reason in result.because)
    assert len(set(result.because)) == len(result.because)


def test_a_mention_in_the_middle_of_a_longer_text_is_scored_in_its_own_sentence(scorer):
    text = "Smith won praise. Jones was accused of fraud."
    sentence = (18, len(text))
    start = text.index("Jones")
    assert scorer.score(text, sentence, (start, start + 5)).label == "negative"


def test_the_shipped_model_is_plain_json_of_the_current_format():
    data = json.loads(MODEL_FILE.read_text())
    assert data["format"] == MODEL_FORMAT
    assert sorted(data["classes"]) == ["negative", "neutral", "positive"]


def test_the_model_hash_is_the_files_hash():
    assert load_model().hash == model_hash()


def test_a_model_of_another_format_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="train_target_sentiment"):
        TargetSentimentModel({"format": "other"}, "x")


def test_the_reasons_of_several_mentions_are_those_of_their_mean(scorer):
    praised = scorer.score(*mention("Smith was praised as a brilliant hero.", "Smith"), explain=0)
    accused = scorer.score(*mention("Smith was accused of fraud.", "Smith"), explain=0)
    assert praised.score > 0 > accused.score
    mentions = [praised, accused, accused, accused]
    assert sum(m.score for m in mentions) < 0
    assert all(reason.endswith("(-)") for reason in scorer.reasons(mentions))


def test_the_fast_score_is_the_models_probabilities_of_the_named_features(scorer):
    text = 'Critics said "Smith lied," but Jones, the mayor, praised Smith and his plan.'
    for start in (text.index("Smith"), text.index("Jones"), text.rindex("Smith")):
        where = (text, (0, len(text)), (start, start + 5))
        features, _ = scorer.features(*where)
        p = scorer.model.probabilities(features)
        model = scorer.model
        expected = p[model.classes.index("positive")] - p[model.classes.index("negative")]
        assert scorer.score(*where, explain=0).score == round(expected, 4)


def test_the_stem_cache_keeps_a_bounded_number_of_words_however_large_the_vocabulary():
    stem.cache_clear()
    for i in range(toward_target._CACHE_LIMIT + 10):
        stem(f"word{i}ing")
    assert stem.cache_info().currsize == toward_target._CACHE_LIMIT


def test_a_mention_is_found_at_the_same_word_whatever_whitespace_separates_the_words(scorer):
    single = scorer.features(*mention("Critics accused Smith of lying again.", "Smith"))
    spaced = scorer.features(*mention("Critics  accused\n Smith of\tlying  again.", "Smith"))
    assert spaced == single
    assert single[0]["previous:accus"] == 1.0


def test_a_mention_scores_the_same_with_the_sentence_stages_tokens_and_sentiments(scorer):
    text = 'Critics said "Smith lied," but Jones never praised Smith and his plan.'
    split = []
    scorer.vader.compounds(text, [(0, len(text))], split)
    start = text.index("Jones")
    handed = scorer.score(text, (0, len(text)), (start, start + 5), split=split[0])
    own_copy = (text + " ")[:-1]  # another text object: nothing cached is reused
    assert handed == scorer.score(own_copy, (0, len(text)), (start, start + 5))


# Sentences whose mentions a batch scores together: quotes (a mention inside one, one
# spanning its end), a hyphenated mention, "but" (VADER's rules), several names, a
# multi-word mention, a mention that is the sentence's first word, and an empty sentence.
BATCH_TEXT = (
    'Critics said "Smith lied," but Jones, the mayor, praised Smith and his plan. '
    "The anti-Morsi protests grew as Morsi was not very popular, according to Brown. "
    'Brown called it "a disgrace to Jones" and left. '
    "Jens Stoltenberg warned that the terrible attack was hailed by Smith's rivals. "
    "   "
)


def batch_mentions(text=BATCH_TEXT):
    """Each mention of a name in BATCH_TEXT as (text, sentence, mention, None, None)."""
    import re

    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.|\s+$", text)]
    out = []
    for a, b in sentences:
        for name in re.finditer(r"Jens Stoltenberg|Smith|Jones|Morsi|Brown|his", text[a:b]):
            out.append((text, (a, b), (a + name.start(), a + name.end()), None, None))
        if not text[a:b].strip():
            out.append((text, (a, b), (a, a), None, None))
    return out


def test_a_batch_scores_each_mention_as_scoring_it_alone_does(scorer):
    mentions = batch_mentions()
    assert len(mentions) == 12
    batch = scorer.score_batch(mentions)
    for i, (text, sentence, mention, _, _) in enumerate(mentions):
        alone = scorer.score(text, sentence, mention, explain=0)
        assert batch.mention(i) == alone, text[mention[0] : mention[1]]


def test_a_batch_gives_a_headline_and_the_sentence_stages_split_the_same_scores(scorer):
    headline = 'Smith "hailed" as Jones fails'
    text = 'Critics said "Smith lied," but Jones never praised Smith.'
    split = []
    scorer.vader.compounds(text, [(0, len(text))], split)
    mentions = [
        (headline, (0, len(headline)), (0, 5), None, None),
        (headline, (0, len(headline)), (19, 24), None, None),
        (text, (0, len(text)), (14, 19), scorer.vader.compound(text), split[0]),
        (text, (0, len(text)), (31, 36), None, None),
    ]
    batch = scorer.score_batch(mentions)
    for i, (t, sentence, mention, _, _) in enumerate(mentions):
        assert batch.mention(i) == scorer.score(t, sentence, mention, explain=0)


def test_a_batch_gives_each_group_of_mentions_the_reasons_of_its_mean(scorer):
    mentions = batch_mentions()
    batch = scorer.score_batch(mentions)
    groups = [[0, 1, 1], [2], [3, 4, 5, 0], [len(mentions) - 1]]
    explained = batch.explain(groups, 3)
    for group, (mean, because) in zip(groups, explained, strict=True):
        alone = [scorer.score(*mentions[i][:3], explain=0) for i in group]
        assert mean == sum(m.score for m in alone) / len(alone)
        assert because == scorer.reasons(alone)


def test_the_features_by_name_hold_the_numbers_the_batch_scores_with(scorer):
    for text, sentence, mention, _, _ in batch_mentions():
        features, _ = scorer.features(text, sentence, mention)
        batch = scorer.score_batch([(text, sentence, mention, None, None)])
        assert [features.get(name, 0.0) for name in toward_target.NUMERIC] == (
            batch.values[0].tolist()
        )


def test_scores_are_rounded_to_four_places_exactly_as_python_rounds():
    import numpy as np

    rng = np.random.default_rng(15)
    values = np.concatenate(
        [
            rng.uniform(-1, 1, 20000),
            (rng.integers(-10000, 10000, 2000) + 0.5) / 1e4,  # ties, as far as floats tell
            np.array([0.0, -0.0, 1.0, -1.0, 5e-05, -5e-05, 1e-20, -1e-20]),
        ]
    )
    assert toward_target._round4(values) == [round(x, 4) for x in values.tolist()]


def reasons_by_name(scorer, text, sentence, mention_, k):
    """A mention's ``k`` reasons from its features by name: the features pushing its score's
    way most (numeric ones first among equal pushes), as the reader sees them."""
    features, surface = scorer.features(text, sentence, mention_)
    toward_positive = scorer.score(text, sentence, mention_, explain=0).score >= 0
    sign = "+" if toward_positive else "-"
    pushes = []
    for order, (name, value) in enumerate(features.items()):
        push = scorer.model.push(name, value) * (1 if toward_positive else -1)
        if push > 0:
            numeric = ":" not in name
            readable = f"[{name.replace('_', ' ')}]" if numeric else surface[name]
            pushes.append((-push, not numeric, order, f"{readable} ({sign})"))
    return tuple(dict.fromkeys(reason for *_, reason in sorted(pushes)))[:k]


@pytest.mark.parametrize("k", [1, 3, 8, 30])
def test_a_mentions_reasons_are_its_features_pushing_its_way_most(scorer, k):
    for text, sentence, mention_, _, _ in batch_mentions()[:-1]:
        expected = reasons_by_name(scorer, text, sentence, mention_, k)
        assert scorer.score(text, sentence, mention_, explain=k).because == expected


def spaced_out(text, sentence, mention_, gap):
    """The same sentence and mention with every space between its words replaced by ``gap``."""
    a, b = sentence
    words = text[a:b].split(" ")
    new = gap.join(words)
    shift = len(gap) - 1

    def moved(offset):
        return offset + shift * text.count(" ", a, offset)

    return new, (0, len(new)), (moved(mention_[0]) - a, moved(mention_[1]) - a)


@pytest.mark.parametrize("gap", ["  ", "\n", " \t"])
def test_a_mention_is_found_in_the_same_tokens_whatever_whitespace_separates_them(scorer, gap):
    # one whitespace character between words is counted without splitting the text; more not
    for text, sentence, mention_, _, _ in batch_mentions()[:-1]:
        spaced = spaced_out(text, sentence, mention_, gap)
        name = text[mention_[0] : mention_[1]]
        assert spaced[0][spaced[2][0] : spaced[2][1]] == gap.join(name.split(" "))
        single = scorer.score_batch([(text, sentence, mention_, None, None)])
        other = scorer.score_batch([(*spaced, None, None)])
        assert (single.t0, single.t1) == (other.t0, other.t1)
        assert single.values.tolist() == other.values.tolist()


def test_a_quotation_left_open_ends_with_its_sentence():
    sentences = ['He said "no way and', 'then "yes" came "back', 'and "more" "']
    tokens = [t for s in sentences for t in s.split()]
    holding = [i for i, t in enumerate(tokens) if '"' in t]
    sentence_of = [k for k, s in enumerate(sentences) for _ in s.split()]
    ends = [5, 9, 12]
    runs = toward_target._runs_of_quotes(
        holding,
        [toward_target._quote_flags(tokens[i]) for i in holding],
        [sentence_of[i] for i in holding],
        ends,
    )
    assert runs == [(2, 5), (6, 7), (8, 9), (10, 11), (11, 12)]
    assert toward_target._quoted_runs(sentences[0].split()) == [(2, 5)]


def test_distinct_sentences_and_mention_columns_score_as_mention_tuples_do(scorer):
    mentions = batch_mentions()
    sentences = []
    place = {}
    columns = [], [], []
    for text, (a, b), (start, end), _, _ in mentions:
        if (a, b) not in place:
            place[a, b] = len(sentences)
            sentences.append((text, a, b, None, None))
        for column, value in zip(columns, (place[a, b], start, end), strict=True):
            column.append(value)
    by_columns = scorer.score_sentences(sentences, *columns)
    by_tuples = scorer.score_batch(mentions)
    assert [by_columns.mention(i) for i in range(len(mentions))] == [
        by_tuples.mention(i) for i in range(len(mentions))
    ]
    assert by_columns.input(3) == mentions[3]


def test_a_fresh_scorer_gives_a_token_met_many_times_in_its_first_batch_one_row():
    scorer = TargetSentiment()
    text = "Smith met Smith, and Smith met Jones."
    batch = scorer.score_batch([(text, (0, len(text)), (0, 5), None, None)])
    rows = batch.rows.tolist()
    assert rows[0] == rows[4] and rows[1] == rows[5]
    assert [scorer._token_words[row] for row in rows] == [
        "smith", "met", "smith", "and", "smith", "met", "jones",
    ]  # fmt: skip


def test_a_batch_of_more_new_tokens_than_the_table_holds_keeps_every_tokens_facts():
    scorer = TargetSentiment()
    words = [f"Word{k}," for k in range(3000)]
    text = " ".join(["Smith", *words])
    batch = scorer.score_batch([(text, (0, len(text)), (0, 5), None, None)])
    rows = batch.rows
    assert scorer._token_length[rows].tolist() == [5, *map(len, words)]
    ends_with_comma = (scorer._token_flags[rows] & toward_target._F_PUNCT_RIGHT) != 0
    assert ends_with_comma.tolist() == [False] + [True] * len(words)
