"""docs/validity.md read at run time: sections by title, from the checkout or a named copy."""

from __future__ import annotations

from analysis.report import validity_doc


def test_sections_split_at_level_two_headings():
    intro, sections = validity_doc.split_sections("# Title\nWhy.\n## A (x)\none\n## B\ntwo\n")
    assert intro == "Why."
    assert sections == {"A (x)": "one", "B": "two"}


def test_the_repository_document_has_the_sentiment_section():
    doc = validity_doc.read_validity()
    assert doc is not None and doc.origin == "docs/validity.md"
    title, body = doc.section("sentiment")
    assert title == "Sentiment (VADER)"
    assert "0.881" in body


def test_a_copy_named_by_the_environment_comes_first(tmp_path, monkeypatch):
    copy = tmp_path / "validity.md"
    copy.write_text("# V\n## Attribution (PolNeAR)\nF1 0.5\n")
    monkeypatch.setenv(validity_doc.DOC_ENV, str(copy))
    doc = validity_doc.read_validity()
    assert doc.section("attribution") == ("Attribution (PolNeAR)", "F1 0.5")
    assert doc.section("sentiment") is None
