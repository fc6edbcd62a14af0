"""Coding sheets: a validation sample as a CSV for coders who prefer a spreadsheet, and
reading a filled sheet back as codes, with every mistake named by its row.

The sheet is written through :func:`analysis.report.export.to_csv`, so no cell runs as
a formula in a spreadsheet (a text cell starting with ``=``, ``+``, ``-``, ``@`` gets a
leading ``'``, which reading strips again). Row numbers in messages are the
spreadsheet's: the header is row 1, the first item row 2.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pandas as pd

from analysis.compare.validation_sample import (
    PRECISION_CODES,
    missed_spans,
    paragraph_bounds,
    question_for,
    reasons_for,
)
from analysis.errors import SlantError
from analysis.report.export import FORMULA_PREFIXES, to_csv

#: The sheet's columns. Coders fill ``code``, ``reason``, ``missed_text``, ``note`` and
#: ``coder``; the rest describes the item.
SHEET_COLUMNS = (
    "sample",
    "item",
    "kind",
    "outlet",
    "article",
    "context",
    "highlighted",
    "label",
    "source",
    "speaker",
    "cue",
    "cue_class",
    "quote_type",
    "machine_found",
    "question",
    "code",
    "reason",
    "missed_text",
    "note",
    "coder",
)
FILLED_COLUMNS = ("code", "reason", "missed_text", "note", "coder")

#: Words a coder may write in the code column, and the code each stands for.
CODE_WORDS = {
    "precision": {
        "correct": "correct",
        "c": "correct",
        "wrong": "wrong",
        "w": "wrong",
        "skip": "skip",
        "s": "skip",
    },
    "recall": {
        "nothing missed": "none_missed",
        "none missed": "none_missed",
        "none_missed": "none_missed",
        "none": "none_missed",
        "missed": "missed",
        "m": "missed",
        "skip": "skip",
        "s": "skip",
    },
}
_CODE_HELP = {"precision": "correct, wrong or skip", "recall": "nothing missed, missed or skip"}

#: Several missed spans in one sentence are separated by this in ``missed_text``.
MISSED_SEPARATOR = " | "


class SheetError(SlantError):
    """A coding sheet that cannot be imported; the message lists every bad row."""


def _marked(text: str, start: int, end: int, paragraph: tuple[int, int]) -> str:
    p0, p1 = paragraph
    return f"{text[p0:start]}[[{text[start:end]}]]{text[end:p1]}"


def sheet_frame(items: pd.DataFrame, texts: dict[tuple[str, str], str]) -> pd.DataFrame:
    """The coding sheet of ``items`` (in coding order). ``texts`` maps (article_id,
    field) to the article's text, for the paragraph shown around each item, in which
    the item's span is marked ``[[like this]]``."""
    rows = []
    for item in items.itertuples(index=False):
        text = texts.get((item.article_id, item.field), "")
        start, end = int(item.start), int(item.end)
        context = _marked(text, start, end, paragraph_bounds(text, start, end)) if text else ""
        precision_question, recall_asks = question_for(item.kind)
        if item.item_kind == "recall":
            spans = json.loads(item.found_spans or "[]")
            found = MISSED_SEPARATOR.join(text[a:b] for a, b in spans) if text else ""
            question = (
                f"Did the machine miss any {recall_asks} in the marked sentence? The machine "
                f"found {len(spans)}: see machine_found. Code 'nothing missed' or 'missed' "
                "(then copy each missed passage into missed_text, separated by ' | ')."
            )
        else:
            found = ""
            question = (
                precision_question
                + " Code 'correct' or 'wrong' (then a reason: "
                + "; ".join(reasons_for(item.kind))
                + ")."
            )
        rows.append(
            {
                "sample": item.sample_id,
                "item": item.item_id,
                "kind": item.item_kind,
                "outlet": item.outlet,
                "article": item.article_id,
                "context": context,
                "highlighted": item.text,
                "label": _text(item.label),
                "source": _text(getattr(item, "source", "")),
                "speaker": _text(getattr(item, "speaker", "")),
                "cue": _text(getattr(item, "cue", "")),
                "cue_class": _text(getattr(item, "cue_class", "")),
                "quote_type": _text(getattr(item, "quote_type", "")),
                "machine_found": found,
                "question": question,
                **dict.fromkeys(FILLED_COLUMNS, ""),
            }
        )
    return pd.DataFrame(rows, columns=list(SHEET_COLUMNS))


def _text(value) -> str:
    if value is None:
        return ""
    try:
        if value != value:  # NaN / NA
            return ""
    except (TypeError, ValueError):
        return ""
    return str(value)


def write_sheet(frame: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write a coding sheet (formula-safe CSV)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_csv(frame))
    return path


def _unneutralise(value: str) -> str:
    """Undo the ``'`` the export put before a formula-like cell."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def read_sheet(
    data: bytes | str | os.PathLike,
    items: pd.DataFrame,
    coder: str | None = None,
    name: str | None = None,
    default_coder: str | None = None,
) -> pd.DataFrame:
    """The codes in a filled coding sheet, checked against the store's ``items`` (every
    item of the samples the sheet may name).

    ``data`` is the file's path or its bytes; ``coder`` overrides the sheet's coder
    column, ``default_coder`` fills it where it is empty. Rows with an empty code are not coded yet and are left out. Raises
    :class:`SheetError` listing every problem ("attribution-60.csv, row 7: ...") when
    any row is wrong; nothing is imported then.
    """
    if isinstance(data, bytes | bytearray):
        raw, name = bytes(data), name or "sheet"
    else:
        path = Path(data)
        name = name or path.name
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise SheetError(f"{path}: cannot read the sheet ({error.strerror})") from error
    try:
        frame = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as error:
        raise SheetError(f"{name}: not a readable CSV sheet ({error})") from error
    frame.columns = [_unneutralise(str(c)).strip().lower() for c in frame.columns]
    missing = [c for c in ("item", "code") if c not in frame.columns]
    if missing:
        raise SheetError(
            f"{name}: the sheet has no {' or '.join(missing)} column; export a sheet with "
            "`slant validate sample ... --out FILE` and fill in its code column"
        )
    by_id = items.set_index("item_id")
    problems: list[str] = []
    codes = []
    seen: dict[tuple[str, str], int] = {}
    for index, row in frame.iterrows():
        number = int(index) + 2
        where = f"{name}, row {number}"
        cell = {c: _unneutralise(str(row.get(c, ""))).strip() for c in frame.columns}
        word = cell.get("code", "").lower()
        if not word:
            continue
        item_id = cell.get("item", "")
        if item_id not in by_id.index:
            problems.append(
                f"{where}: item {item_id!r} is not in this store's samples; keep the item "
                "column as exported (perhaps it is the sheet of another store)"
            )
            continue
        item = by_id.loc[item_id]
        kind = item["item_kind"]
        code = CODE_WORDS[kind].get(word)
        if code is None:
            problems.append(
                f"{where}: code {cell['code']!r} is not possible for a {kind} item; "
                f"write {_CODE_HELP[kind]}"
            )
            continue
        who = (coder or cell.get("coder", "") or default_coder or "").strip()
        if not who:
            problems.append(f"{where}: no coder; fill the coder column or pass --coder NAME")
            continue
        if (item_id, who) in seen:
            problems.append(
                f"{where}: item {item_id} is coded twice by {who} (also row "
                f"{seen[item_id, who]}); keep one row"
            )
            continue
        seen[item_id, who] = number
        reason = cell.get("reason", "")
        missed_text = cell.get("missed_text", "")
        record = {
            "sample_id": item["sample_id"],
            "item_id": item_id,
            "coder": who,
            "code": code,
            "reason": None,
            "missed": None,
            "missed_spans": None,
            "note": cell.get("note", "") or None,
            "origin": f"sheet:{name}",
        }
        if kind == "precision":
            if missed_text:
                problems.append(f"{where}: missed_text is for recall items; leave it empty")
                continue
            if reason:
                allowed = {r.lower(): r for r in reasons_for(item["kind"])}
                if code != "wrong":
                    problems.append(
                        f"{where}: a reason goes with 'wrong' only, this row says {code!r}; "
                        "clear the reason or change the code"
                    )
                    continue
                if reason.lower() not in allowed:
                    problems.append(
                        f"{where}: reason {reason!r} is not one of: "
                        + "; ".join(reasons_for(item["kind"]))
                    )
                    continue
                record["reason"] = allowed[reason.lower()]
        else:
            if reason:
                problems.append(
                    f"{where}: a reason is for precision items; on a recall item write the "
                    "missed passages in missed_text"
                )
                continue
            if code == "missed":
                pieces = [p.strip() for p in missed_text.split(MISSED_SEPARATOR.strip())]
                pieces = [p for p in pieces if p]
                if not pieces:
                    problems.append(
                        f"{where}: 'missed' needs the missed passage(s) in missed_text, "
                        "copied from the sentence, separated by ' | '"
                    )
                    continue
                try:
                    spans = missed_spans(str(item["text"]), int(item["start"]), pieces)
                except ValueError as error:
                    problems.append(
                        f"{where}: missed passage {str(error)!r} does not occur in the "
                        "sentence; copy it exactly from the highlighted text"
                    )
                    continue
                record["missed"] = len(spans)
                record["missed_spans"] = json.dumps(spans, ensure_ascii=False)
                codes.append(record)
                continue
            if missed_text:
                problems.append(
                    f"{where}: missed_text is filled but the code is {cell['code']!r}; "
                    "write 'missed' or clear missed_text"
                )
                continue
            record["missed"] = 0 if code == "none_missed" else None
        codes.append(record)
    if problems:
        shown = problems[:50]
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise SheetError(
            f"{name}: {len(problems)} row(s) cannot be imported, nothing was imported:\n"
            + "\n".join(shown)
            + more
        )
    columns = ["sample_id", "item_id", "coder", "code", "reason", "missed", "missed_spans",
               "note", "origin"]  # fmt: skip
    return pd.DataFrame(codes, columns=columns)


__all__ = [
    "CODE_WORDS",
    "PRECISION_CODES",
    "SHEET_COLUMNS",
    "SheetError",
    "read_sheet",
    "sheet_frame",
    "write_sheet",
]
