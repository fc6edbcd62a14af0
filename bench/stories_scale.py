"""Time and peak memory of story clustering on many articles of one day (or undated).

Run: ``.venv/bin/python bench/stories_scale.py --articles 2000 4000 [--undated]``

Each size runs in a fresh process (so the peak RSS is its own) on synthetic
articles: Zipf-distributed words from a 20,000-word vocabulary plus a dozen
words of one of ``articles / 8`` events, all published on the same day, the
worst case for the date blocking (``--undated``: no dates at all). Prints
articles, seconds, peak RSS in MB and the number of stories found.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def synthetic(n: int, undated: bool, seed: int = 7):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    vocabulary = np.array([f"w{k}" for k in range(20_000)])
    weights = 1.0 / np.arange(1, len(vocabulary) + 1)
    weights /= weights.sum()
    events = max(1, n // 8)
    event_words = rng.integers(0, len(vocabulary), size=(events, 12))
    rows = []
    for k in range(n):
        event = int(rng.integers(0, events))
        body = list(rng.choice(vocabulary, size=300, p=weights))
        body += list(vocabulary[event_words[event]]) * 2
        rng.shuffle(body)
        rows.append(
            {
                "article_id": f"a{k}",
                "title": " ".join(vocabulary[event_words[event][:5]]),
                "text": " ".join(body),
                "published": None if undated else pd.Timestamp("2026-01-05 12:00"),
            }
        )
    return pd.DataFrame(rows)


def child(n: int, undated: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from analysis.compare.stories import cluster_stories

    frame = synthetic(n, undated)
    started = time.perf_counter()
    stories = cluster_stories(frame)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "articles": n,
                "seconds": round(seconds, 2),
                "peak_mb": round(peak_mb),
                "stories": int(stories["story_id"].nunique()),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--undated", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.undated)
        return
    for n in args.articles:
        command = [sys.executable, __file__, "--child", str(n)]
        if args.undated:
            command.append("--undated")
        print(subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip())


if __name__ == "__main__":
    main()
