"""A synthetic corpus of N articles recombined from the sample corpus's sentences.

Run: ``.venv/bin/python bench/corpus.py --n 1000 10000 100000``

Writes ``bench/out/corpus-<N>.jsonl`` and ``bench/out/corpus-<N>.parquet`` (git-ignored).
Every article is a run of whole paragraphs taken from the bundled sample corpus
(``data/sample/articles.jsonl``), re-ordered and re-joined with a seeded RNG, so
the text has the density of framing terms, quotes and attributions of real
scoring input (a random word salad would have none). Lengths follow a log-normal
spread clipped to 150-2,000 words (median about 550); articles are spread over
twelve outlets and two years of dates. The same ``--seed`` always writes the
same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.text import count_words  # noqa: E402

SAMPLE = ROOT / "data" / "sample" / "articles.jsonl"
OUT = ROOT / "bench" / "out"
MIN_WORDS, MAX_WORDS = 150, 2000
EXTRA_OUTLETS = (
    "Harbour Times",
    "Northern Ledger",
    "Kestria Today",
    "The Evening Courier",
    "Meridian Monitor",
    "Valley Post",
    "Capital Dispatch",
)
START = datetime(2024, 1, 1, tzinfo=UTC)
DAYS = 730


def _sample_rows() -> list[dict]:
    with SAMPLE.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _paragraphs(rows: list[dict]) -> list[tuple[str, int]]:
    """Every paragraph of the sample bodies with its word count."""
    found = []
    for row in rows:
        for paragraph in row["text"].split("\n\n"):
            paragraph = paragraph.strip()
            if paragraph:
                found.append((paragraph, count_words(paragraph)))
    return found


def _target_words(rng: random.Random) -> int:
    # log-normal around ~550 words: most news pieces are short, a tail is long.
    words = int(rng.lognormvariate(math.log(550), 0.6))
    return min(MAX_WORDS, max(MIN_WORDS, words))


def generate(n: int, seed: int = 5) -> Iterator[dict]:
    """``n`` article records (dicts with the sample corpus's columns), deterministic in ``seed``."""
    rng = random.Random(seed)
    rows = _sample_rows()
    paragraphs = _paragraphs(rows)
    titles = [r["title"] for r in rows]
    sections = sorted({r.get("section") or "" for r in rows} - {""}) or ["News"]
    outlets = sorted({r["outlet"] for r in rows}) + list(EXTRA_OUTLETS)
    for i in range(n):
        target = _target_words(rng)
        parts, words = [], 0
        # Runs of consecutive paragraphs keep quotes and their speakers together.
        while words < target:
            at = rng.randrange(len(paragraphs))
            for paragraph, count in paragraphs[at : at + rng.randint(1, 4)]:
                parts.append(paragraph)
                words += count
                if words >= target:
                    break
        outlet = outlets[rng.randrange(len(outlets))]
        published = START + timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(1440))
        yield {
            "id": f"bench-{seed}-{i:07d}",
            "outlet": outlet,
            "published": published.isoformat(),
            "title": titles[rng.randrange(len(titles))],
            "text": "\n\n".join(parts),
            "url": f"https://bench.example/{outlet.lower().replace(' ', '-')}/{i}",
            "section": sections[rng.randrange(len(sections))],
            "author": "",
            "event_id": "",
        }


def write(n: int, seed: int = 5, formats=("jsonl", "parquet"), out: Path = OUT) -> dict[str, Path]:
    """Write the corpus of ``n`` articles (skipped when already there); returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {fmt: out / f"corpus-{n}.{fmt}" for fmt in formats}
    if all(p.exists() for p in paths.values()):
        return paths
    chunk: list[dict] = []
    writer = None
    jsonl = paths["jsonl"].open("w", encoding="utf-8") if "jsonl" in paths else None
    try:
        for record in generate(n, seed):
            if jsonl:
                jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
            if "parquet" in paths:
                chunk.append(record)
                if len(chunk) >= 10_000:
                    writer = _write_chunk(writer, chunk, paths["parquet"])
                    chunk = []
        if "parquet" in paths and chunk:
            writer = _write_chunk(writer, chunk, paths["parquet"])
    finally:
        if jsonl:
            jsonl.close()
        if writer:
            writer.close()
    return paths


def _write_chunk(writer, chunk: list[dict], path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(chunk)
    if writer is None:
        writer = pq.ParquetWriter(path, table.schema, compression="zstd")
    writer.write_table(table, row_group_size=5000)
    return writer


def load(n: int, seed: int = 5) -> list:
    """The corpus of ``n`` articles as :class:`analysis.records.Article` (ingest's cleaning and ids)."""
    from analysis.ingest import load_paths

    path = write(n, seed, formats=("jsonl", "parquet"))["jsonl"]
    return [a for a in load_paths([path]) if not hasattr(a, "problem")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    for n in args.n:
        paths = write(n, args.seed)
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in paths.values())
        print(f"{n:>7} articles: {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
