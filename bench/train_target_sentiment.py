"""Rebuild ``analysis/measures/sentiment/target_model.json`` from NewsMTSC's train split.

Run: ``.venv/bin/python bench/train_target_sentiment.py --data /work/data/newsmtsc``

Trains a multinomial logistic regression (scikit-learn, L2, ``--c``) on the features of
``analysis.measures.sentiment.toward_target`` for the mentions of the train part of
``train.jsonl`` (the dev part, see ``bench/validity/newsmtsc_data.py``, is left for
``bench/validity/newsmtsc.py``). Word features seen fewer than ``--min-count`` times in
the train part are dropped. Writes coefficients as JSON (no pickle); after a rebuild the
model hash, and so the analysis version, changes and ``slant rescore`` re-scores.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.measures.sentiment.toward_target import (  # noqa: E402
    MODEL_FILE,
    MODEL_FORMAT,
    NUMERIC_WEIGHT,
    TargetSentiment,
)
from analysis.text import fold_quotes  # noqa: E402
from bench.validity.newsmtsc_data import DEV_SEED, load  # noqa: E402


def featurize(scorer: TargetSentiment, mentions) -> list[dict[str, float]]:
    rows = []
    for m in mentions:
        text = fold_quotes(m.sentence)
        features, _ = scorer.features(text, (0, len(text)), (m.start, m.end))
        rows.append(features)
    return rows


def weighted(features: dict[str, float], keep: set[str]) -> dict[str, float]:
    return {
        k: v if ":" in k else v * NUMERIC_WEIGHT
        for k, v in features.items()
        if ":" not in k or k in keep
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding train.jsonl")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--c", type=float, default=0.1, help="inverse L2 strength (default 0.1)")
    parser.add_argument("--min-count", type=int, default=5)
    args = parser.parse_args(argv)

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    mentions = load(args.data, "train-train")
    scorer = TargetSentiment(model=None)
    rows = featurize(scorer, mentions)
    counts = Counter(k for row in rows for k in row if ":" in k)
    keep = {k for k, c in counts.items() if c >= args.min_count}
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([weighted(row, keep) for row in rows])
    y = [m.label for m in mentions]
    model = LogisticRegression(C=args.c, max_iter=5000)
    model.fit(X, y)
    classes = [str(c) for c in model.classes_]
    names = vectorizer.feature_names_
    weights = {
        name: [round(float(model.coef_[k][j]), 5) for k in range(len(classes))]
        for j, name in enumerate(names)
    }
    # Words whose weights all round to zero carry nothing: leave them out of the file.
    weights = {k: w for k, w in weights.items() if any(w) or ":" not in k}
    data = {
        "format": MODEL_FORMAT,
        "classes": classes,
        "intercept": [round(float(b), 5) for b in model.intercept_],
        "numeric_weight": NUMERIC_WEIGHT,
        "trained_on": {
            "corpus": "NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; MIT licence)",
            "split": f"train minus the dev articles (seed {DEV_SEED!r})",
            "mentions": len(mentions),
            "c": args.c,
            "min_count": args.min_count,
            "sklearn": __import__("sklearn").__version__,
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        },
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n")
    print(
        f"{args.out}: {len(weights)} features x {len(classes)} classes from {len(mentions)} "
        f"mentions ({args.out.stat().st_size / 1024:.0f} KiB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
