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


def test_a_mention_scores_the_same_with_the_sentence_stages_tokens_and_valences(scorer):
    text = 'Critics said "Smith lied," but Jones never praised Smith and his plan.'
    split = []
    scorer.vader.compounds(text, [(0, len(text))], split)
    start = text.index("Jones")
    handed = scorer.score(text, (0, len(text)), (start, start + 5), split=split[0])
    own_copy = (text + " ")[:-1]  # another text object: nothing cached is reused
    assert handed == scorer.score(own_copy, (0, len(text)), (start, start + 5))
