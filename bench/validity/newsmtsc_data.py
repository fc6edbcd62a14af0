"""NewsMTSC's train.jsonl, read and split into a train part and a dev part.

NewsMTSC (Hamborg & Donnay, EACL 2021; MIT licence; github.com/fhamborg/NewsMTSC, the
files under ``NewsSentiment/controller_data/datasets/NewsMTSC-dataset/``): sentences from
US political news, each named person labelled negative / neutral / positive toward them.
Only ``train.jsonl`` is read: ``devtest_mt.jsonl`` and ``devtest_rw.jsonl`` (and the
dev/test files made from them) are held out for acceptance and are refused here.

The dev split: a sentence is in dev when the SHA-256 of ``DEV_SEED`` + its article key
(the first three ``_``-separated fields of ``primary_gid``: the source and the article's
ids, e.g. ``allsides_1000_401``) has a first byte below 52 (about 20% of the articles).
Splitting by article keeps sentences of one article on one side. 5,446 articles; dev
holds 1,791 of the 8,739 labelled mentions, train 6,948.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

DEV_SEED = "slant-newsmtsc-dev-v1"
DEV_BELOW = 52  # of 256: about a fifth of the articles
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
LABELS = ("negative", "neutral", "positive")
SPLITS = ("train-train", "train-dev")
_HELD_OUT = ("devtest", "dev.jsonl", "test.jsonl")


@dataclass(frozen=True, slots=True)
class Mention:
    """One labelled mention: its sentence, its character span and the gold label."""

    article: str
    sentence: str
    start: int
    end: int
    label: str


def article_key(primary_gid: str) -> str:
    return "_".join(primary_gid.split("_")[:3])


def in_dev(primary_gid: str) -> bool:
    digest = hashlib.sha256((DEV_SEED + article_key(primary_gid)).encode()).digest()
    return digest[0] < DEV_BELOW


def train_file(data: Path) -> Path:
    """``data/train.jsonl`` (or ``data`` itself when it is that file); never a held-out file."""
    path = Path(data)
    if path.is_dir():
        path = path / "train.jsonl"
    if any(part in path.name for part in _HELD_OUT):
        raise SystemExit(f"{path}: held out for acceptance; only train.jsonl may be read")
    if not path.is_file():
        raise SystemExit(
            f"{path}: not found; copy NewsMTSC's train.jsonl there (see bench/validity/newsmtsc.py)"
        )
    return path


def load(data: Path, split: str) -> list[Mention]:
    """The mentions of ``split``: ``train-train`` (train minus dev) or ``train-dev``."""
    if split not in SPLITS:
        raise SystemExit(f"--split {split}: choose one of {', '.join(SPLITS)}")
    want_dev = split == "train-dev"
    out = []
    path = train_file(data)
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}, line {number}: not JSON ({error})") from None
            if in_dev(row["primary_gid"]) != want_dev:
                continue
            for target in row["targets"]:
                out.append(
                    Mention(
                        article_key(row["primary_gid"]),
                        row["sentence_normalized"],
                        target["from"],
                        target["to"],
                        POLARITY[target["polarity"]],
                    )
                )
    return out
