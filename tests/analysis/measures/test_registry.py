"""The measure registry: one description of every stored score, shared by statistics,
reports and the dashboard."""

from analysis.measures import registry
from analysis.store import SCORE_COLUMNS


def test_every_stored_score_has_a_label_a_unit_and_a_method():
    for column in SCORE_COLUMNS:
        described = registry.MEASURES[column]
        assert described.label and described.unit and described.method and described.plain


def test_rates_name_the_count_they_pool():
    rates = [m for m in registry.MEASURES.values() if m.is_rate]
    assert {m.column for m in rates} == {"framing_per_1k", "hedges_per_1k"}
    assert all(m.count in SCORE_COLUMNS for m in rates)


def test_per_category_columns_get_a_readable_description():
    assert registry.measure("framing_violence_per_1k").higher == (
        "use more 'violence' framing terms"
    )
    assert registry.measure("framing_violence_per_1k").is_rate
    assert registry.measure("cue_distancing_share").phrase == "share of 'distancing' cue verbs"


def test_an_unknown_column_still_reads_as_words():
    assert registry.label("quote_length") == "Quote length"
    assert registry.measure("quote_length").small_n == registry.SMALL_N
