"""Loaded language against BABE's expert labels (Spinde et al. 2021).

    .venv/bin/python -m bench.validity.babe --data /work/data/babe [--split SG2]
        [--lexicons DIR] [--misses 40] [--false-hits 40]

BABE ("Bias Annotations By Experts") labels sentences from US political news
as biased or non-biased and lists, per sentence, the words the experts marked
as biased. The corpus is third-party text without a stated licence: it is read
from ``--data`` (``final_labels_SG2.csv``, ``;``-separated, as published in
Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE)
and never copied into the repository. Only figures are printed; ``--misses`` and
``--false-hits`` print development lists to the terminal.

Each sentence is scored by the real :class:`analysis.pipeline.Analyzer` as the
body of a one-sentence article, and its ``framing`` evidence rows are the
lexicon's hits (title empty, so nothing is scored twice).

- **Sentence level**: the share of biased and of non-biased sentences with at
  least one hit, their ratio, and precision/recall/F1 of "flagged" as a
  prediction of "biased" ("No agreement" sentences are left out).
- **Word level**: per sentence, the set of distinct lower-cased words inside a
  hit against the set of words the experts marked (BABE lists single words;
  a marked phrase appears as its words); true positives are summed over all
  sentences, biased or not. A word matched twice in one sentence counts once,
  as BABE lists it once.

Both are given for the whole lexicon and per family. A family is a
category of ``bias_types.csv`` (the bias-type families: spin, sensationalism,
...) or ``conflict_news`` for every category of ``framing.csv``. A family's
word-level recall is its share of all marked words, so the families' recalls
add up to about the whole lexicon's.
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from analysis.pipeline import Analyzer
from analysis.records import Article
from analysis.text import tokenize
from analysis.text.lexicons import LexiconError, load_lexicons

SPLIT_FILES = {"SG2": "final_labels_SG2.csv", "SG1": "final_labels_SG1.csv"}
CONFLICT_FAMILY = "conflict_news"


@dataclass(slots=True)
class Sentence:
    text: str
    biased: bool | None  # None: the experts did not agree
    marked: frozenset[str]


@dataclass(slots=True)
class Tally:
    """Counts for one family (or the whole lexicon)."""

    flagged_biased: int = 0
    flagged_unbiased: int = 0
    word_hits: int = 0  # distinct (sentence, word) pairs inside a hit
    word_true: int = 0  # of those, marked by the experts
    patterns: Counter = field(default_factory=Counter)


def read_babe(path: Path) -> list[Sentence]:
    """BABE's sentences; a clear message (file, row, fix) for anything unreadable."""
    if not path.exists():
        sys.exit(
            f"{path}: not found; fetch the BABE repository and copy its data/ files "
            "to --data (see docs/validity.md)"
        )
    sentences = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        needed = {"text", "label_bias", "biased_words"}
        if not needed <= set(reader.fieldnames or ()):
            sys.exit(f"{path}: expected the columns {', '.join(sorted(needed))}; is it BABE?")
        for row_number, row in enumerate(reader, start=2):
            try:
                words = ast.literal_eval(row["biased_words"] or "[]")
            except (ValueError, SyntaxError):
                sys.exit(
                    f"{path}, row {row_number}: biased_words is not a list "
                    f"({row['biased_words'][:40]!r}); re-download the file"
                )
            label = row["label_bias"].strip()
            biased = True if label == "Biased" else False if label == "Non-biased" else None
            marked = frozenset(form for word in words for *_, form in tokenize(word))
            sentences.append(Sentence(row["text"], biased, marked))
    return sentences


def prf(true: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = true / predicted if predicted else 0.0
    recall = true / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(sentences: list[Sentence], lexicon_dir: Path | None, own_voice: bool = False):
    try:
        lexicons = load_lexicons(lexicon_dir) if lexicon_dir else load_lexicons()
    except LexiconError as exc:
        sys.exit(str(exc))
    analyzer = Analyzer(lexicons)
    families = {category: category for category in lexicons.bias_types}
    tallies: dict[str, Tally] = {"ALL": Tally()}
    misses: Counter = Counter()
    false_hits: Counter = Counter()
    for number, sentence in enumerate(sentences):
        result = analyzer.analyze(Article(f"babe-{number}", "babe", sentence.text))
        rows = [
            e
            for e in result.evidence
            if e.kind == "framing" and e.field == "text" and (not own_voice or e.voice == "own")
        ]
        tokens = tokenize(sentence.text)
        words_by_family: dict[str, set[str]] = {"ALL": set()}
        for row in rows:
            family = families.get(row.label, CONFLICT_FAMILY)
            inside = {form for start, end, form in tokens if start >= row.start and end <= row.end}
            words_by_family["ALL"] |= inside
            words_by_family.setdefault(family, set()).update(inside)
            tallies.setdefault(family, Tally()).patterns[row.pattern] += 1
            tallies["ALL"].patterns[row.pattern] += 1
            if not inside & sentence.marked:
                false_hits[row.pattern, sentence.biased] += 1
        for family, words in words_by_family.items():
            tally = tallies.setdefault(family, Tally())
            if words and sentence.biased is True:
                tally.flagged_biased += 1
            elif words and sentence.biased is False:
                tally.flagged_unbiased += 1
            tally.word_hits += len(words)
            tally.word_true += len(words & sentence.marked)
        misses.update(sentence.marked - words_by_family["ALL"])
    return tallies, misses, false_hits, lexicons


def report(sentences, tallies, lexicons, split: str) -> None:
    n_biased = sum(1 for s in sentences if s.biased is True)
    n_unbiased = sum(1 for s in sentences if s.biased is False)
    gold = sum(len(s.marked) for s in sentences)
    print(
        f"BABE {split}: {len(sentences)} sentences ({n_biased} biased, {n_unbiased} non-biased, "
        f"{len(sentences) - n_biased - n_unbiased} without agreement), {gold} marked words; "
        f"lexicon {lexicons.hash}, {len(lexicons.framing)} framing patterns"
    )
    header = (
        f"{'family':24} {'patterns':>8} {'biased':>8} {'non-b.':>8} {'ratio':>6} "
        f"{'s.P':>5} {'s.R':>5} {'s.F1':>5} | {'w.hits':>6} {'w.P':>5} {'w.R':>5} {'w.F1':>5}"
    )
    print(header)
    print("-" * len(header))
    counts = Counter()
    for term in lexicons.framing:
        counts[term.category if term.category in lexicons.bias_types else CONFLICT_FAMILY] += 1
    counts["ALL"] = len(lexicons.framing)
    order = ["ALL"] + sorted(k for k in tallies if k != "ALL")
    for family in order:
        t = tallies[family]
        share_b = t.flagged_biased / n_biased if n_biased else 0.0
        share_u = t.flagged_unbiased / n_unbiased if n_unbiased else 0.0
        ratio = f"{share_b / share_u:6.1f}" if share_u else "   inf" if share_b else "     -"
        sp, sr, sf = prf(t.flagged_biased, t.flagged_biased + t.flagged_unbiased, n_biased)
        wp, wr, wf = prf(t.word_true, t.word_hits, gold)
        print(
            f"{family:24} {counts[family]:8d} {share_b:8.1%} {share_u:8.1%} {ratio} "
            f"{sp:5.2f} {sr:5.2f} {sf:5.2f} | {t.word_hits:6d} {wp:5.2f} {wr:5.2f} {wf:5.2f}"
        )
    print(
        "biased / non-biased: share of each class's sentences with a hit; s.*: sentence-level "
        "P/R/F1 of 'flagged' for 'biased'; w.*: word-level P/R/F1 against the marked words"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with BABE's csv files")
    parser.add_argument("--split", choices=sorted(SPLIT_FILES), default="SG2")
    parser.add_argument("--lexicons", type=Path, help="lexicon folder (default data/lexicons)")
    parser.add_argument(
        "--own-voice",
        action="store_true",
        help="count only hits in the outlet's own words (not inside quotes or paraphrases)",
    )
    parser.add_argument("--misses", type=int, default=0, help="print the N most missed words")
    parser.add_argument(
        "--false-hits",
        type=int,
        default=0,
        help="print the N patterns most often hitting no marked word",
    )
    args = parser.parse_args(argv)
    sentences = read_babe(args.data / SPLIT_FILES[args.split])
    tallies, misses, false_hits, lexicons = score(sentences, args.lexicons, args.own_voice)
    if args.own_voice:
        print("own voice only: hits inside quotes and paraphrases are left out")
    report(sentences, tallies, lexicons, args.split)
    if args.misses:
        print(f"\nmost often missed marked words (top {args.misses}):")
        print(", ".join(f"{w} {n}" for w, n in misses.most_common(args.misses)))
    if args.false_hits:
        print(
            f"\npatterns hitting no marked word (pattern, sentence biased?) (top {args.false_hits}):"
        )
        for (pattern, biased), n in false_hits.most_common(args.false_hits):
            print(f"  {n:4d}  {pattern!r:40} biased={biased}")


if __name__ == "__main__":
    main()
