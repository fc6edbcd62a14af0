"""Category, cue-class and target names are checked when a lexicon is loaded.

They become column names in exports and labels on every page, so a lexicon row can
only name them with the documented characters (data/lexicons/README.md, "Names"),
and a bad one is reported with the file, the line and the fix.
"""

from __future__ import annotations

import shutil

import pytest

from analysis.text.lexicons import DEFAULT_DIR, LexiconError, load_lexicons

HOSTILE = "x\" , (SELECT string_agg(content, chr(10)) FROM read_text('/etc/passwd')) AS \"leak"


@pytest.fixture
def lexicon_dir(tmp_path):
    folder = tmp_path / "lexicons"
    shutil.copytree(DEFAULT_DIR, folder)
    return folder


def _append(path, row: str) -> int:
    """Append one CSV row; returns its line number."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_the_bundled_lexicons_have_valid_names():
    lexicons = load_lexicons()
    assert "moral_outrage" in lexicons.framing_categories


def test_a_framing_category_holding_sql_is_refused_with_file_line_and_fix(lexicon_dir):
    path = lexicon_dir / "framing.csv"
    line = _append(path, f'zorblax,"{HOSTILE.replace(chr(34), chr(34) * 2)}",a note')
    with pytest.raises(LexiconError) as error:
        load_lexicons(lexicon_dir)
    message = str(error.value)
    assert f"{path}, line {line}" in message
    assert "letters, digits, _ or -" in message


def test_a_long_hostile_name_is_shown_cut_short(lexicon_dir):
    _append(lexicon_dir / "framing.csv", f"zorblax,{'a' * 30}{'!' * 500},a note")
    with pytest.raises(LexiconError) as error:
        load_lexicons(lexicon_dir)
    assert len(str(error.value)) < 400


def test_a_category_longer_than_forty_characters_is_refused(lexicon_dir):
    _append(lexicon_dir / "hedges.csv", f"zorblax,{'a' * 41},a note")
    with pytest.raises(LexiconError, match="hedges.csv, line .*is not a valid name"):
        load_lexicons(lexicon_dir)


def test_a_category_of_forty_characters_is_accepted(lexicon_dir):
    _append(lexicon_dir / "framing.csv", f"zorblax,{'a' * 40},a note")
    assert "a" * 40 in load_lexicons(lexicon_dir).framing_categories


@pytest.mark.parametrize("name", ["moral outrage", "1st_kind", "outrage;", "über", "-x"])
def test_a_category_outside_the_character_set_is_refused(lexicon_dir, name):
    _append(lexicon_dir / "framing.csv", f"zorblax,{name},a note")
    with pytest.raises(LexiconError, match="is not a valid name"):
        load_lexicons(lexicon_dir)


def test_a_cue_class_holding_a_quote_is_refused(lexicon_dir):
    path = lexicon_dir / "cues.csv"
    line = _append(path, 'bellowed,"emotive"" AS x",a note')
    with pytest.raises(LexiconError, match=f"cues.csv, line {line}: cue_class"):
        load_lexicons(lexicon_dir)


def test_a_target_name_with_markup_is_refused(lexicon_dir):
    path = lexicon_dir / "targets.csv"
    line = _append(path, "![x](http://example.org/x.png),Example,a note")
    with pytest.raises(LexiconError, match=f"targets.csv, line {line}: target"):
        load_lexicons(lexicon_dir)


def test_a_target_name_in_another_script_with_spaces_and_dots_is_accepted(lexicon_dir):
    _append(lexicon_dir / "targets.csv", "Türkiye St. Ankara,Turkey,a note")
    names = [t.name for t in load_lexicons(lexicon_dir).targets]
    assert "Türkiye St. Ankara" in names
