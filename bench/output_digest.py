"""Digest of everything the analysis produces, to prove a speed change changed no output.

Run: ``.venv/bin/python bench/output_digest.py [--n 3000] [--save FILE | --compare FILE]``

Analyzes the sample corpus (``data/sample``) plus the first ``--n`` articles of the
synthetic bench corpus (``bench/corpus.py``) in this process with ``Analyzer.analyze``
and prints one SHA-256 over every result: scores, category counts, every evidence
row (all fields), every sentence score and every target score. ``--save`` writes one
digest per article to FILE; ``--compare`` reads such a file and lists the articles
whose results differ (with the first differing field), so an optimisation can be
checked against the tree before it, article by article.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.analyze import add_unseen_share_option  # noqa: E402


def canonical(result) -> dict:
    """An AnalysisResult as plain JSON-able parts, floats as repr (exact)."""

    def plain(value):
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        return value

    return {
        "scores": {k: plain(v) for k, v in sorted(result.scores.items())},
        "category_counts": sorted([list(k), v] for k, v in result.category_counts.items()),
        "evidence": [plain(astuple(e)) for e in result.evidence],
        "sentences": [plain(astuple(s)) for s in result.sentences],
        "targets": [plain(astuple(t)) for t in result.targets],
        "stamp": [result.analysis_version, result.lexicon_hash],
    }


def articles(n: int, unseen_share: float = 0.0) -> list:
    from analysis.ingest import load_paths
    from analysis.records import Article

    sample = [a for a in load_paths([ROOT / "data" / "sample"]) if isinstance(a, Article)]
    chosen = sample + (corpus.load(n) if n else [])
    if unseen_share:
        from bench.analyze import with_unseen_words

        chosen = with_unseen_words(chosen, unseen_share)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, default=3000, help="bench-corpus articles besides the sample"
    )
    add_unseen_share_option(parser)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path, help="write per-article digests (JSON) here")
    group.add_argument("--compare", type=Path, help="compare with a file written by --save")
    args = parser.parse_args(argv)

    from analysis.pipeline import Analyzer
    from analysis.text.lexicons import load_lexicons

    analyzer = Analyzer(load_lexicons())
    total = hashlib.sha256()
    per_article: dict[str, str] = {}
    parts: dict[str, dict] = {}
    for article in articles(args.n, args.unseen_share):
        data = canonical(analyzer.analyze(article))
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        digest = hashlib.sha256(blob).hexdigest()
        per_article[article.article_id] = digest
        parts[article.article_id] = data
        total.update(blob)
    evidence = sum(len(p["evidence"]) for p in parts.values())
    print(f"{len(per_article)} articles, {evidence} evidence rows: {total.hexdigest()}")

    if args.save:
        args.save.write_text(
            json.dumps({"digests": per_article, "parts": parts}, ensure_ascii=False)
        )
        print(f"saved per-article digests to {args.save}")
    if args.compare:
        saved = json.loads(args.compare.read_text())
        differ = [a for a, d in per_article.items() if saved["digests"].get(a) != d]
        missing = set(saved["digests"]) - set(per_article)
        print(f"{len(differ)} articles differ, {len(missing)} missing")
        for aid in differ[:10]:
            old, new = saved["parts"].get(aid, {}), parts[aid]
            for key in new:
                if old.get(key) != new[key]:
                    a, b = old.get(key), new[key]
                    if isinstance(a, list) and isinstance(b, list):
                        for i, (x, y) in enumerate(zip(a, b, strict=False)):
                            if x != y:
                                print(
                                    f"  {aid} {key}[{i}]: was {x!r}\n{'':>{len(aid) + 2}} now {y!r}"
                                )
                                break
                        else:
                            print(f"  {aid} {key}: length {len(a)} -> {len(b)}")
                    else:
                        print(f"  {aid} {key}: was {a!r}, now {b!r}")
                    break
        return 1 if differ or missing else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
