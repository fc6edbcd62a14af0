"""The lexicon loader: the bias-type lexicon joins the framing lexicon."""

import shutil
from pathlib import Path

import pytest

from analysis.config import LEXICON_DIR
from analysis.pipeline import Analyzer
from analysis.records import Article
from analysis.text.lexicons import LexiconError, load_lexicons

BIAS_TYPES = "pattern,category,note\nslammed,spin,Dramatises criticism.\n"


@pytest.fixture
def lexicon_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicons"
    folder.mkdir()
    for name in ("framing.csv", "cues.csv", "hedges.csv", "targets.csv"):
        shutil.copy(LEXICON_DIR / name, folder / name)
    return folder


def test_bias_type_terms_are_framing_terms_of_their_own_category(lexicon_dir):
    (lexicon_dir / "bias_types.csv").write_text(BIAS_TYPES, encoding="utf-8")
    lexicons = load_lexicons(lexicon_dir)
    analysis = Analyzer(lexicons).analyze(Article("a", "o", "The senator slammed the regime."))
    framing = {(e.text, e.label) for e in analysis.evidence if e.kind == "framing"}
    assert framing == {("slammed", "spin"), ("regime", "legitimacy_labels")}
    assert lexicons.bias_types == ["spin"]


def test_the_bias_type_file_is_optional(lexicon_dir):
    lexicons = load_lexicons(lexicon_dir)
    assert lexicons.bias_types == [] and "bias_types" not in lexicons.files


def test_the_bias_type_file_is_in_the_lexicon_hash(lexicon_dir):
    without = load_lexicons(lexicon_dir).hash
    (lexicon_dir / "bias_types.csv").write_text(BIAS_TYPES, encoding="utf-8")
    assert load_lexicons(lexicon_dir).hash != without


def test_a_pattern_listed_in_both_files_is_refused_with_file_line_and_fix(lexicon_dir):
    (lexicon_dir / "bias_types.csv").write_text(
        BIAS_TYPES + "regime,loaded_labels,Denies legitimacy.\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"bias_types.csv, line 3: 'regime' is already listed"):
        load_lexicons(lexicon_dir)


def test_a_bias_type_may_not_reuse_a_framing_category(lexicon_dir):
    (lexicon_dir / "bias_types.csv").write_text(
        "pattern,category,note\nfoolhardy,derision,Judges competence.\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="derision is also a framing.csv category"):
        load_lexicons(lexicon_dir)


def test_the_shipped_bias_types_load_as_five_families():
    assert load_lexicons().bias_types == [
        "spin",
        "sensationalism",
        "subjective_qualifiers",
        "mudslinging",
        "loaded_labels",
    ]


def test_the_claims_lexicon_is_optional_and_in_the_hash(lexicon_dir):
    without = load_lexicons(lexicon_dir)
    assert without.claims == []
    (lexicon_dir / "claims.csv").write_text(
        "pattern,category,note\nshows that,factive,Presents as shown.\n", encoding="utf-8"
    )
    with_claims = load_lexicons(lexicon_dir)
    assert [t.pattern for t in with_claims.claims] == ["shows that"]
    assert with_claims.hash != without.hash
