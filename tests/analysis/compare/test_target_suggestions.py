"""Candidate targets from a corpus: name runs, aliases merged."""

from analysis.compare.target_suggestions import name_runs, suggest_targets, targets_csv


def test_a_name_run_stops_at_a_possessive_and_a_full_stop():
    assert name_runs("Unity Party's Brenholt spoke. Dravenia replied.") == [
        "Unity Party",
        "Brenholt",
        "Dravenia",
    ]


def test_a_name_run_keeps_of_and_name_particles():
    assert name_runs("the Bank of England and Ursula von der Leyen") == [
        "Bank of England",
        "Ursula von der Leyen",
    ]


def test_a_sentence_opening_word_the_corpus_writes_in_lower_case_is_not_part_of_a_name():
    texts = ["Meanwhile Varn waited.", "Varn is calm, meanwhile, and Varn waits."]
    assert [c.name for c in suggest_targets(texts)] == ["Varn"]


def test_a_surname_is_merged_into_the_full_name():
    texts = ["Jens Stoltenberg spoke.", "Stoltenberg spoke again.", "Jens Stoltenberg left."]
    [candidate] = suggest_targets(texts)
    assert candidate.name == "Jens Stoltenberg" and candidate.aliases["Stoltenberg"] == 1


def test_titles_before_a_name_are_dropped():
    texts = ["Foreign Minister Yaros Dallin spoke.", "Yaros Dallin left."]
    assert [c.name for c in suggest_targets(texts)] == ["Yaros Dallin"]


def test_a_description_the_attribution_rules_linked_to_a_speaker_becomes_an_alias():
    texts = ["Jens Stoltenberg spoke.", "Jens Stoltenberg left."]
    pairs = [("Jens Stoltenberg", "the NATO chief"), ("Jens Stoltenberg", "he")]
    [candidate] = suggest_targets(texts, pairs)
    assert list(candidate.aliases) == ["the NATO chief"]


def test_names_in_a_single_article_are_left_out():
    assert suggest_targets(["Ada Lovelace wrote."]) == []


def test_the_suggestions_are_a_targets_lexicon():
    [candidate] = suggest_targets(["Jens Stoltenberg spoke.", "Stoltenberg left."])
    assert targets_csv([candidate]).splitlines()[:2] == [
        "target,aliases,note",
        'Jens Stoltenberg,Stoltenberg,"suggested: 2 articles, 2 mentions; check before use"',
    ]


def test_a_demonym_is_merged_into_the_place_the_corpus_also_names():
    texts = [
        "Kestria signed the pact. Kestrian troops moved.",
        "The Kestrians voted. Kestria agreed.",
        "Iraq and the Iraqi army.",
        "Iraq again.",
    ]
    candidates = {c.name: c for c in suggest_targets(texts)}
    assert set(candidates) == {"Kestria", "Iraq"}
    assert set(candidates["Kestria"].aliases) == {"Kestrian", "Kestrians"}
    assert set(candidates["Iraq"].aliases) == {"Iraqi"}


def test_a_demonym_without_its_place_in_the_corpus_stays_a_name():
    texts = ["Kestrian troops moved.", "Kestrian officials spoke."]
    assert [c.name for c in suggest_targets(texts)] == ["Kestrian"]


def test_a_plural_possessive_joins_an_organisations_name_where_a_singular_one_ends_it():
    assert name_runs("They met the Farmers' League, then Varn's aides.") == [
        "Farmers' League",
        "Varn",
    ]


def test_a_word_capitalised_only_where_sentences_start_is_not_a_name():
    texts = ["Critics say Varn erred.\n\nRelations between them soured."] * 5
    assert [c.name for c in suggest_targets(texts)] == ["Varn"]


def test_a_name_that_often_opens_sentences_stays_a_name_once_written_mid_sentence():
    texts = ["Varn spoke.\n\nVarn left."] * 5 + ["They met Varn."]
    assert [c.name for c in suggest_targets(texts)] == ["Varn"]
