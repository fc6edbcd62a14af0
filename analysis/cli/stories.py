"""``slant stories``: assign every stored article to a story and write the table as CSV."""

from __future__ import annotations

import sys
from pathlib import Path

from analysis import store
from analysis.compare.stories import (
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_DAYS,
    STORY_COLUMNS,
    cluster_stories,
)
from analysis.errors import StoreUnavailable
from analysis.report.export import neutralise


def run_stories(
    db_path,
    out_path,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float = DEFAULT_WINDOW_DAYS,
) -> int:
    """Cluster the articles in the store at ``db_path`` into stories; write ``out_path``.

    Writes ``article_id, story_id, story_label, story_date`` for every article
    and returns 0, or prints a message naming the problem and returns 2.
    """
    if not 0 < threshold <= 1:
        print(f"--threshold must be between 0 and 1 (got {threshold})", file=sys.stderr)
        return 2
    if window_days < 0:
        print(f"--window-days must be 0 or more (got {window_days})", file=sys.stderr)
        return 2
    try:
        con = store.connect(db_path, read_only=True)
    except StoreUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        articles = store.read_articles(con)
    finally:
        con.close()
    stories = cluster_stories(articles, threshold=threshold, window_days=window_days)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # Ids and labels come from the data: neutralised like every other CSV Slant writes.
    neutralise(stories[STORY_COLUMNS]).to_csv(out_path, index=False, date_format="%Y-%m-%d")
    print(
        f"{len(stories)} articles in {stories['story_id'].nunique()} stories -> {out_path}",
        file=sys.stderr,
    )
    return 0
