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


def fit(rows, y, c: float, class_weight: str, min_count: int):
    """A vectorizer and a logistic regression fitted on ``rows`` (feature dicts)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(k for row in rows for k in row if ":" in k)
    keep = {k for k, n in counts.items() if n >= min_count}
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([weighted(row, keep) for row in rows])
    model = LogisticRegression(
        C=c, max_iter=5000, class_weight=None if class_weight == "none" else class_weight
    )
    model.fit(X, y)
    return vectorizer, model


def choose(args, rows, y, mentions) -> tuple[float, str, int]:
    """The grid's settings with the best mean macro F1 over ``args.cv`` article folds."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    groups = [m.article for m in mentions]
    folds = list(GroupKFold(n_splits=args.cv).split(rows, y, groups))
    results = []
    for c in args.grid_c:
        for class_weight in args.grid_class_weight:
            for min_count in args.grid_min_count:
                scores = []
                for train, test in folds:
                    vectorizer, model = fit(
                        [rows[i] for i in train],
                        [y[i] for i in train],
                        c,
                        class_weight,
                        min_count,
                    )
                    X = vectorizer.transform(
                        [weighted(rows[i], set(vectorizer.vocabulary_)) for i in test]
                    )
                    predicted = model.predict(X)
                    scores.append(f1_score([y[i] for i in test], predicted, average="macro"))
                mean = sum(scores) / len(scores)
                results.append((mean, c, class_weight, min_count))
                print(
                    f"  C={c:<5} class_weight={class_weight:<8} min_count={min_count}: "
                    f"CV F1m {mean:.4f} (folds {' '.join(f'{x:.3f}' for x in scores)})",
                    flush=True,
                )
    best = max(results)
    print(f"chosen: C={best[1]} class_weight={best[2]} min_count={best[3]} (CV F1m {best[0]:.4f})")
    return best[1], best[2], best[3]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding train.jsonl")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--c", type=float, default=0.1, help="inverse L2 strength (default 0.1)")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument(
        "--class-weight", choices=("none", "balanced"), default="none", help="default none"
    )
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="choose settings by CV")
    parser.add_argument("--grid-c", type=float, nargs="+", default=[0.05, 0.1, 0.2, 0.4])
    parser.add_argument(
        "--grid-class-weight", nargs="+", default=["none", "balanced"], choices=("none", "balanced")
    )
    parser.add_argument("--grid-min-count", type=int, nargs="+", default=[3, 5])
    args = parser.parse_args(argv)

    mentions = load(args.data, "train-train")
    scorer = TargetSentiment(model=None)
    rows = featurize(scorer, mentions)
    y = [m.label for m in mentions]
    if args.cv:
        args.c, args.class_weight, args.min_count = choose(args, rows, y, mentions)
    vectorizer, model = fit(rows, y, args.c, args.class_weight, args.min_count)
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
            "class_weight": args.class_weight,
            "min_count": args.min_count,
            "chosen_by": f"{args.cv}-fold CV on the train part" if args.cv else "given",
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
