"""A store made before framing rows carried their voice gets the column when opened."""

from analysis import store
from analysis.ingest.articles import make_article


def test_an_older_store_gains_the_voice_column_and_takes_new_results(tmp_path, analyzer):
    path = tmp_path / "old.duckdb"
    con = store.connect(path)
    con.execute("ALTER TABLE evidence DROP COLUMN voice")  # as the store was made before
    con.close()
    con = store.connect(path)
    article = make_article(outlet="O", title="T", text="The regime said it would talk.")
    store.write_batch(con, [article], [analyzer.analyze(article)])
    voices = con.execute("SELECT DISTINCT voice FROM evidence WHERE kind = 'framing'").fetchall()
    assert voices == [("own",)]
