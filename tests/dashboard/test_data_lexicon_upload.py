"""A lexicon upload that does not load: its message is shown as plain text (a row's markdown
never renders, so an image link cannot make the browser fetch), names no server path, and the
rejected file is not kept beside the store."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
HOSTILE_CATEGORY = "![x](http://127.0.0.1:9/x.png) :red[loud]"
BAD_LEXICON = f'pattern,category,note\nbrutal,"{HOSTILE_CATEGORY}",n\n'.encode()
#: Elements whose text Streamlit renders as markdown.
MARKDOWN_KINDS = ("markdown", "error", "warning", "info", "success", "caption", "exception")


@pytest.fixture
def uploaded(fixture_store, slant_db, tmp_path) -> tuple[AppTest, Path]:
    db = slant_db(shutil.copy(fixture_store, tmp_path / "upload.duckdb"))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("views/data.py").run()
    at.file_uploader(key="lexicon_upload").set_value(("mine.csv", BAD_LEXICON, "text/csv")).run()
    next(b for b in at.button if b.label == "Use this lexicon").click().run()
    assert not at.exception, [e.value for e in at.exception][:1]
    return at, db


def plain_texts(at: AppTest) -> str:
    return " ".join(e.value for kind in ("code", "text") for e in at.get(kind))


def test_the_lexicon_error_is_shown_as_plain_text(uploaded):
    at, _ = uploaded
    assert "line 2" in plain_texts(at) and HOSTILE_CATEGORY in plain_texts(at)
    rendered = [e.value for kind in MARKDOWN_KINDS for e in at.get(kind)]
    assert not [text for text in rendered if "](http" in text or ":red[" in text]


def test_the_lexicon_error_names_the_upload_not_a_server_path(uploaded):
    at, db = uploaded
    (message,) = [e.value for e in at.code if "line 2" in e.value] or [plain_texts(at)]
    assert message.startswith("mine.csv, line 2")
    assert str(db.parent) not in message + " ".join(e.value for e in at.error)


def test_a_rejected_lexicon_is_not_kept_beside_the_store(uploaded):
    _, db = uploaded
    kept = db.parent / "lexicons"
    assert not kept.exists() or list(kept.iterdir()) == []
