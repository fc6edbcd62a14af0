"""``slant validate``: draw a sample for human coding, import filled coding sheets, and
report precision, recall and coder agreement.

    slant validate sample --db FILE --measure attribution --n 200 [--recall 50]
                          [--by outlet] [--allocation equal|proportional] [--seed N]
                          --out sheet.csv
    slant validate import sheet.csv [--db FILE] [--coder NAME]
    slant validate report [--db FILE] [--sample ID | --measure M] --out results.csv
"""

from __future__ import annotations

import math
import sys
from datetime import UTC, datetime
from pathlib import Path

# The stages (pandas, DuckDB) are imported by each step when it runs, not here: the
# parser is built for every `slant` command, and `slant --help` must start fast.


def add_parser(sub, default_db: str) -> None:
    """Register ``slant validate`` and its three sub-commands on ``sub``."""
    parser = sub.add_parser(
        "validate",
        help="validate a measure on your corpus: sample, code, report precision and agreement",
    )
    steps = parser.add_subparsers(dest="step", required=True, metavar="STEP")

    p = steps.add_parser("sample", help="draw a seeded random sample and write its coding sheet")
    p.add_argument("--db", default=default_db, metavar="FILE")
    p.add_argument(
        "--measure", required=True, help="evidence kind: attribution, framing, hedge, target, ..."
    )
    p.add_argument("--n", type=int, default=200, metavar="N", help="evidence rows (default 200)")
    p.add_argument(
        "--recall",
        type=int,
        default=0,
        metavar="N",
        help="random body sentences in which coders mark what the machine missed (default 0)",
    )
    p.add_argument("--by", choices=("outlet",), help="stratify by outlet")
    p.add_argument(
        "--allocation",
        choices=("equal", "proportional"),
        default="equal",
        help="with --by outlet: the same number per outlet (default) or each outlet's share",
    )
    p.add_argument("--seed", type=int, default=0, metavar="N", help="random seed (default 0)")
    p.add_argument(
        "--outlet", action="append", default=[], metavar="NAME", help="only this outlet (repeat)"
    )
    p.add_argument("--out", required=True, metavar="FILE", help="the coding sheet (CSV)")
    p.set_defaults(func=cmd_sample)

    p = steps.add_parser("sheet", help="write a stored sample's coding sheet again")
    p.add_argument("--db", default=default_db, metavar="FILE")
    p.add_argument("--sample", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE", help="the coding sheet (CSV)")
    p.set_defaults(func=cmd_sheet)

    p = steps.add_parser("import", help="store the codes of a filled coding sheet")
    p.add_argument("sheet", metavar="SHEET")
    p.add_argument("--db", default=default_db, metavar="FILE")
    p.add_argument("--coder", metavar="NAME", help="the coder (overrides the sheet's column)")
    p.set_defaults(func=cmd_import)

    p = steps.add_parser("report", help="precision, recall and agreement as CSV + JSON")
    p.add_argument("--db", default=default_db, metavar="FILE")
    p.add_argument("--sample", metavar="ID", help="a sample id (default: the newest sample)")
    p.add_argument("--measure", help="the newest sample of this measure")
    p.add_argument("--out", required=True, metavar="FILE", help="results CSV (JSON beside it)")
    p.set_defaults(func=cmd_report)


def _fail(message: str) -> int:
    print(f"slant: error: {message}", file=sys.stderr)
    return 2


def cmd_sample(args) -> int:
    from analysis import store
    from analysis.compare.validation_sample import SampleError, SampleRequest, draw_sample
    from analysis.report import validation_sheet
    from analysis.store import validation as tables

    request = SampleRequest(
        measure=args.measure,
        n=args.n,
        recall=args.recall,
        stratify_by=args.by,
        allocation=args.allocation,
        seed=args.seed,
        outlets=tuple(args.outlet),
    )
    if not Path(args.db).exists():
        return _fail(
            f"{args.db}: no store here; create one with `slant ingest FILES --db {args.db}`"
        )
    con = tables.connect_for_write(args.db)
    try:
        try:
            record, items = draw_sample(con, request)
        except SampleError as error:
            return _fail(str(error))
        if items.empty:
            return _fail("the sample is empty: ask for --n or --recall above 0")
        with store.transaction(con):
            sample_id = tables.new_sample_id(con, request.measure)
            items = tables.number_items(items, sample_id)
            tables.save_sample(con, {**record, "sample_id": sample_id}, items)
        sheet = validation_sheet.sheet_frame(items, tables.article_texts(con, items))
    finally:
        con.close()
    path = validation_sheet.write_sheet(sheet, args.out)
    print(
        f"sample {sample_id}: {record['precision_items']} evidence rows and "
        f"{record['recall_items']} recall sentences of {request.measure} (seed {request.seed}, "
        f"{record['allocation']}) -> {path}\n"
        f"Fill in the code column (and reason, missed_text, coder), then: "
        f"slant validate import {path} --db {args.db} --coder NAME",
        file=sys.stderr,
    )
    return 0


def cmd_sheet(args) -> int:
    from analysis import store
    from analysis.report import validation_sheet
    from analysis.store import validation as tables

    if not Path(args.db).exists():
        return _fail(f"{args.db}: no store here")
    con = store.connect(args.db, read_only=True)
    try:
        items = tables.sample_items(con, args.sample)
        if items.empty:
            known = ", ".join(tables.samples(con)["sample_id"]) or "none"
            return _fail(f"{args.db}: no sample {args.sample!r}; samples here: {known}")
        sheet = validation_sheet.sheet_frame(items, tables.article_texts(con, items))
    finally:
        con.close()
    path = validation_sheet.write_sheet(sheet, args.out)
    print(f"sample {args.sample}: {len(items)} items -> {path}", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from analysis import store
    from analysis.report import validation_sheet
    from analysis.store import validation as tables

    if not Path(args.db).exists():
        return _fail(f"{args.db}: no store here")
    con = store.connect(args.db, read_only=True)
    try:
        items = tables.all_items(con)
    finally:
        con.close()
    if items.empty:
        return _fail(f"{args.db}: no validation sample in this store; draw one first")
    try:
        codes = validation_sheet.read_sheet(args.sheet, items, coder=args.coder)
    except validation_sheet.SheetError as error:
        return _fail(str(error))
    if codes.empty:
        print(f"{args.sheet}: no row has a code yet; nothing imported", file=sys.stderr)
        return 0
    con = tables.connect_for_write(args.db)
    try:
        with store.transaction(con):
            tables.save_codes(con, codes)
    finally:
        con.close()
    for (sample_id, coder), part in codes.groupby(["sample_id", "coder"]):
        counts = part["code"].value_counts().to_dict()
        shown = ", ".join(f"{n} {code}" for code, n in sorted(counts.items()))
        print(f"imported {len(part)} codes by {coder} for sample {sample_id} ({shown})")
    return 0


def _fmt(value) -> str:
    return (
        "-" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.3f}"
    )


def cmd_report(args) -> int:
    import pandas as pd

    from analysis import store
    from analysis.compare import validation_results as results
    from analysis.report.export import metadata_json, to_csv
    from analysis.store import validation as tables

    if not Path(args.db).exists():
        return _fail(f"{args.db}: no store here")
    con = store.connect(args.db, read_only=True)
    try:
        chosen = tables.samples(con, args.measure)
        if args.sample:
            chosen = chosen[chosen["sample_id"] == args.sample]
        if chosen.empty:
            what = f"sample {args.sample!r}" if args.sample else "validation sample"
            return _fail(f"{args.db}: no {what} here; draw one with `slant validate sample`")
        report = results.sample_report(con, str(chosen.iloc[0]["sample_id"]))
    finally:
        con.close()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(to_csv(report.table))
    disagreements = out.with_name(out.stem + "-disagreements.csv")
    disagreements.write_bytes(to_csv(report.disagreements))
    meta = {
        **report.provenance,
        "summary": report.summary,
        "agreement": report.agreement,
        "recall": report.recall,
        "files": {"results": out.name, "disagreements": disagreements.name},
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    out.with_suffix(".json").write_bytes(metadata_json(meta))
    print(results.format_summary(report.summary))
    with pd.option_context("display.width", 160, "display.max_colwidth", 40):
        print(report.table.to_string(index=False, formatters={
            c: _fmt for c in ("value", "ci_low", "ci_high")
        }))  # fmt: skip
    print(f"{len(report.disagreements)} disagreements -> {disagreements}")
    print(f"-> {out} and {out.with_suffix('.json').name}", file=sys.stderr)
    return 0
