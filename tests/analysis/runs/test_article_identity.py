"""An article is known by its outlet and the id its file gives it, not the id alone.

Reproduced issue 17 first: id "1" from outlet A and id "1" from outlet B were counted as
one article and a duplicate, so B's article was never stored.
"""

from __future__ import annotations

from analysis import store
from analysis.ingest import load_paths
from analysis.records import Article
from analysis.runs.dask_engine import _stored_among, _write_stored_ids
from analysis.runs.scoring import ingest_into_store


def _corpus(tmp_path, rows: str):
    path = tmp_path / "rows.csv"
    path.write_text("id,outlet,title,text\n" + rows)
    return [item for item in load_paths([path]) if isinstance(item, Article)]


def test_the_same_id_from_two_outlets_is_two_articles(tmp_path, lexicons):
    read = _corpus(
        tmp_path,
        "1,Valley Post,Budget,The assembly passed the budget.\n"
        "1,Harbour Times,Strike,The dock workers went on strike.\n",
    )
    run = ingest_into_store(tmp_path / "s.duckdb", read, lexicons, workers=1)
    assert (run.added, run.duplicates) == (2, 0)
    assert sorted(a.article_id for a in read) == ["Harbour Times:1", "Valley Post:1"]


def test_the_same_id_twice_from_one_outlet_is_a_duplicate(tmp_path, lexicons):
    read = _corpus(
        tmp_path,
        "7,Valley Post,Budget,The assembly passed the budget.\n"
        "7,Valley Post,Budget (updated),The assembly passed the budget at last.\n",
    )
    run = ingest_into_store(tmp_path / "s.duckdb", read, lexicons, workers=1)
    assert (run.added, run.duplicates) == (1, 1)


def _store_made_before_scoping(tmp_path, lexicons):
    """A store whose article from Valley Post with id 1 is stored as "1" (as before)."""
    db = tmp_path / "old.duckdb"
    legacy = Article(article_id="1", outlet="Valley Post", text="The assembly passed the budget.")
    ingest_into_store(db, [legacy], lexicons, workers=1)
    return db


def test_a_store_made_before_finds_its_articles_again_as_duplicates(tmp_path, lexicons):
    db = _store_made_before_scoping(tmp_path, lexicons)
    read = _corpus(
        tmp_path,
        "1,Valley Post,Budget,The assembly passed the budget.\n"
        "1,Harbour Times,Strike,The dock workers went on strike.\n",
    )
    run = ingest_into_store(db, read, lexicons, workers=1)
    assert (run.added, run.duplicates, run.total) == (1, 1, 2)
    with store.connect(db, read_only=True) as con:
        stored = con.execute("SELECT article_id, outlet FROM articles ORDER BY 1").fetchall()
    assert stored == [("1", "Valley Post"), ("Harbour Times:1", "Harbour Times")]


def test_the_dask_engine_finds_the_old_stores_articles_as_duplicates_too(tmp_path, lexicons):
    db = _store_made_before_scoping(tmp_path, lexicons)
    with store.connect(db) as con:
        listed = _write_stored_ids(con, tmp_path)
    assert _stored_among(listed, ["Valley Post:1", "Harbour Times:1"]) == {"Valley Post:1"}
