"""The Data page shows the targets list in use and can switch to a user's list."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")


def test_an_uploaded_targets_list_is_the_one_in_use(fixture_store, slant_db, tmp_path):
    slant_db(fixture_store)
    targets = tmp_path / "targets.csv"
    targets.write_text("target,aliases,note\nJens Stoltenberg,Stoltenberg,test\n", encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["targets_lexicon"] = str(targets)
    at.run()
    at.switch_page("views/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("your uploaded targets" in m.value for m in at.markdown)
    listed = next(d.value for d in at.dataframe if "aliases" in d.value.columns)
    assert listed["target"].tolist() == ["Jens Stoltenberg"]
