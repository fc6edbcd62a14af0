"""Rebuild ``analysis/measures/sentiment/target_model.json`` from NewsMTSC's train split.

Run: ``.venv/bin/python bench/train_target_sentiment.py --data /work/data/newsmtsc``

Trains a multinomial logistic regression (scikit-learn, L2, ``--c``) on the features of
``analysis.measures.sentiment.toward_target`` for the mentions of the train part of
``train.jsonl`` (the dev part, see ``bench/validity/newsmtsc_data.py``, is left for
``bench/validity/newsmtsc.py``). Word features seen fewer than ``--min-count`` times in
the train part are dropped, and so are those whose fitted weights move no class's logit
against neutral's by ``--min-weight``. Numeric features are multiplied by
``--numeric-weight`` and "sentence:" word features by ``--sentence-word-weight`` before
fitting: under one L2 penalty a feature's scale sets how freely its weight may grow (the
sentence's words are shared by all its mentions, so they get less room than the words
near the mention). Both scalings are folded into the stored weights (numeric ones by the
loader, from the file's ``numeric_weight``), so scoring uses the raw feature values.
Writes coefficients as JSON (no pickle); after a rebuild the model hash, and so the
analysis version, changes and ``slant rescore`` re-scores.

The defaults are the settings the shipped model was trained with: chosen by 4-fold CV by
article on the train part (``--cv 4``), except ``--min-weight``, the largest threshold
under which the CV mean did not move (0.6456 from 0 to 0.05) that kept the target stage's
instruction count from growing with the larger vocabulary (``bench/instructions.py``).
BLAS runs one thread so a rebuild gives the same coefficients.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

# One BLAS thread: the fit is small, and threads sum in varying order (and oversubscribe
# a shared machine).
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

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


def scale_of(name: str, numeric_weight: float, sentence_word_weight: float) -> float:
    """What feature ``name`` is multiplied by before fitting."""
    if ":" not in name:
        return numeric_weight
    return sentence_word_weight if name.startswith("sentence:") else 1.0


def weighted(
    features: dict[str, float], keep: set[str], numeric_weight: float, sentence_word_weight: float
) -> dict[str, float]:
    return {
        k: v * scale_of(k, numeric_weight, sentence_word_weight)
        for k, v in features.items()
        if ":" not in k or k in keep
    }


def fit(rows, y, args):
    """A vectorizer and a logistic regression fitted on ``rows`` (feature dicts) with the
    settings of ``args`` (c, class_weight, min_count, numeric_weight, sentence_word_weight)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(k for row in rows for k in row if ":" in k)
    keep = {k for k, n in counts.items() if n >= args.min_count}
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform(
        [weighted(row, keep, args.numeric_weight, args.sentence_word_weight) for row in rows]
    )
    model = LogisticRegression(
        C=args.c,
        max_iter=5000,
        class_weight=None if args.class_weight == "none" else args.class_weight,
    )
    model.fit(X, y)
    drop_weak_words(model, vectorizer.feature_names_, args)
    return vectorizer, model


def drop_weak_words(model, names: list[str], args) -> None:
    """Zero the weights of the word features that move no class's logit against neutral's
    by ``args.min_weight`` or more (as stored, scaling folded in): the softmax sees only
    those differences, and every word the model knows costs the scorer work on each
    sentence that holds it. Not refitted; ``--cv`` measures the pruned model."""
    import numpy as np

    coef = model.coef_
    neutral = list(model.classes_).index("neutral")
    scale = np.array([scale_of(n, 1.0, args.sentence_word_weight) for n in names])
    spread = np.abs(coef - coef[neutral]).max(axis=0) * scale
    is_word = np.array([":" in n for n in names])
    coef[:, is_word & (spread < args.min_weight)] = 0.0


GRID = ("c", "class_weight", "min_count", "numeric_weight", "sentence_word_weight")


def cross_validate(args, rows, y, folds) -> list[float]:
    """Macro F1 of each fold's held-out articles for the settings of ``args``."""
    from sklearn.metrics import f1_score

    scores = []
    for train, test in folds:
        vectorizer, model = fit([rows[i] for i in train], [y[i] for i in train], args)
        X = vectorizer.transform(
            [
                weighted(
                    rows[i],
                    set(vectorizer.vocabulary_),
                    args.numeric_weight,
                    args.sentence_word_weight,
                )
                for i in test
            ]
        )
        scores.append(f1_score([y[i] for i in test], model.predict(X), average="macro"))
    return scores


def choose(args, rows, y, mentions) -> argparse.Namespace:
    """``args`` with the grid's settings of best mean macro F1 over ``args.cv`` article folds."""
    from itertools import product

    from sklearn.model_selection import GroupKFold

    groups = [m.article for m in mentions]
    folds = list(GroupKFold(n_splits=args.cv).split(rows, y, groups))
    grids = [getattr(args, "grid_" + name) for name in GRID]
    results = []
    for settings in product(*grids):
        trial = argparse.Namespace(**{**vars(args), **dict(zip(GRID, settings, strict=True))})
        scores = cross_validate(trial, rows, y, folds)
        mean = sum(scores) / len(scores)
        results.append((mean, settings))
        named = " ".join(f"{k}={v}" for k, v in zip(GRID, settings, strict=True))
        print(
            f"  {named}: CV F1m {mean:.4f} (folds {' '.join(f'{x:.3f}' for x in scores)})",
            flush=True,
        )
    mean, settings = max(results, key=lambda r: r[0])
    chosen = dict(zip(GRID, settings, strict=True))
    print(f"chosen: {' '.join(f'{k}={v}' for k, v in chosen.items())} (CV F1m {mean:.4f})")
    return argparse.Namespace(**{**vars(args), **chosen})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding train.jsonl")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--c", type=float, default=0.1, help="inverse L2 strength (default 0.1)")
    parser.add_argument("--min-count", type=int, default=2, help="default 2")
    parser.add_argument(
        "--class-weight", choices=("none", "balanced"), default="balanced", help="default balanced"
    )
    parser.add_argument(
        "--numeric-weight",
        type=float,
        default=NUMERIC_WEIGHT,
        help=f"numeric features' scale (default {NUMERIC_WEIGHT})",
    )
    parser.add_argument(
        "--sentence-word-weight",
        type=float,
        default=0.7,
        help='"sentence:" word features\' scale (default 0.7)',
    )
    parser.add_argument(
        "--min-weight",
        type=float,
        default=0.05,
        help="drop word features whose weights move no logit against neutral's by this much "
        "(default 0.05)",
    )
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="choose settings by CV")
    parser.add_argument("--grid-c", type=float, nargs="+", default=[0.05, 0.1, 0.2])
    parser.add_argument(
        "--grid-class-weight", nargs="+", default=["none", "balanced"], choices=("none", "balanced")
    )
    parser.add_argument("--grid-min-count", type=int, nargs="+", default=[2, 5])
    parser.add_argument("--grid-numeric-weight", type=float, nargs="+", default=[1.0, 3.0])
    parser.add_argument("--grid-sentence-word-weight", type=float, nargs="+", default=[0.7, 1.0])
    parser.add_argument(
        "--cv-only", action="store_true", help="print the CV F1m of the settings; write nothing"
    )
    args = parser.parse_args(argv)

    mentions = load(args.data, "train-train")
    scorer = TargetSentiment(model=None)
    rows = featurize(scorer, mentions)
    y = [m.label for m in mentions]
    if args.cv_only:
        from sklearn.model_selection import GroupKFold

        folds = GroupKFold(n_splits=args.cv or 4).split(rows, y, [m.article for m in mentions])
        scores = cross_validate(args, rows, y, list(folds))
        print(
            f"CV F1m {sum(scores) / len(scores):.4f} (folds {' '.join(f'{x:.3f}' for x in scores)})"
        )
        return 0
    if args.cv:
        args = choose(args, rows, y, mentions)
        chosen_by = f"{args.cv}-fold CV on the train part"
    elif all(getattr(args, k) == parser.get_default(k) for k in (*GRID, "min_weight")):
        chosen_by = "the defaults of bench/train_target_sentiment.py (see its docstring)"
    else:
        chosen_by = "given"
    vectorizer, model = fit(rows, y, args)
    classes = [str(c) for c in model.classes_]
    names = vectorizer.feature_names_
    # Word features' scaling folded into their weights (the loader folds numeric_weight).
    word_scale = {name: scale_of(name, 1.0, args.sentence_word_weight) for name in names}
    weights = {
        name: [round(float(model.coef_[k][j]) * word_scale[name], 5) for k in range(len(classes))]
        for j, name in enumerate(names)
    }
    # Words whose weights are all zero (dropped as weak, or rounded) carry nothing: leave
    # them out of the file.
    weights = {k: w for k, w in weights.items() if any(w) or ":" not in k}
    data = {
        "format": MODEL_FORMAT,
        "classes": classes,
        "intercept": [round(float(b), 5) for b in model.intercept_],
        "numeric_weight": args.numeric_weight,
        "trained_on": {
            "corpus": "NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; MIT licence)",
            "split": f"train minus the dev articles (seed {DEV_SEED!r})",
            "mentions": len(mentions),
            "c": args.c,
            "class_weight": args.class_weight,
            "min_count": args.min_count,
            "sentence_word_weight": args.sentence_word_weight,
            "min_weight": args.min_weight,
            "chosen_by": chosen_by,
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
