"""Specification of ingest: formats, column aliases, cleaning, ids and bad input."""

import json
from datetime import UTC, datetime

import pandas as pd
import pytest

from analysis.ingest import load_paths
from analysis.ingest.articles import make_article, map_columns, parse_published
from analysis.records import Article, Rejected
from tests.paths import FIXTURES


def load(*paths, **options):
    warnings = []
    items = list(load_paths(paths, warnings=warnings, **options))
    articles = [i for i in items if isinstance(i, Article)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    return articles, rejected, warnings


def write_csv(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_rows_become_articles(tmp_path):
    path = write_csv(tmp_path / "a.csv", "outlet,title,text\nWire,Vote held,The Assembly voted.\n")
    articles, rejected, _ = load(path)
    assert [(a.outlet, a.title, a.text) for a in articles] == [
        ("Wire", "Vote held", "The Assembly voted.")
    ]
    assert rejected == []


def test_column_names_are_case_insensitive_with_common_aliases():
    mapping = map_columns(["Media_Name", " Publish_Date", "BODY", "Headline", "link"])
    assert mapping == {
        "outlet": "Media_Name",
        "published": " Publish_Date",
        "text": "BODY",
        "title": "Headline",
        "url": "link",
    }


def test_the_canonical_column_name_beats_an_alias():
    assert map_columns(["body", "text", "outlet"])["text"] == "text"


def test_a_missing_required_column_names_the_file_and_the_fix(tmp_path):
    path = write_csv(tmp_path / "no-text.csv", "outlet,title\nWire,Vote\n")
    articles, rejected, _ = load(path)
    assert articles == []
    message = rejected[0].message()
    assert "no-text.csv" in message and "'text'" in message and "body/content" in message


def test_outlet_option_replaces_a_missing_outlet_column(tmp_path):
    path = write_csv(tmp_path / "a.csv", "text\nThe Assembly voted.\n")
    articles, rejected, _ = load(path, outlet="Gazette")
    assert [a.outlet for a in articles] == ["Gazette"] and rejected == []


def test_an_empty_text_row_is_rejected_with_its_record_and_line_and_the_rest_kept(tmp_path):
    path = write_csv(tmp_path / "a.csv", "outlet,text\nWire,First.\nWire,\nWire,Third.\n")
    articles, rejected, _ = load(path)
    assert [a.text for a in articles] == ["First.", "Third."]
    assert (rejected[0].row, rejected[0].line) == (2, 3)
    assert "empty text" in rejected[0].problem


def test_a_record_after_text_cells_with_line_breaks_is_named_by_record_and_first_line(tmp_path):
    body = '"First paragraph.\n\nSecond paragraph.\n\nThird."'
    path = write_csv(tmp_path / "mc.csv", f"outlet,text\nWire,{body}\nWire,{body}\nWire,\n")
    _articles, rejected, _ = load(path)
    assert (
        rejected[0]
        .message()
        .endswith(
            "mc.csv, record 3 (line 12): empty text; fill in the text column or remove the row"
        )
    )


def test_a_row_with_too_many_fields_is_reported_and_skipped(tmp_path):
    path = write_csv(tmp_path / "a.csv", "outlet,text\nWire,One, two\nWire,Fine.\n")
    articles, rejected, _ = load(path)
    assert [a.text for a in articles] == ["Fine."]
    assert (
        (rejected[0].row, rejected[0].line) == (1, 2)
        and "3 fields" in rejected[0].problem
        and "double quotes" in rejected[0].problem
    )


def test_quoted_cells_may_hold_commas_and_line_breaks(tmp_path):
    path = write_csv(tmp_path / "a.csv", 'outlet,text\nWire,"One, two.\n\nThree."\n')
    articles, _, _ = load(path)
    assert articles[0].text == "One, two.\n\nThree."


def test_utf8_with_a_byte_order_mark_is_read_cleanly(tmp_path):
    path = write_csv(tmp_path / "a.csv", "\ufeffoutlet,text\nWire,Caf\u00e9 talks.\n")
    articles, _, warnings = load(path)
    assert (
        articles[0].outlet == "Wire" and articles[0].text == "Caf\u00e9 talks." and warnings == []
    )


def test_windows_1252_bytes_are_decoded_with_a_warning(tmp_path):
    path = write_csv(
        tmp_path / "old.csv", "outlet,text\nWire,\u201cCaf\u00e9\u201d talks.\n", "cp1252"
    )
    articles, _, warnings = load(path)
    assert articles[0].text == "\u201cCaf\u00e9\u201d talks."
    assert "old.csv" in warnings[0] and "UTF-8" in warnings[0]


def test_jsonl_objects_become_articles_and_a_broken_line_is_reported(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"source": "Wire", "content": "One."})
        + "\n{not json\n"
        + json.dumps({"source": "Wire", "content": "Two."})
        + "\n",
        encoding="utf-8",
    )
    articles, rejected, _ = load(path)
    assert [a.text for a in articles] == ["One.", "Two."]
    assert rejected[0].row == 2 and "invalid JSON" in rejected[0].problem


def test_a_json_line_that_is_not_an_object_is_reported(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('["Wire", "One."]\n', encoding="utf-8")
    _, rejected, _ = load(path)
    assert "expected a JSON object" in rejected[0].problem


def test_parquet_rows_become_articles(tmp_path):
    path = tmp_path / "a.parquet"
    pd.DataFrame({"outlet": ["Wire", "Gazette"], "text": ["One.", "Two."]}).to_parquet(path)
    articles, rejected, _ = load(path)
    assert [a.outlet for a in articles] == ["Wire", "Gazette"] and rejected == []


def test_a_broken_parquet_file_is_reported_not_raised(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"not parquet at all")
    _, rejected, _ = load(path)
    assert "broken.parquet" in rejected[0].message() and "Parquet" in rejected[0].problem


def test_an_unsupported_file_type_is_reported(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"x")
    _, rejected, _ = load(path)
    assert "unsupported file type" in rejected[0].problem


def test_a_missing_path_is_reported(tmp_path):
    _, rejected, _ = load(tmp_path / "nowhere.csv")
    assert "no such file" in rejected[0].problem


def test_published_dates_in_any_zone_are_stored_as_utc():
    assert parse_published("2026-02-14T09:30:00+03:00") == datetime(2026, 2, 14, 6, 30, tzinfo=UTC)


def test_a_published_date_without_a_zone_is_taken_as_utc():
    assert parse_published("2026-02-14") == datetime(2026, 2, 14, tzinfo=UTC)


def test_an_unparseable_date_rejects_the_row_with_the_expected_format(tmp_path):
    path = write_csv(tmp_path / "a.csv", "outlet,text,date\nWire,One.,last tuesday\n")
    _, rejected, _ = load(path)
    assert "ISO 8601" in rejected[0].problem


def test_article_ids_are_stable_across_runs(tmp_path):
    path = write_csv(tmp_path / "a.csv", "outlet,text\nWire,One.\n")
    first, _, _ = load(path)
    second, _, _ = load(path)
    assert first[0].article_id == second[0].article_id


def test_the_id_depends_on_outlet_and_url_when_there_is_a_url():
    a = make_article(outlet="Wire", text="One.", url="https://x.example/1")
    b = make_article(outlet="Wire", text="Edited.", url="https://x.example/1")
    c = make_article(outlet="Gazette", text="One.", url="https://x.example/1")
    assert a.article_id == b.article_id != c.article_id


def test_make_article_normalises_text_and_title():
    article = make_article(outlet="Wire", text="A\u00a0b\r\n\r\n\r\nc", title=" Head\u00a0line ")
    assert (article.text, article.title) == ("A b\n\nc", "Head line")


def test_a_folder_is_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    write_csv(tmp_path / "a.csv", "outlet,text\nWire,One.\n")
    write_csv(tmp_path / "sub" / "b.csv", "outlet,text\nWire,Two.\n")
    articles, _, _ = load(tmp_path)
    assert sorted(a.text for a in articles) == ["One.", "Two."]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_an_empty_file_is_reported(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    _, rejected, _ = load(path)
    assert (
        rejected and "empty" in rejected[0].message().lower() or "no records" in rejected[0].problem
    )


def test_a_placeholder_date_in_a_table_is_rejected_with_the_fix(tmp_path):
    path = write_csv(tmp_path / "a.csv", "outlet,published,text\nWire,0001-01-01,Text.\n")
    _articles, rejected, _ = load(path)
    assert rejected[0].problem == (
        "published: '0001-01-01' is before 1800 (a placeholder?); fix the date or leave it empty"
    )


def test_a_date_after_tomorrow_is_not_a_publication_date():
    with pytest.raises(ValueError, match="in the future"):
        parse_published("2999-01-01")


def test_the_outlet_map_renames_table_rows_by_their_url(tmp_path):
    path = write_csv(tmp_path / "a.csv", "outlet,url,text\nTrib,https://www.trib.example/a,Text.\n")
    articles, _, _ = load(path, outlet_map={"trib.example": "The Tribune"})
    assert [a.outlet for a in articles] == ["The Tribune"]


def test_a_title_ending_in_its_own_outlet_name_loses_it(tmp_path):
    path = write_csv(
        tmp_path / "a.csv", "outlet,title,text\nTechCrunch,Apple ships – TechCrunch,Text.\n"
    )
    articles, _, _ = load(path)
    assert articles[0].title == "Apple ships"


def test_a_gdelt_list_is_rejected_with_a_pointer_to_fetch():
    _articles, rejected, _ = load(FIXTURES / "web" / "gdelt.csv")
    assert rejected[0].problem.endswith(
        "a list of URLs without text needs --fetch to fetch each page"
    )
