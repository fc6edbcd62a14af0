"""How well does same-story alignment recover the true events, and how fast is it?

Run: ``.venv/bin/python bench/stories.py [--threshold X] [--window-days N] [--scale K]``

Prints, for the bundled sample corpus (``data/sample/articles.jsonl``, field
``event_id``) and the economy fixture (``tests/fixtures/economy_corpus.py``),
the adjusted Rand index and purity of :func:`analysis.compare.stories.cluster_stories`
against the true events, the number of stories found and the time taken.
With ``--scale K`` it also times a corpus of K shifted copies of both
(about 180 x K articles) to show the cost grows near-linearly.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.compare.stories import (  # noqa: E402
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_DAYS,
    adjusted_rand_index,
    cluster_stories,
    purity,
)
from tests.fixtures.economy_corpus import articles as economy_articles  # noqa: E402

SAMPLE = ROOT / "data" / "sample" / "articles.jsonl"


def corpora() -> dict[str, pd.DataFrame]:
    found = {}
    if SAMPLE.exists():
        found["sample"] = pd.read_json(SAMPLE, lines=True, dtype=False)
    found["economy"] = pd.DataFrame(economy_articles())
    for name, frame in found.items():
        found[name] = frame.rename(columns={"id": "article_id"})
    return found


def scaled(frames: list[pd.DataFrame], copies: int) -> pd.DataFrame:
    """``copies`` copies of the corpora, each shifted 30 days later, with distinct ids/events."""
    parts = []
    for k in range(copies):
        for n, frame in enumerate(frames):
            part = frame.copy()
            part["published"] = pd.to_datetime(part["published"], utc=True) + pd.Timedelta(
                days=30 * k
            )
            part["article_id"] = part["article_id"] + f"#{n}.{k}"
            part["event_id"] = part["event_id"] + f"#{n}.{k}"
            parts.append(part)
    return pd.concat(parts, ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--window-days", type=float, default=DEFAULT_WINDOW_DAYS)
    parser.add_argument("--scale", type=int, default=0, help="also time K shifted copies")
    args = parser.parse_args()
    print(f"threshold {args.threshold}, window {args.window_days} days")
    print(
        f"{'corpus':<10}{'articles':>9}{'events':>8}{'stories':>9}{'ARI':>8}{'purity':>8}{'secs':>8}"
    )
    found = corpora()
    for name, frame in found.items():
        start = time.perf_counter()
        stories = cluster_stories(frame, threshold=args.threshold, window_days=args.window_days)
        took = time.perf_counter() - start
        ari = adjusted_rand_index(frame["event_id"], stories["story_id"])
        pure = purity(frame["event_id"], stories["story_id"])
        print(
            f"{name:<10}{len(frame):>9}{frame['event_id'].nunique():>8}"
            f"{stories['story_id'].nunique():>9}{ari:>8.3f}{pure:>8.3f}{took:>8.2f}"
        )
    if args.scale:
        big = scaled(list(found.values()), args.scale)
        start = time.perf_counter()
        stories = cluster_stories(big, threshold=args.threshold, window_days=args.window_days)
        took = time.perf_counter() - start
        ari = adjusted_rand_index(big["event_id"], stories["story_id"])
        print(
            f"{'scaled':<10}{len(big):>9}{big['event_id'].nunique():>8}"
            f"{stories['story_id'].nunique():>9}{ari:>8.3f}"
            f"{purity(big['event_id'], stories['story_id']):>8.3f}{took:>8.2f}"
        )


if __name__ == "__main__":
    main()
