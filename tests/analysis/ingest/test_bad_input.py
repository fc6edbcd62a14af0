"""Bad input is rejected per file or per record with a message, and the rest is read.

Each case reproduced issue 17 before its fix: a 100,000-deep JSON array aborted a
whole folder with a RecursionError traceback; the first csv.Error dropped every
later row of the file; a .txt article skipped the 2M-character cap.
"""

from __future__ import annotations

from analysis.ingest import load_paths
from analysis.ingest.articles import MAX_ARTICLE_FILE_BYTES, MAX_TEXT_CHARS
from analysis.records import Article, Rejected

GOOD_CSV = "outlet,title,text\nValley Post,Budget,The assembly passed the budget.\n"


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [
        i for i in items if isinstance(i, Rejected)
    ]


def test_a_deeply_nested_json_file_is_rejected_and_the_folder_read_on(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "good.csv").write_text(GOOD_CSV)
    articles, rejected = _split(load_paths([tmp_path]))
    assert [a.outlet for a in articles] == ["Valley Post"]
    assert len(rejected) == 1 and rejected[0].source_file.endswith("deep.json")
    assert "nested too deeply" in rejected[0].problem


def test_a_deeply_nested_json_line_is_rejected_and_the_other_lines_kept(tmp_path):
    good = '{"outlet": "Valley Post", "title": "T", "text": "The budget passed."}'
    path = tmp_path / "rows.jsonl"
    path.write_text(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n" + good + "\n")
    articles, rejected = _split(load_paths([path]))
    assert len(articles) == 2
    assert [(r.row, "nested too deeply" in r.problem) for r in rejected] == [(2, True)]


def test_a_csv_cell_over_the_field_limit_is_rejected_and_the_records_after_it_kept(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "outlet,title,text\n"
        "Valley Post,One,The first text.\n"
        f'Valley Post,Two,"{"x" * 17_000_000}"\n'
        "Valley Post,Three,The third text.\n"
        "Valley Post,Four,The fourth text.\n"
    )
    articles, rejected = _split(load_paths([path]))
    assert [a.title for a in articles] == ["One", "Three", "Four"]
    assert [(r.row, r.problem.startswith("malformed CSV")) for r in rejected] == [(2, True)]


def test_a_txt_article_over_the_character_cap_is_rejected(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Headline\n\n" + "word " * (MAX_TEXT_CHARS // 5 + 10))
    articles, rejected = _split(load_paths([path]))
    assert articles == []
    assert f"limit {MAX_TEXT_CHARS:,}" in rejected[0].problem


def test_a_txt_file_too_large_for_any_article_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_FILE_BYTES + 1)  # sparse: no 8 MB written

    def never(*args, **kwargs):
        raise AssertionError("read a file that is too large to be an article")

    monkeypatch.setattr("analysis.ingest.read_text_file", never)
    articles, rejected = _split(load_paths([path]))
    assert articles == []
    assert "split it into one article per file" in rejected[0].problem


def test_a_symbolic_link_inside_a_folder_is_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Headline\n\nA secret the server keeps.\n")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "linked.txt").symlink_to(secret)
    (folder / "good.csv").write_text(GOOD_CSV)
    articles, rejected = _split(load_paths([folder]))
    assert [a.outlet for a in articles] == ["Valley Post"]
    assert "symbolic link" in rejected[0].problem


def test_now_and_today_are_not_publication_dates(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "outlet,published,title,text\n"
        "Valley Post,now,One,The first text.\n"
        "Valley Post,today,Two,The second text.\n"
        "Valley Post,2026-01-05,Three,The third text.\n"
    )
    articles, rejected = _split(load_paths([path]))
    assert [a.title for a in articles] == ["Three"]
    assert [r.row for r in rejected] == [1, 2]
    assert all("is not a date" in r.problem for r in rejected)
