"""Drawing a sample of a measure's evidence for human coding, and the coding scheme.

A sample has two kinds of item:

* **precision** items: evidence rows of the measure (an attribution, a framing term,
  a hedge, a target mention), each to be coded "correct" or "wrong" (with a reason
  from the measure's list) or skipped;
* **recall** items: random body sentences, with and without evidence of the measure,
  in which coders mark the instances the machine missed.

Draws are seeded (numpy's default generator, from ``seed``), over candidates in a fixed
order, so the same store, measure, options and seed give the same sample. With
``stratify_by="outlet"`` each outlet is a stratum: ``allocation="equal"`` gives every
outlet the same number of items (an outlet with fewer candidates gives all it has and
the rest go to the others), ``"proportional"`` gives each outlet its share of the
candidates (largest remainders). Without strata the draw is a simple random sample,
which is proportional in expectation.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.records import EVIDENCE_COLUMNS

#: Codes a coder can give. Precision items: correct / wrong / skip. Recall items:
#: nothing missed / missed (with the missed spans) / skip.
PRECISION_CODES = ("correct", "wrong", "skip")
RECALL_CODES = ("none_missed", "missed", "skip")

#: Why an item is wrong, per measure (the Validate page's list and the sheet's choices).
REASONS: dict[str, tuple[str, ...]] = {
    "attribution": (
        "not an attribution",
        "wrong source",
        "wrong speaker",
        "wrong cue",
        "wrong cue class",
        "wrong quote type",
        "wrong span",
        "other",
    ),
    "framing": ("not loaded in this context", "wrong category", "wrong span", "other"),
    "hedge": ("not a hedge in this context", "wrong span", "other"),
    "target": ("not this target", "not a mention of a target", "other"),
}
DEFAULT_REASONS = ("not an instance of the measure", "wrong span", "other")

#: The question a coder answers, per measure: (precision question, what recall asks for).
QUESTIONS: dict[str, tuple[str, str]] = {
    "attribution": (
        "Is the highlighted passage a statement attributed to a source, with the right "
        "source (underlined) and the right cue (boxed)?",
        "attribution (a statement attributed to a source)",
    ),
    "framing": (
        "Is the highlighted term loaded language of its category in this context?",
        "loaded term of the framing lexicon's kind",
    ),
    "hedge": ("Is the highlighted phrase a hedge in this context?", "hedge"),
    "target": (
        "Does the highlighted phrase mention the named target?",
        "mention of a listed target",
    ),
}


def reasons_for(measure: str) -> tuple[str, ...]:
    return REASONS.get(measure, DEFAULT_REASONS)


def question_for(measure: str) -> tuple[str, str]:
    return QUESTIONS.get(
        measure,
        (f"Is the highlighted passage a correct instance of {measure}?", f"instance of {measure}"),
    )


def allocate(sizes: Mapping[str, int], n: int, allocation: str = "equal") -> dict[str, int]:
    """How many of ``n`` items each stratum gives, never more than it has.

    >>> allocate({"A": 10, "B": 2, "C": 10}, 12, "equal")
    {'A': 5, 'B': 2, 'C': 5}
    >>> allocate({"A": 30, "B": 10}, 8, "proportional")
    {'A': 6, 'B': 2}
    """
    if allocation not in ("equal", "proportional"):
        raise ValueError(f"allocation must be 'equal' or 'proportional', not {allocation!r}")
    names = sorted(sizes)
    total = sum(sizes.values())
    n = min(n, total)
    if allocation == "proportional" and total:
        quotas = {k: n * sizes[k] / total for k in names}
        given = {k: min(sizes[k], math.floor(quotas[k])) for k in names}
        # Largest remainders first; ties by name, so the result is deterministic.
        order = sorted(names, key=lambda k: (-(quotas[k] - math.floor(quotas[k])), k))
    else:
        given = dict.fromkeys(names, 0)
        order = names
    # Hand out what is left one at a time, round robin over strata with room.
    while sum(given.values()) < n:
        progressed = False
        for k in order:
            if sum(given.values()) >= n:
                break
            if given[k] < sizes[k]:
                given[k] += 1
                progressed = True
        if not progressed:
            break
    return given


def draw(
    candidates: pd.DataFrame, n: int, rng: np.random.Generator, stratum: str | None, allocation: str
) -> pd.DataFrame:
    """``n`` rows of ``candidates`` (already in a fixed order) without replacement, per
    stratum as :func:`allocate` says; the result keeps the candidates' order."""
    if n <= 0 or candidates.empty:
        return candidates.iloc[0:0]
    if stratum is None:
        chosen = rng.choice(len(candidates), size=min(n, len(candidates)), replace=False)
        return candidates.iloc[np.sort(chosen)]
    groups = {k: g for k, g in candidates.groupby(stratum, sort=True)}
    quota = allocate({k: len(g) for k, g in groups.items()}, n, allocation)
    parts = []
    for name in sorted(groups):
        group = groups[name]
        picked = rng.choice(len(group), size=quota[name], replace=False)
        parts.append(group.iloc[np.sort(picked)])
    return pd.concat(parts) if parts else candidates.iloc[0:0]


@dataclass(frozen=True)
class SampleRequest:
    """What to draw: ``n`` precision items and ``recall`` sentences of ``measure``."""

    measure: str
    n: int = 200
    recall: int = 0
    stratify_by: str | None = None  # None or "outlet"
    allocation: str = "equal"
    seed: int = 0
    outlets: tuple[str, ...] = ()  # only these outlets (all when empty)


class SampleError(ValueError):
    """A sample cannot be drawn as asked (message says why and what to do)."""


def measures_in_store(con) -> list[str]:
    """Evidence kinds present in the store: the measures a sample can be drawn for."""
    return [r[0] for r in con.execute("SELECT DISTINCT kind FROM evidence ORDER BY 1").fetchall()]


def _outlet_clause(outlets: Sequence[str]) -> tuple[str, list]:
    if not outlets:
        return "TRUE", []
    return "a.outlet IN (" + ", ".join("?" * len(outlets)) + ")", list(outlets)


def draw_sample(con, request: SampleRequest) -> tuple[dict, pd.DataFrame]:
    """Draw ``request`` from the store: the sample's record (for the samples table, less
    its id) and its items (less ids and positions), precision items first.

    Raises :class:`SampleError` when the store has no evidence of the measure.
    """
    if request.stratify_by not in (None, "outlet"):
        raise SampleError(f"--by must be 'outlet' (or left out), not {request.stratify_by!r}")
    if request.n < 0 or request.recall < 0:
        raise SampleError("--n and --recall must be 0 or more")
    known = measures_in_store(con)
    if request.measure not in known:
        listed = ", ".join(known) or "none: ingest articles first"
        raise SampleError(
            f"no evidence of measure {request.measure!r} in this store; measures here: {listed}"
        )
    rng = np.random.default_rng(request.seed)
    condition, params = _outlet_clause(request.outlets)
    # Candidates in a fixed order (the draw's positions refer to it), keys only.
    evidence = con.execute(
        f"""SELECT e.article_id, a.outlet, e.field, e.start, e."end", e.label, e.pattern
        FROM evidence e JOIN articles a USING (article_id)
        WHERE e.kind = ? AND {condition}
        ORDER BY e.article_id, e.field, e.start, e."end", e.label, e.pattern""",
        [request.measure, *params],
    ).df()
    stratum = "outlet" if request.stratify_by else None
    picked = draw(evidence, request.n, rng, stratum, request.allocation)
    precision_items = _evidence_items(con, request.measure, picked)

    sentences = pd.DataFrame()
    recall_items = pd.DataFrame()
    if request.recall:
        sentences = con.execute(
            f"""SELECT s.article_id, a.outlet, s.field, s.idx, s.start, s."end"
            FROM sentences s JOIN articles a USING (article_id)
            WHERE s.field = 'text' AND {condition}
            ORDER BY s.article_id, s.field, s.idx""",
            params,
        ).df()
        recall_items = _sentence_items(
            con, request.measure, draw(sentences, request.recall, rng, stratum, request.allocation)
        )
    items = pd.concat([precision_items, recall_items], ignore_index=True)
    # Coding order: shuffled within each kind, so coders do not read an outlet's items in a row.
    order = np.concatenate(
        [
            rng.permutation(len(precision_items)),
            len(precision_items) + rng.permutation(len(recall_items)),
        ]
    ).astype(int)
    items = items.iloc[order].reset_index(drop=True)

    def per_stratum(frame: pd.DataFrame) -> dict:
        if frame.empty:
            return {}
        return {str(k): int(v) for k, v in frame.groupby("outlet").size().items()}

    record = {
        "measure": request.measure,
        "seed": int(request.seed),
        "stratify_by": request.stratify_by,
        "allocation": request.allocation if request.stratify_by else "simple random",
        "precision_requested": int(request.n),
        "recall_requested": int(request.recall),
        "precision_items": int(len(precision_items)),
        "recall_items": int(len(recall_items)),
        "population": {
            "evidence_rows": per_stratum(evidence),
            "sentences": per_stratum(sentences),
            "outlets": list(request.outlets),
        },
        "analysis_versions": sorted(items["analysis_version"].dropna().unique().tolist())
        if len(items)
        else [],
        "lexicon_hashes": sorted(items["lexicon_hash"].dropna().unique().tolist())
        if len(items)
        else [],
    }
    return record, items


def _with_stamps(con, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` plus each article's analysis_version and lexicon_hash."""
    ids = frame[["article_id"]].drop_duplicates()
    con.register("_sample_ids", ids)
    try:
        stamps = con.execute(
            """SELECT s.article_id, s.analysis_version, s.lexicon_hash
            FROM scores s JOIN _sample_ids USING (article_id)"""
        ).df()
    finally:
        con.unregister("_sample_ids")
    return frame.merge(stamps, on="article_id", how="left")


def _evidence_items(con, measure: str, picked: pd.DataFrame) -> pd.DataFrame:
    """The full evidence rows of the picked keys, as precision items."""
    if picked.empty:
        return pd.DataFrame(columns=["item_kind", "outlet", *EVIDENCE_COLUMNS])
    keys = picked[["article_id", "field", "start", "end", "label", "pattern"]]
    con.register("_sample_keys", keys)
    try:
        columns = ", ".join(f'e."{c}"' for c in EVIDENCE_COLUMNS)
        rows = con.execute(
            f"""SELECT a.outlet, {columns} FROM evidence e
            JOIN _sample_keys k ON e.article_id = k.article_id AND e.field = k.field
                AND e.start = k.start AND e."end" = k."end"
                AND e.label IS NOT DISTINCT FROM k.label
                AND e.pattern IS NOT DISTINCT FROM k.pattern
            JOIN articles a ON a.article_id = e.article_id
            WHERE e.kind = ?
            QUALIFY row_number() OVER (PARTITION BY e.article_id, e.field, e.start, e."end",
                                       e.label, e.pattern ORDER BY e.source, e.cue) = 1
            ORDER BY e.article_id, e.field, e.start, e."end" """,
            [measure],
        ).df()
    finally:
        con.unregister("_sample_keys")
    rows.insert(0, "item_kind", "precision")
    return _with_stamps(con, rows)


def _is_list(value) -> bool:
    return isinstance(value, list | tuple | np.ndarray)


def _sentence_items(con, measure: str, picked: pd.DataFrame) -> pd.DataFrame:
    """The picked sentences as recall items, each with the machine's instances of the
    measure that overlap it (``found`` and ``found_spans``)."""
    if picked.empty:
        return pd.DataFrame()
    con.register("_sample_sentences", picked)
    try:
        rows = con.execute(
            """SELECT p.article_id, p.outlet, p.field, p.idx, p.start, p."end",
                   substr(a.text, p.start + 1, p."end" - p.start) AS text,
                   count(e.start) AS found,
                   list([e.start, e."end"] ORDER BY e.start, e."end")
                       FILTER (WHERE e.start IS NOT NULL) AS spans
            FROM _sample_sentences p JOIN articles a ON a.article_id = p.article_id
            LEFT JOIN evidence e ON e.article_id = p.article_id AND e.field = p.field
                AND e.kind = ? AND e.start < p."end" AND e."end" > p.start
            GROUP BY ALL ORDER BY p.article_id, p.idx""",
            [measure],
        ).df()
    finally:
        con.unregister("_sample_sentences")
    items = pd.DataFrame(
        {
            "item_kind": "recall",
            "outlet": rows["outlet"],
            "article_id": rows["article_id"],
            "field": rows["field"],
            "kind": measure,
            "label": "",
            "start": rows["start"],
            "end": rows["end"],
            "text": rows["text"],
            "sentence": rows["idx"],
            "found": rows["found"].astype(int),
            "found_spans": [
                json.dumps([[int(a), int(b)] for a, b in spans] if _is_list(spans) else [])
                for spans in rows["spans"]
            ],
        }
    )
    return _with_stamps(con, items)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the paragraph(s) (lines of ``text``) holding ``[start, end)``.

    >>> paragraph_bounds("one\\ntwo three\\nfour", 6, 9)
    (4, 13)
    """
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", max(end, start))
    return first, len(text) if last < 0 else last


_OFFSETS = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


def missed_spans(sentence: str, offset: int, pieces: Sequence[str]) -> list[list]:
    """Where each missed passage lies in the article: ``[[start, end, text], ...]``.

    A piece is a passage copied from ``sentence`` (found exactly, else ignoring case) or
    offsets ``"a-b"`` counted from the sentence's first character; ``offset`` is the
    sentence's start in the article. Raises ``ValueError`` naming the first piece that
    is neither.

    >>> missed_spans("Aid workers said so.", 100, ["aid workers", "12-16"])
    [[100, 111, 'Aid workers'], [112, 116, 'said']]
    """
    spans = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        match = _OFFSETS.match(piece)
        if match and int(match.group(1)) < int(match.group(2)) <= len(sentence):
            a, b = int(match.group(1)), int(match.group(2))
        else:
            a = sentence.find(piece)
            if a < 0:
                a = sentence.lower().find(piece.lower())
            if a < 0:
                raise ValueError(piece)
            b = a + len(piece)
        spans.append([offset + a, offset + b, sentence[a:b]])
    return spans
