"""Validate: check a measure against people on your own corpus.

Draw a seeded random sample of a measure's evidence (plus random sentences for recall),
code it one item at a time under your own name (or in a spreadsheet), and read
precision and recall with 95% intervals, Cohen's kappa, Krippendorff's alpha and the
items coders disagree on. Codes are stored beside the measures and never change them.

URL: ``?sample=<id>&coder=<name>`` opens a sample for a coder (a teacher shares the
link; each student types their own name).
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime

import altair as alt
import pandas as pd
import streamlit as st

from analysis.compare.validation_results import format_summary
from analysis.compare.validation_sample import (
    SampleError,
    SampleRequest,
    missed_spans,
    paragraph_bounds,
    question_for,
    reasons_for,
)
from analysis.report import validation_sheet
from analysis.report.export import metadata_json, to_csv
from dashboard import classroom, components, url_state
from dashboard import validation_data as data
from dashboard.highlight import render_article_html

SAMPLE_KEY = "sample"  # URL param and state key of the chosen sample
CODER_KEY = "coder"  # URL param and state key of the coder's name
_MESSAGE = "_validate_message"

md = components.escape_md


def _position_key(sample_id: str, coder: str) -> str:
    return f"_validate_pos|{sample_id}|{coder}"


def _first_uncoded(item_ids: list[str], mine: set[str], after: int = -1) -> int:
    """The next item (after ``after``, wrapping) this coder has not coded; else the last."""
    n = len(item_ids)
    for step in range(1, n + 1):
        i = (after + step) % n
        if item_ids[i] not in mine:
            return i
    return min(max(after, 0), n - 1)


# --------------------------------------------------------------------------- new sample


def new_sample_form(measures: list[str]) -> None:
    with st.form("validate_new_sample"):
        st.markdown("**Draw a new sample**")
        left, middle, right = st.columns(3)
        measure = left.selectbox("Measure (evidence kind)", measures, key="vs_measure")
        n = middle.number_input("Evidence rows", 1, 5000, 60, key="vs_n")
        recall = right.number_input(
            "Recall sentences", 0, 5000, 20, key="vs_recall",
            help="Random body sentences, with and without evidence, in which coders mark "
            "what the machine missed.",
        )  # fmt: skip
        left, middle, right = st.columns(3)
        by_outlet = left.toggle("Stratify by outlet", value=True, key="vs_by")
        allocation = middle.radio(
            "Per outlet", ["equal", "proportional"], horizontal=True, key="vs_allocation",
            help="equal: the same number per outlet; proportional: each outlet's share.",
        )  # fmt: skip
        seed = right.number_input("Seed", 0, 2**31 - 1, 0, key="vs_seed")
        if st.form_submit_button("Draw the sample", type="primary"):
            request = SampleRequest(
                measure=measure,
                n=int(n),
                recall=int(recall),
                stratify_by="outlet" if by_outlet else None,
                allocation=allocation,
                seed=int(seed),
            )
            try:
                sample_id = data.create_sample(request)
            except SampleError as error:
                st.error(str(error))
                return
            st.session_state[SAMPLE_KEY] = sample_id
            st.session_state[_MESSAGE] = f"Sample {sample_id} drawn. Code it in the Code tab."
            st.rerun()


# --------------------------------------------------------------------------- coding


def _display_rows(item: pd.Series, shift: int) -> list[dict]:
    """The item's evidence as reader marks, with offsets into the shown paragraph."""
    row = {k: item.get(k) for k in item.index}
    for key in ("start", "end", "source_start", "source_end", "cue_start", "cue_end"):
        value = row.get(key)
        if value is not None and not pd.isna(value):
            row[key] = int(value) - shift
    if row.get("kind") not in ("attribution", "framing", "hedge"):
        # Targets and other kinds have no mark of their own in the reader: tint them.
        row["kind"], row["label"] = "framing", f"{item['kind']}: {item.get('label') or ''}"
    return [row]


def _machine_says(item: pd.Series) -> str:
    kind = item["kind"]
    if kind == "attribution":
        parts = [f"source **{md(item['source'] or '—')}**"]
        if item.get("speaker") and item["speaker"] != item["source"]:
            parts.append(f"speaker **{md(item['speaker'])}**")
        parts.append(f"cue **{md(item['cue'] or '—')}** ({md(item['cue_class'] or '—')})")
        if item.get("quote_type"):
            parts.append(f"{md(item['quote_type'])} quote")
        if item.get("anonymous") is True:
            parts.append("anonymous source")
        return " · ".join(parts)
    label = md(item.get("label") or "")
    pattern = md(item.get("pattern") or "")
    return f"{md(kind)} **{label}**" + (f" (lexicon pattern '{pattern}')" if pattern else "")


def _save(item: dict, coder: str, code: str, after: int, item_ids, mine, **extra) -> None:
    data.save_code(item, coder, code, **extra)
    mine = set(mine) | {item["item_id"]}
    st.session_state[_position_key(item["sample_id"], coder)] = _first_uncoded(
        item_ids, mine, after
    )


def _go(sample_id: str, coder: str, position: int) -> None:
    st.session_state[_position_key(sample_id, coder)] = position


def coding(sample_id: str, coder: str) -> None:
    rows = data.items(sample_id)
    if rows.empty:
        st.info("This sample has no items.")
        return
    codes = data.codes(sample_id)
    mine_codes = codes[codes["coder"] == coder].set_index("item_id")
    mine = set(mine_codes.index)
    item_ids = list(rows["item_id"])
    key = _position_key(sample_id, coder)
    if key not in st.session_state:  # resume where this coder stopped
        st.session_state[key] = _first_uncoded(item_ids, mine)
    position = min(st.session_state[key], len(rows) - 1)
    item = rows.iloc[position]
    measure = item["kind"]

    done = len(mine & set(item_ids))
    st.progress(done / len(rows), text=f"{coder}: {done} of {len(rows)} items coded")
    if done == len(rows):
        st.success("You have coded every item. See the Results tab; you can still revise.")

    kind_word = "Evidence" if item["item_kind"] == "precision" else "Recall sentence"
    st.markdown(
        f"**Item {position + 1} of {len(rows)}** · {kind_word} · "
        f"{md(classroom.label(item['outlet']))} · "
        f"[open the article]({url_state.reader_link(item['article_id'])})"
    )
    texts = data.texts(rows)
    text = texts.get((item["article_id"], item["field"]), "")
    start, end = int(item["start"]), int(item["end"])
    p0, p1 = paragraph_bounds(text, start, end)
    precision_question, recall_asks = question_for(measure)

    if item["item_kind"] == "precision":
        st.markdown(f"##### {md(precision_question)}")
        with st.container(border=True):
            st.html(render_article_html(text[p0:p1], _display_rows(item, p0), []))
        st.caption("The machine says: " + _machine_says(item))
    else:
        st.markdown(f"##### Did the machine miss any {md(recall_asks)} in this sentence?")
        found = json.loads(item["found_spans"] or "[]")
        # The item keeps only where the machine's instances lie, so they are drawn as one
        # plainly coloured mark each (a quote's faint tint alone was easy to miss).
        found_label = f"found by the machine ({measure})"
        marks = [
            {"kind": "framing", "label": found_label, "start": a - start, "end": b - start,
             "field": "text"}
            for a, b in found
        ]  # fmt: skip
        before, after = text[p0:start].strip(), text[end:p1].strip()
        if before:
            st.caption(md(before))
        with st.container(border=True):
            st.html(render_article_html(str(item["text"]), marks, []))
        if after:
            st.caption(md(after))
        st.caption(f"The machine found {len(found)} here (marked). Mark only what it missed.")

    previous = mine_codes.loc[item["item_id"]] if item["item_id"] in mine else None
    if previous is not None:
        shown = previous["code"].replace("_", " ")
        if isinstance(previous.get("reason"), str) and previous["reason"]:
            shown += f" ({previous['reason']})"
        st.info(f"You coded this item: **{md(shown)}**. A new answer replaces it.")

    record = item.to_dict()
    common = {"after": position, "item_ids": item_ids, "mine": mine}
    note = st.text_input("Note (optional)", key=f"v_note_{item['item_id']}")
    if item["item_kind"] == "precision":
        reasons = list(reasons_for(measure))
        reason = st.selectbox(
            "If wrong, why?", reasons, key=f"v_reason_{item['item_id']}",
            index=reasons.index(previous["reason"]) if previous is not None
            and previous.get("reason") in reasons else 0,
        )  # fmt: skip
        cols = st.columns(5)
        cols[0].button(
            "Correct", type="primary", shortcut="Y", key="v_correct", width="stretch",
            on_click=_save, args=(record, coder, "correct"), kwargs={**common, "note": note},
        )  # fmt: skip
        cols[1].button(
            "Wrong", shortcut="W", key="v_wrong", width="stretch",
            on_click=_save, args=(record, coder, "wrong"),
            kwargs={**common, "reason": reason, "note": note},
        )  # fmt: skip
        cols[2].button(
            "Skip", shortcut="S", key="v_skip", width="stretch",
            on_click=_save, args=(record, coder, "skip"), kwargs={**common, "note": note},
        )  # fmt: skip
    else:
        entries = st.text_area(
            "Missed passages, one per line: copy from the sentence, or give offsets like "
            "12-30 (counted from the sentence's first character)",
            key=f"v_missed_{item['item_id']}",
            height=80,
        )
        cols = st.columns(5)
        cols[0].button(
            "Nothing missed", type="primary", shortcut="N", key="v_none", width="stretch",
            on_click=_save, args=(record, coder, "none_missed"),
            kwargs={**common, "missed": 0, "note": note},
        )  # fmt: skip
        if cols[1].button("Missed", shortcut="M", key="v_missed", width="stretch"):
            try:
                spans = missed_spans(str(item["text"]), start, entries.splitlines())
            except ValueError as error:
                st.error(
                    f"'{md(str(error))}' is not in the sentence and not offsets like 12-30; "
                    "copy the passage exactly."
                )
                spans = None
            if spans == []:
                st.error("Write the missed passage(s) first, one per line.")
            elif spans:
                _save(record, coder, "missed", missed=len(spans),
                      spans=json.dumps(spans, ensure_ascii=False), note=note, **common)  # fmt: skip
                st.rerun()
        cols[2].button(
            "Skip", shortcut="S", key="v_skip", width="stretch",
            on_click=_save, args=(record, coder, "skip"), kwargs={**common, "note": note},
        )  # fmt: skip
    cols[3].button(
        "Previous", icon=":material/arrow_back:", shortcut="Left", key="v_prev",
        width="stretch", disabled=position == 0, on_click=_go,
        args=(sample_id, coder, position - 1),
    )  # fmt: skip
    cols[4].button(
        "Next", icon=":material/arrow_forward:", shortcut="Right", key="v_next",
        width="stretch", disabled=position >= len(rows) - 1, on_click=_go,
        args=(sample_id, coder, position + 1),
    )  # fmt: skip
    st.caption(
        "Keys: Y correct · W wrong · S skip · N nothing missed · M missed · ← → move. "
        "Your codes are saved as you go; come back any time to carry on."
    )


# --------------------------------------------------------------------------- results


def interval_chart(frame: pd.DataFrame, group: str, title: str) -> alt.Chart:
    """Precision per group: a point with its 95% interval."""
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{group}:N", title=title, sort=None, axis=alt.Axis(labelLimit=240)),
        tooltip=[
            alt.Tooltip(f"{group}:N", title=title),
            alt.Tooltip("n:Q", title="items (n)"),
            alt.Tooltip("precision:Q", format=".2f"),
            alt.Tooltip("ci_low:Q", format=".2f", title="95% CI from"),
            alt.Tooltip("ci_high:Q", format=".2f", title="95% CI to"),
        ],
    )
    rules = base.mark_rule(strokeWidth=2).encode(
        x=alt.X(
            "ci_low:Q",
            title="Precision (95% Wilson interval)",
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format=".1f", tickCount=10),
        ),
        x2="ci_high:Q",
    )
    points = base.mark_point(filled=True, size=70).encode(x="precision:Q")
    return (rules + points).properties(height=alt.Step(34))


def _fmt(value, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.{digits}f}"


def results_view(sample_id: str) -> None:
    report = data.report(sample_id)
    st.markdown(f"**{format_summary(report.summary)}**")  # numbers and fixed words only
    agreement = report.agreement
    overall = report.table[report.table["metric"] == "precision"].iloc[0]
    cols = st.columns(4)
    cols[0].metric(
        "Precision", _fmt(overall["value"]),
        help="Share of sampled evidence coders judged correct; each item counts once.",
    )  # fmt: skip
    cols[1].metric("95% interval", f"{_fmt(overall['ci_low'])} – {_fmt(overall['ci_high'])}")
    cols[2].metric(
        "Krippendorff's alpha", _fmt(agreement["alpha"]),
        help="Agreement between all coders beyond chance (1 = perfect, 0 = chance); "
        "nominal, skipped items count as missing. 0.8 or more is the usual bar, 0.667 "
        "the lowest for tentative conclusions (Krippendorff).",
    )  # fmt: skip
    cols[3].metric(
        "Cohen's kappa", _fmt(agreement["kappa"]),
        help="Agreement of two coders beyond chance (with more coders: per pair, below).",
    )  # fmt: skip
    weighted = report.table[report.table["group"].str.startswith("all items, outlets weighted")]
    if not weighted.empty:
        row = weighted.iloc[0]
        st.caption(
            "The sample took items per outlet, so the figure above counts outlets as sampled. "
            f"Weighted by each outlet's share of the evidence, the corpus-wide precision is "
            f"{_fmt(row['value'])} [{_fmt(row['ci_low'])}, {_fmt(row['ci_high'])}]."
        )
    if classroom.is_on():
        st.info(
            "**Precision** says how often the machine was right when it marked something. "
            "The interval is the range the true value probably lies in: the fewer items, "
            "the wider. **Alpha** says how much the coders agreed with each other beyond "
            "what luck would give; if people disagree, the 'right answer' is unclear too.",
            icon=":material/school:",
        )

    by_outlet = classroom.relabel(report.precision_by_outlet)
    if not by_outlet.empty:
        st.markdown("**Precision per outlet**")
        components.chart(
            interval_chart(by_outlet, "outlet", "Outlet"), f"{sample_id}_outlets", by_outlet
        )
        components.table(
            by_outlet,
            outlet=st.column_config.TextColumn("Outlet"),
            n=st.column_config.NumberColumn("Items (n)"),
            correct=st.column_config.NumberColumn("Judged correct", format="%.1f"),
            precision=st.column_config.NumberColumn("Precision", format="%.2f"),
            ci_low=st.column_config.NumberColumn("95% CI from", format="%.2f"),
            ci_high=st.column_config.NumberColumn("95% CI to", format="%.2f"),
        )
    by_coder = report.precision_by_coder
    if len(by_coder) > 1:
        st.markdown("**Precision per coder**")
        components.chart(
            interval_chart(by_coder, "coder", "Coder"), f"{sample_id}_coders", by_coder
        )

    recall = report.recall
    if recall["sentences"]:
        st.markdown(
            f"**Recall** {_fmt(recall['recall'])} [{_fmt(recall['ci_low'])}, "
            f"{_fmt(recall['ci_high'])}] from {recall['sentences']} coded sentences "
            f"({recall['with_evidence']} with machine evidence): the machine marked "
            f"{recall['found']} instances there, coders marked {recall['missed']:g} it missed."
        )
        st.caption(
            "Recall counts the machine's marks in the sampled sentences as found; their "
            "correctness is what precision measures."
        )

    st.markdown("**Coders**")
    progress = report.progress
    if len(agreement["pairs"]) > 1:
        pairs = pd.DataFrame(agreement["pairs"])
        pairs["coders"] = pairs["coders"].map(" and ".join)
        components.table(pairs.rename(columns={"kappa": "Cohen's kappa"}))
    components.table(progress)

    st.markdown("**Disagreements to discuss**")
    disagreements = classroom.relabel(report.disagreements)
    if disagreements.empty:
        st.caption(
            "No item was judged differently by two coders"
            + (" (only one coder so far)." if len(progress) < 2 else ".")
        )
    else:
        components.n_badge(len(disagreements), "items")
        components.table(disagreements)

    st.markdown("**Export**")
    meta = {
        **report.provenance,
        "summary": report.summary,
        "agreement": agreement,
        "recall": recall,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    cols = st.columns(4)
    cols[0].download_button(
        "Results (CSV)", to_csv(report.table), f"{sample_id}-results.csv".replace("/", "_"),
        "text/csv", icon=":material/download:", on_click="ignore", key="v_dl_results",
    )  # fmt: skip
    cols[1].download_button(
        "Provenance (JSON)", metadata_json(meta), f"{sample_id}-results.json",
        "application/json", icon=":material/download:", on_click="ignore", key="v_dl_json",
    )  # fmt: skip
    cols[2].download_button(
        "Disagreements (CSV)", to_csv(report.disagreements),
        f"{sample_id}-disagreements.csv", "text/csv", icon=":material/download:",
        on_click="ignore", key="v_dl_disagree",
    )  # fmt: skip
    rows = data.items(sample_id)
    sheet = validation_sheet.sheet_frame(rows, data.texts(rows))
    cols[3].download_button(
        "Coding sheet (CSV)", to_csv(sheet), f"{sample_id}-sheet.csv", "text/csv",
        icon=":material/download:", on_click="ignore", key="v_dl_sheet",
        help="The sample as a spreadsheet for coders who prefer one; import it below.",
    )  # fmt: skip


def import_sheet(coder: str) -> None:
    upload = st.file_uploader(
        "Import a filled coding sheet (CSV)", type=["csv"], key="v_upload",
        help="Rows with a code are stored under the sheet's coder column, or under your "
        "name when that column is empty.",
    )  # fmt: skip
    if upload is None or not st.button("Import the codes", key="v_import"):
        return
    rows = data.all_items()
    try:
        frame = validation_sheet.read_sheet(
            upload.getvalue(), rows, coder=None, name=upload.name, default_coder=coder or None
        )
    except validation_sheet.SheetError as error:
        st.error(md(str(error)).replace("\n", "  \n"))
        return
    if frame.empty:
        st.warning("No row of this sheet has a code yet; nothing imported.")
        return
    data.save_codes(frame)
    st.session_state[_MESSAGE] = (
        f"Imported {len(frame)} codes by {', '.join(sorted(frame['coder'].unique()))}."
    )
    st.rerun()


# --------------------------------------------------------------------------- page


def main() -> None:
    st.title("Validate")
    st.caption(
        "Before citing a figure, check the measure against people: draw a random sample of "
        "its evidence, code it (here, one item at a time, or in a spreadsheet), and read "
        "precision, recall and agreement between coders. Codes never change the measures."
    )
    if message := st.session_state.pop(_MESSAGE, None):
        st.success(message)
    measures = data.measures()
    sample_list = data.samples()
    if sample_list.empty:
        st.info("No sample yet. Draw one to start coding.")
        new_sample_form(measures)
        return

    ids = list(sample_list["sample_id"])
    labels = {
        r.sample_id: f"{r.sample_id} — {r.measure}, {int(r.precision_items)} evidence rows + "
        f"{int(r.recall_items)} sentences, seed {r.seed}, {int(r.coders)} coder(s)"
        for r in sample_list.itertuples(index=False)
    }
    left, right = st.columns([3, 2])
    left.selectbox("Sample", ids, key=url_state.url_choice(SAMPLE_KEY, ids), format_func=labels.get)
    if CODER_KEY not in st.session_state:
        st.session_state[CODER_KEY] = st.query_params.get(CODER_KEY, "")
    coder = right.text_input(
        "Your name (coder)", key=CODER_KEY, max_chars=60,
        help="Each coder codes under their own name; agreement is computed between names.",
    ).strip()  # fmt: skip
    url_state.publish(SAMPLE_KEY, CODER_KEY)
    sample_id = st.session_state[SAMPLE_KEY]

    code_tab, results_tab, new_tab = st.tabs(["Code", "Results", "New sample or sheet"])
    with code_tab:
        if coder:
            coding(sample_id, coder)
        else:
            st.info("Type your name above to start (or carry on) coding this sample.")
    with results_tab:
        results_view(sample_id)
    with new_tab:
        new_sample_form(measures)
        import_sheet(coder)


if __name__ == "__main__":
    main()
