"""Specification of the `slant` command, run as a user would (a subprocess)."""

import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from tests.paths import ROOT

REQUIRED_ARTICLE_COLUMNS = (
    "article_id outlet published title url words sentences sentiment headline_sentiment "
    "negative_share positive_share framing_per_1k attributions direct_share anonymous_share "
    "hedges_per_1k"
).split()
REQUIRED_EVIDENCE_COLUMNS = (
    "article_id field kind label start end text sentence source speaker cue cue_class "
    "quote_type anonymous source_start source_end cue_start cue_end"
).split()


def slant(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "analysis.cli.main", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def small_corpus(tmp_path):
    path = tmp_path / "corpus.csv"
    pd.DataFrame(
        {
            "outlet": ["Wire", "Wire", "Broadcast"],
            "title": ["Vote held", "Bridge opens", "Regime falls"],
            "date": ["2026-01-05", "2026-01-06", "2026-01-07T10:00:00+03:00"],
            "text": [
                "The Assembly voted on Monday, the speaker said.",
                "Officials said the bridge reopened. \u201cIt is good news,\u201d the mayor said.",
                "The so-called government condemned the assassination, sources said.",
            ],
        }
    ).to_csv(path, index=False)
    return path


def test_analyze_writes_articles_and_evidence_csvs(small_corpus, tmp_path):
    result = slant("analyze", small_corpus, "--out", tmp_path / "out", "--workers", "1")
    assert result.returncode == 0, result.stderr
    articles = pd.read_csv(tmp_path / "out" / "articles.csv")
    evidence = pd.read_csv(tmp_path / "out" / "evidence.csv")
    assert set(REQUIRED_ARTICLE_COLUMNS) <= set(articles.columns)
    assert set(REQUIRED_EVIDENCE_COLUMNS) <= set(evidence.columns)
    assert any(
        c.startswith("framing_") and c.endswith("_per_1k") and c != "framing_per_1k"
        for c in articles.columns
    )
    assert any(c.startswith("cue_") and c.endswith("_share") for c in articles.columns)
    assert len(articles) == 3 and "Analyzed 3 articles" in result.stdout


def test_evidence_csv_offsets_point_at_their_text(small_corpus, tmp_path):
    slant("analyze", small_corpus, "--out", tmp_path / "out", "--workers", "1")
    source = pd.read_csv(small_corpus).set_index("title")
    articles = pd.read_csv(tmp_path / "out" / "articles.csv").set_index("article_id")
    evidence = pd.read_csv(tmp_path / "out" / "evidence.csv", keep_default_na=False)
    assert len(evidence) > 0
    for row in evidence.itertuples():
        title = articles.loc[row.article_id, "title"]
        field = title if row.field == "title" else source.loc[title, "text"]
        assert field[int(row.start) : int(row.end)] == row.text


def test_the_sample_corpus_analyzes_into_both_csvs(tmp_path):
    result = slant("analyze", ROOT / "data" / "sample", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    articles = pd.read_csv(tmp_path / "out" / "articles.csv")
    evidence = pd.read_csv(tmp_path / "out" / "evidence.csv")
    assert len(articles) >= 120 and articles["outlet"].nunique() >= 5
    assert set(evidence["kind"]) >= {"framing", "attribution", "hedge", "target"}
    meta = json.loads((tmp_path / "out" / "articles.json").read_text())
    assert meta["rows"] == len(articles) and meta["lexicon_hash"]


def test_ingesting_the_same_input_twice_adds_nothing(small_corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    first = slant("ingest", small_corpus, "--db", db, "--workers", "1")
    second = slant("ingest", small_corpus, "--db", db, "--workers", "1")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "Added 3 articles" in first.stdout
    assert "Added 0 articles (3 duplicates skipped" in second.stdout


def test_rejected_rows_are_listed_and_exit_with_1(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("outlet,text\nWire,Good row.\nWire,\n", encoding="utf-8")
    result = slant("ingest", path, "--db", tmp_path / "s.duckdb", "--workers", "1")
    assert result.returncode == 1
    assert "Added 1 articles" in result.stdout and "1 rejected" in result.stdout
    assert "mixed.csv, record 2 (line 3): empty text" in result.stderr


def test_an_undecodable_txt_file_is_rejected_and_the_rest_of_the_folder_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.csv").write_text("outlet,text\nWire,Good row.\n", encoding="utf-8")
    (folder / "notes.txt").write_text("UTF-16 without its mark", encoding="utf-16-le")
    result = slant("ingest", folder, "--db", tmp_path / "s.duckdb", "--workers", "1")
    assert result.returncode == 1
    assert "Added 1 articles" in result.stdout and "1 rejected" in result.stdout
    assert "notes.txt" in result.stderr and "save it as UTF-8" in result.stderr


def test_output_piped_into_a_reader_that_stops_early_is_not_reported_as_a_bug(tmp_path):
    # as `slant ingest data/sample --db s.duckdb | head -1` does: the reader is gone before
    # the summary is printed, the store is written all the same
    store = tmp_path / "s.duckdb"
    command = [sys.executable, "-m", "analysis.cli.main", "ingest", ROOT / "data" / "sample"]
    child = subprocess.Popen(
        [*map(str, command), "--db", str(store)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child.stdout.close()
    errors = child.stderr.read()
    assert child.wait(timeout=600) == 141, errors
    assert "Traceback" not in errors and "bug in Slant" not in errors
    again = slant("ingest", ROOT / "data" / "sample", "--db", store)
    assert "Added 0 articles (135 duplicates skipped" in again.stdout


def test_a_usage_error_exits_with_2(tmp_path):
    assert slant("analyze", tmp_path).returncode == 2


def test_a_broken_lexicon_is_a_fatal_error_naming_file_and_line(small_corpus, tmp_path):
    lexicon = tmp_path / "framing.csv"
    lexicon.write_text("pattern,category,note\n* regime,labels,bad\n", encoding="utf-8")
    result = slant("analyze", small_corpus, "--out", tmp_path / "o", "--lexicon", lexicon)
    assert result.returncode == 2
    assert "framing.csv, line 2" in result.stderr and "Traceback" not in result.stderr


def test_export_writes_the_same_tables_from_the_store(small_corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    slant("ingest", small_corpus, "--db", db, "--workers", "1")
    slant("analyze", small_corpus, "--out", tmp_path / "direct", "--workers", "1")
    result = slant("export", "--db", db, "--out", tmp_path / "exported")
    assert result.returncode == 0, result.stderr
    direct = pd.read_csv(tmp_path / "direct" / "evidence.csv").sort_values(
        ["article_id", "field", "start"]
    )
    exported = pd.read_csv(tmp_path / "exported" / "evidence.csv").sort_values(
        ["article_id", "field", "start"]
    )
    assert list(exported.columns) == list(direct.columns)
    assert (
        exported[["article_id", "kind", "start", "end", "text", "sentence"]].values.tolist()
        == direct[["article_id", "kind", "start", "end", "text", "sentence"]].values.tolist()
    )
    assert (tmp_path / "exported" / "targets.csv").exists()


def test_a_new_framing_lexicon_rescores_the_store(small_corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    slant("ingest", small_corpus, "--db", db, "--workers", "1")
    lexicon = tmp_path / "framing.csv"
    lexicon.write_text("pattern,category,note\nbridge,infrastructure,test\n", encoding="utf-8")
    result = slant("rescore", "--db", db, "--lexicon", lexicon, "--workers", "1")
    assert result.returncode == 0 and "Re-scored 3 articles" in result.stdout
    slant("export", "--db", db, "--out", tmp_path / "out")
    evidence = pd.read_csv(tmp_path / "out" / "evidence.csv")
    assert set(evidence.loc[evidence["kind"] == "framing", "label"]) == {"infrastructure"}


def test_a_media_cloud_export_is_fetched_and_failures_are_listed(site, tmp_path):
    fixtures = ROOT / "tests" / "fixtures" / "web"
    export = tmp_path / "mediacloud.csv"
    export.write_text((fixtures / "mediacloud.csv").read_text().replace("{base}", site.base))
    db, cache = tmp_path / "s.duckdb", tmp_path / "cache"
    args = ("ingest", export, "--fetch", "--db", db, "--cache-dir", cache,
            "--allow-private-addresses", "--workers", "1")  # fmt: skip
    first = slant(*args)
    assert first.returncode == 1, first.stderr
    assert "Added 3 articles" in first.stdout and "1 rejected" in first.stdout
    assert "mediacloud.csv, record 4 (line 5): HTTP 404" in first.stderr
    site.stop()
    again = slant(*args[:-2], "--offline", "--workers", "1")
    assert "Added 0 articles (3 duplicates skipped" in again.stdout


def test_a_feed_url_is_ingested(site, tmp_path):
    result = slant(
        "ingest",
        f"{site.base}/feed.rss",
        "--db",
        tmp_path / "s.duckdb",
        "--cache-dir",
        tmp_path / "cache",
        "--allow-private-addresses",
        "--workers",
        "1",
    )
    assert "Added 2 articles" in result.stdout, result.stdout + result.stderr


def test_fetched_pages_are_cached_beside_the_store_not_where_the_command_ran(site, tmp_path):
    # Issue 17: the cache went to ./data/web-cache in whatever folder slant was started in.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    db = tmp_path / "stores" / "s.duckdb"
    db.parent.mkdir()
    result = slant(
        "ingest", f"{site.base}/feed.rss", "--db", db, "--allow-private-addresses",
        "--workers", "1", cwd=elsewhere,
    )  # fmt: skip
    assert "Added 2 articles" in result.stdout, result.stdout + result.stderr
    assert list((db.parent / "web-cache").glob("*/*.json.gz"))
    assert list(elsewhere.iterdir()) == []


def test_a_url_on_the_local_network_is_refused_without_the_flag(site, tmp_path):
    result = slant(
        "ingest",
        f"{site.base}/feed.rss",
        "--db",
        tmp_path / "s.duckdb",
        "--cache-dir",
        tmp_path / "cache",
        "--workers",
        "1",
    )
    assert result.returncode == 1
    assert "address not allowed (private or local network)" in result.stderr
    assert site.requests == []


def test_stories_writes_one_row_per_article(small_corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    slant("ingest", small_corpus, "--db", db, "--workers", "1")
    result = slant("stories", "--db", db, "--out", tmp_path / "stories.csv")
    assert result.returncode == 0, result.stderr
    stories = pd.read_csv(tmp_path / "stories.csv")
    assert list(stories.columns) == ["article_id", "story_id", "story_label", "story_date"]
    assert len(stories) == 3


def test_stories_on_a_missing_store_says_how_to_make_one(tmp_path):
    result = slant("stories", "--db", tmp_path / "none.duckdb", "--out", tmp_path / "s.csv")
    assert result.returncode == 2 and "slant ingest" in result.stderr


def test_the_dask_engine_ingests_like_the_local_one(small_corpus, tmp_path):
    result = slant(
        "ingest", small_corpus, "--db", tmp_path / "s.duckdb", "--engine", "dask", "--workers", "1"
    )
    assert result.returncode == 0, result.stderr
    assert "Added 3 articles" in result.stdout and "Dask partitions" in result.stdout


WEB = ROOT / "tests" / "fixtures" / "web"


def test_a_media_cloud_rejection_names_the_record_and_the_line_it_starts_on(tmp_path):
    db, cache = tmp_path / "s.duckdb", tmp_path / "cache"
    export = WEB / "mediacloud_multiline.csv"
    result = slant(
        "ingest", export, "--offline", "--db", db, "--cache-dir", cache, "--workers", "1"
    )
    assert "Added 2 articles" in result.stdout, result.stderr
    assert "mediacloud_multiline.csv, record 3 (line 10): not in cache (offline)" in result.stderr


def test_a_gdelt_list_without_fetch_is_rejected_with_a_pointer_to_fetch(tmp_path):
    result = slant("ingest", WEB / "gdelt.csv", "--db", tmp_path / "s.duckdb", "--workers", "1")
    assert result.returncode == 1
    assert "missing required column 'text'" in result.stderr
    assert "needs --fetch to fetch each page" in result.stderr


def test_a_full_text_feed_is_ingested_offline_and_its_repeated_entry_counted(tmp_path):
    args = ("--offline", "--cache-dir", tmp_path / "cache", "--workers", "1")
    result = slant("ingest", WEB / "fulltext.rss", "--db", tmp_path / "s.duckdb", *args)
    assert result.returncode == 0, result.stderr
    assert "Added 2 articles (1 duplicates skipped, 0 rejected)" in result.stdout


def test_the_summary_lists_the_outlet_names_new_to_the_store(small_corpus, tmp_path):
    db = tmp_path / "s.duckdb"
    slant("ingest", small_corpus, "--db", db, "--workers", "1")
    result = slant("ingest", WEB / "mediacloud.csv", "--db", db, "--workers", "1")
    assert (
        "New outlet names (1); rename any with --outlet-map FILE (domain,outlet):" in result.stdout
    )
    assert result.stdout.split("New outlet names")[1].splitlines()[1:] == [
        "  Corvell Tribune (1 articles)"
    ]


def test_the_outlet_map_renames_rows_that_already_have_text(tmp_path):
    table = tmp_path / "rows.csv"
    table.write_text(
        "outlet,url,text\nThe Tribune,https://corvelltribune.example/a,The council voted.\n",
        encoding="utf-8",
    )
    outlets = tmp_path / "outlets.csv"
    outlets.write_text("domain,outlet\ncorvelltribune.example,Corvell Tribune\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    slant("ingest", table, "--outlet-map", outlets, "--db", db, "--workers", "1")
    result = slant("export", "--db", db, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert pd.read_csv(tmp_path / "out" / "articles.csv")["outlet"].tolist() == ["Corvell Tribune"]


def test_a_targets_file_replaces_the_targets_lexicon(small_corpus, tmp_path):
    targets = tmp_path / "targets.csv"
    targets.write_text("target,aliases,note\nThe mayor,mayor,test\n", encoding="utf-8")
    result = slant("analyze", small_corpus, "--out", tmp_path / "out", "--targets", targets)
    assert result.returncode == 0, result.stderr
    rows = pd.read_csv(tmp_path / "out" / "targets.csv")
    assert set(rows["target"]) == {"The mayor"}
    assert rows["scoped_sentiment"].notna().all()


def test_targets_suggest_lists_the_most_mentioned_names_and_writes_a_targets_file(tmp_path):
    corpus = tmp_path / "corpus.csv"
    pd.DataFrame(
        {
            "outlet": ["Wire"] * 3,
            "text": [
                "Jens Stoltenberg met the press. Stoltenberg said the talks went well.",
                "Stoltenberg spoke on Monday. NATO allies listened.",
                "NATO and Jens Stoltenberg said nothing new.",
            ],
        }
    ).to_csv(corpus, index=False)
    db = tmp_path / "s.duckdb"
    slant("ingest", corpus, "--db", db, "--workers", "1")
    out = tmp_path / "suggested.csv"
    result = slant("targets", "suggest", "--db", db, "--out", out)
    assert result.returncode == 0, result.stderr
    suggested = pd.read_csv(out)
    assert suggested["target"].tolist() == ["Jens Stoltenberg", "NATO"]
    assert suggested["aliases"].iloc[0] == "Stoltenberg"


def test_stories_csv_neutralises_ids_a_spreadsheet_would_run(tmp_path):
    # A given id is stored after its outlet ("Outlet:id"): an outlet name starts the cell.
    corpus = tmp_path / "ids.csv"
    corpus.write_text(
        "id,outlet,published,title,text\n"
        '1,"=HYPERLINK(""http://example.org"")",2026-01-05,Budget,The budget passed.\n'
        "2,@SUM(A1),2026-01-05,Budget vote,The budget vote passed.\n"
    )
    db = tmp_path / "s.duckdb"
    slant("ingest", corpus, "--db", db, "--workers", "1")
    assert slant("stories", "--db", db, "--out", tmp_path / "stories.csv").returncode == 0
    ids = set(pd.read_csv(tmp_path / "stories.csv", dtype=str)["article_id"])
    assert ids == {'\'=HYPERLINK("http://example.org"):1', "'@SUM(A1):2"}


def test_the_progress_stand_in_counts_and_iterates_like_a_bar(monkeypatch):
    from analysis.cli import main as cli_main

    monkeypatch.setattr(cli_main.sys, "stderr", io.StringIO())  # no terminal
    bar = cli_main._progress(iter([1, 2, 3]), "batch")
    assert list(bar) == [1, 2, 3]
    bar.update(5)
    bar.update(2)
    assert bar.n == 7
    bar.close()


def test_the_tally_counts_the_outlets_new_to_the_store_with_their_sites():
    from analysis.cli.main import Tally
    from analysis.ingest.articles import make_article

    tally = Tally(known_outlets={"Valley Post"})
    for outlet, url in (
        ("Valley Post", "https://valley.example/a"),
        ("Wire", "https://www.wire.example/b"),
    ):
        tally.count_outlet(make_article(outlet=outlet, url=url, text="Officials said so."))
    assert tally.outlets == {"Wire": 1}
    assert tally.outlet_domains == {"Wire": {"wire.example"}}


def test_a_run_without_a_store_counts_no_outlets():
    from analysis.cli.main import Tally
    from analysis.ingest.articles import make_article

    tally = Tally()
    tally.count_outlet(make_article(outlet="Wire", url="https://wire.example/b", text="It rained."))
    assert not tally.outlets
