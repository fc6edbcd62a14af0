"""Target sentiment validity on NewsMTSC: three measures against the annotators' labels.

Run: ``.venv/bin/python bench/validity/newsmtsc.py --data /work/data/newsmtsc --split train-dev``

``--data`` is a folder holding NewsMTSC's ``train.jsonl`` (MIT licence; fetch it from
github.com/fhamborg/NewsMTSC, ``NewsSentiment/controller_data/datasets/NewsMTSC-dataset/``;
none of it is in this repository). Only train is read; ``--split train-dev`` is the dev
part carved from it (by article, seeded: ``bench/validity/newsmtsc_data.py``), on which
the shipped model was not trained; ``train-train`` is the part it was trained on.

Measures, each a label per mention (negative / neutral / positive):

- sentence: what Slant reported before, the VADER compound of the mention's sentence,
  negative at <= -0.05, positive at >= 0.05 (``analysis.measures.sentiment.sentences``);
- scoped rules: VADER's per-word sentiments nearest to the target, outside quotations it
  is not part of (``TargetSentiment.rule_score``), with the same thresholds;
- model: the shipped logistic regression (``target_model.json``), its most likely class.

Prints macro F1 over the three classes (F1m, NewsMTSC's measure), accuracy and per-class
F1, and the always-neutral floor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from analysis.measures.sentiment.sentences import NEGATIVE_AT, POSITIVE_AT  # noqa: E402
from analysis.measures.sentiment.toward_target import (  # noqa: E402
    TargetSentiment,
    load_model,
)
from analysis.text import fold_quotes  # noqa: E402
from bench.validity.newsmtsc_data import LABELS, SPLITS, load  # noqa: E402


def threshold(score: float) -> str:
    if score <= NEGATIVE_AT:
        return "negative"
    return "positive" if score >= POSITIVE_AT else "neutral"


def f1_scores(gold: list[str], predicted: list[str]) -> tuple[float, float, dict[str, float]]:
    """Macro F1, accuracy and per-class F1."""
    per_class = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label != p)
        per_class[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold)
    return sum(per_class.values()) / len(LABELS), accuracy, per_class


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding train.jsonl")
    parser.add_argument("--split", default="train-dev", choices=SPLITS)
    args = parser.parse_args(argv)

    mentions = load(args.data, args.split)
    scorer = TargetSentiment()
    gold = [m.label for m in mentions]
    predicted: dict[str, list[str]] = {"sentence": [], "scoped rules": [], "model": []}
    for m in mentions:
        text = fold_quotes(m.sentence)
        result = scorer.score(text, (0, len(text)), (m.start, m.end))
        features, _ = scorer.features(text, (0, len(text)), (m.start, m.end))
        predicted["sentence"].append(threshold(features["sentence"]))
        predicted["scoped rules"].append(threshold(result.rule_score))
        predicted["model"].append(result.label)
    predicted["always neutral"] = ["neutral"] * len(gold)

    counts = {label: gold.count(label) for label in LABELS}
    print(
        f"NewsMTSC {args.split}: {len(gold)} mentions "
        f"({', '.join(f'{k} {v}' for k, v in counts.items())}); model {load_model().hash}"
    )
    print(
        f"{'measure':<16} {'F1m':>6} {'acc':>6} " + " ".join(f"{'F1 ' + k[:3]:>7}" for k in LABELS)
    )
    for name, labels in predicted.items():
        f1m, accuracy, per_class = f1_scores(gold, labels)
        print(
            f"{name:<16} {f1m:6.3f} {accuracy:6.3f} "
            + " ".join(f"{per_class[k]:7.3f}" for k in LABELS)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
